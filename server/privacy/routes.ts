/** GET /api/privacy (the statement), GET /api/account/export, DELETE /api/account. */
import { createRoute, z } from '@hono/zod-openapi';
import { currentUser } from '../auth/context.ts';
import { clearSessionCookies } from '../auth/cookies.ts';
import type { AppDeps } from '../deps.ts';
import { createRouter } from '../http/router.ts';
import { attachment, body, errors, json } from '../journal/routes/common.ts';
import { eraseEverything, exportEverything } from './account.ts';
import { PrivacyStatement, privacyStatement } from './statement.ts';

const tags = ['privacy'];
const Zip = z.string().openapi({ format: 'binary' });
/** Typed out by the person, so a stray click or a script cannot erase a journal. */
const EraseBody = z.object({ confirm: z.literal('delete everything') });

/** The privacy sub-app, mounted at /api. */
export function privacyRoutes(deps: AppDeps) {
  const statement = privacyStatement(deps.config, deps.db.kind);
  return createRouter()
    .openapi(createRoute({ method: 'get', path: '/privacy', tags, responses: { 200: json(PrivacyStatement, 'Where your words go') } }), (c) => c.json(statement, 200))
    .openapi(
      createRoute({ method: 'get', path: '/account/export', tags, responses: { 200: { content: { 'application/zip': { schema: Zip } }, description: 'account.json and every song as its own zip' }, 401: errors[400] } }),
      async (c) => {
        const { bytes, filename } = await exportEverything(deps.db, currentUser(c)?.id ?? null);
        return c.body(bytes as Uint8Array<ArrayBuffer>, 200, { 'Content-Type': 'application/zip', 'Content-Disposition': attachment(filename) });
      },
    )
    .openapi(
      createRoute({ method: 'delete', path: '/account', tags, request: { body: body(EraseBody) }, responses: { 200: json(z.object({ songs: z.number().int(), templates: z.number().int() }), 'Everything deleted: how many songs and written templates went'), ...errors, 401: errors[400] } }),
      async (c) => {
        const user = currentUser(c);
        const result = await eraseEverything(deps.db, user?.id ?? null);
        if (user) clearSessionCookies(c);
        return c.json(result, 200);
      },
    );
}
