/** /api/auth — who am I, sign up, log in, log out. Accounts exist in group mode only. */
import { createRoute } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { getConnInfo } from '@hono/node-server/conninfo';
import type { AppDeps } from '../deps.ts';
import { ServiceError } from '../errors.ts';
import { createRouter } from '../http/router.ts';
import { body, errors, json } from '../journal/routes/common.ts';
import { clearSessionCookies, setSessionCookies } from './cookies.ts';
import { createSession, deleteSession, type SessionUser } from './sessions.ts';
import { CredentialsBody, Me, SignUpBody } from './shapes.ts';
import { logIn, signUp } from './users.ts';

const tags = ['auth'];

/** The client's address for rate limiting; 'local' when there is no socket (app.request in tests). */
function clientIp(c: Context): string {
  try {
    return getConnInfo(c).remote.address ?? 'local';
  } catch {
    return 'local';
  }
}

/** Throw NOT_FOUND in personal mode, where there are no accounts. */
export function groupOnly(deps: AppDeps): void {
  if (deps.config.deployment !== 'group') throw new ServiceError('NOT_FOUND', 'Accounts exist only in group mode (INNERCHORD_MODE=group).');
}

async function startSession(c: Context, deps: AppDeps, user: SessionUser) {
  const s = await createSession(deps.db, user.id);
  setSessionCookies(c, s.token, s.csrfToken, s.expiresAt);
  return { mode: 'group' as const, user, csrfToken: s.csrfToken };
}

/** The auth sub-app, mounted at /api. */
export function authRoutes(deps: AppDeps) {
  const mode = deps.config.deployment ?? 'personal';
  return createRouter()
    .openapi(createRoute({ method: 'get', path: '/auth/me', tags, responses: { 200: json(Me, 'The mode, and the logged-in user in group mode') } }), (c) => {
      const session = c.get('session');
      return c.json({ mode, user: session?.user ?? null, csrfToken: session?.csrfToken ?? null }, 200);
    })
    .openapi(
      createRoute({ method: 'post', path: '/auth/signup', tags, request: { body: body(SignUpBody) }, responses: { 201: json(Me, 'Signed up and logged in'), ...errors, 403: errors[400], 409: errors[400] } }),
      async (c) => {
        groupOnly(deps);
        return c.json(await startSession(c, deps, await signUp(deps.db, c.req.valid('json'))), 201);
      },
    )
    .openapi(
      createRoute({ method: 'post', path: '/auth/login', tags, request: { body: body(CredentialsBody) }, responses: { 200: json(Me, 'Logged in'), 401: errors[400], 403: errors[400], 429: errors[400] } }),
      async (c) => {
        groupOnly(deps);
        return c.json(await startSession(c, deps, await logIn(deps.db, c.req.valid('json'), clientIp(c))), 200);
      },
    )
    .openapi(createRoute({ method: 'post', path: '/auth/logout', tags, responses: { 204: { description: 'Logged out' } } }), async (c) => {
      groupOnly(deps);
      const session = c.get('session');
      if (session) await deleteSession(deps.db, session.id);
      clearSessionCookies(c);
      return c.body(null, 204);
    });
}
