/**
 * GET /api/health — liveness: is the process up, which journal, which guide (never touches the database).
 * GET /api/health/ready — readiness: can the journal be reached right now (503 DB_UNAVAILABLE if not),
 * for a load balancer putting several instances in front of one PostgreSQL.
 */
import { createRoute, z } from '@hono/zod-openapi';
import { sql } from 'drizzle-orm';
import { ErrorBody } from '../journal/shapes.ts';
import { ENGINE_VERSION } from '../../music/version.ts';
import type { Config } from '../config.ts';
import type { AppDeps } from '../deps.ts';
import { createRouter } from './router.ts';

export const Health = z
  .object({
    ok: z.literal(true),
    db: z.enum(['pglite', 'postgres']),
    guide: z.object({ mode: z.enum(['offline', 'llm']), provider: z.string(), model: z.string().optional() }),
    engineVersion: z.string(),
    /** personal: one musician's own computer; group: a shared server (the page words "where your words go" by it). */
    deployment: z.enum(['personal', 'group']).optional(),
  })
  .openapi('Health');

/** "offline (on this computer)" or the LLM's host: "api.openai.com", "localhost:11434". */
export function guideLabel(llm: Config['llm'], deployment: Config['deployment'] = 'personal'): z.infer<typeof Health>['guide'] {
  // On a shared server "this computer" would be untrue from where the musician sits.
  if (llm.mode === 'offline') return { mode: 'offline', provider: deployment === 'group' ? 'offline (on this server)' : 'offline (on this computer)' };
  const host = llm.baseURL ? new URL(llm.baseURL).host : 'api.openai.com';
  return { mode: 'llm', provider: host, model: llm.model };
}

/** The health sub-app, mounted at /api. */
export function healthRoutes({ db, config }: AppDeps) {
  const deployment = config.deployment ?? 'personal';
  const body = { ok: true as const, db: db.kind, guide: guideLabel(config.llm, deployment), engineVersion: ENGINE_VERSION, deployment };
  return createRouter()
    .openapi(
      createRoute({ method: 'get', path: '/health', tags: ['health'], responses: { 200: { content: { 'application/json': { schema: Health } }, description: 'The server is up' } } }),
      (c) => c.json(body, 200),
    )
    .openapi(
      createRoute({
        method: 'get',
        path: '/health/ready',
        tags: ['health'],
        responses: {
          200: { content: { 'application/json': { schema: Health } }, description: 'The server is up and its journal answers' },
          503: { content: { 'application/json': { schema: ErrorBody } }, description: 'The journal database cannot be reached' },
        },
      }),
      async (c) => {
        // A failed query becomes 503 DB_UNAVAILABLE in the one onError handler.
        await db.orm.execute(sql`select 1`);
        return c.json(body, 200);
      },
    );
}
