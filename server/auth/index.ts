/** Group mode: accounts, sessions, CSRF, roles, song access and sharing. `authMiddleware(deps)` is
 *  empty in personal mode, so a single musician's app behaves exactly as before. */
import type { MiddlewareHandler } from 'hono';
import type { AppDeps } from '../deps.ts';
import { guardSongs } from './access.ts';
import { authenticate, csrf, requireSession } from './middleware.ts';
import { enforceQuotas } from './quotas.ts';

export { adminRoutes } from './admin-routes.ts';
export { authRoutes } from './routes.ts';
export { shareRoutes } from './share-routes.ts';
export { currentUser, ownerScope, requireRole, requireUser } from './context.ts';
export type { SessionUser } from './sessions.ts';

/** Middleware for /api/* : session → 401 → CSRF → song ownership → quotas (group mode); a pass-through otherwise. */
export function authMiddleware(deps: AppDeps): MiddlewareHandler[] {
  if (deps.config.deployment !== 'group') {
    return [
      async (c, next) => {
        c.set('session', null);
        await next();
      },
    ];
  }
  return [authenticate(deps.db), requireSession, csrf, guardSongs(deps.db), enforceQuotas(deps.db, deps.config.quotas)];
}
