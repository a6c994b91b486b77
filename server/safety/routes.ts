/** /api/safety/alerts — the facilitator's discreet list of songs where crisis language was met (group mode). */
import { createRoute, z } from '@hono/zod-openapi';
import { requireRole } from '../auth/context.ts';
import type { AppDeps } from '../deps.ts';
import { createRouter } from '../http/router.ts';
import { errors, json } from '../journal/routes/common.ts';
import { listAlerts, markAlertSeen, SafetyAlert } from './alerts.ts';

const tags = ['safety'];
const AlertParams = z.object({ id: z.string().min(1).max(100).openapi({ param: { name: 'id', in: 'path' } }) });
const AlertQuery = z.object({ unseen: z.enum(['true', 'false']).default('false') });
const denied = { 401: { ...errors[400], description: 'Not logged in' }, 403: { ...errors[400], description: 'Not a facilitator' } };

/** The safety sub-app, mounted at /api. */
export function safetyRoutes({ db }: AppDeps) {
  return createRouter()
    .openapi(
      createRoute({ method: 'get', path: '/safety/alerts', tags, request: { query: AlertQuery }, responses: { 200: json(z.object({ alerts: z.array(SafetyAlert) }), 'Alerts, newest first: song, person, time — never the words'), ...denied } }),
      async (c) => {
        requireRole(c, 'facilitator');
        return c.json({ alerts: await listAlerts(db, { unseen: c.req.valid('query').unseen === 'true' }) }, 200);
      },
    )
    .openapi(
      createRoute({ method: 'post', path: '/safety/alerts/{id}/seen', tags, request: { params: AlertParams }, responses: { 204: { description: 'Marked seen' }, 404: errors[404], ...denied } }),
      async (c) => {
        requireRole(c, 'facilitator');
        await markAlertSeen(db, c.req.valid('param').id);
        return c.body(null, 204);
      },
    );
}
