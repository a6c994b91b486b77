/** What a facilitator needs to run a group: invite codes (make, list, revoke) and removing an account. */
import { createRoute, z } from '@hono/zod-openapi';
import type { AppDeps } from '../deps.ts';
import { ServiceError } from '../errors.ts';
import { createRouter } from '../http/router.ts';
import { body, errors, json } from '../journal/routes/common.ts';
import { eraseEverything } from '../privacy/account.ts';
import { requireRole } from './context.ts';
import { createInvite, listInvites, revokeInvite } from './invites.ts';
import { groupOnly } from './routes.ts';
import { Invite, InviteBody, InviteParams, NewInvite, UserParams } from './shapes.ts';

const tags = ['facilitator'];
const denied = { 401: errors[400], 403: errors[400] };

/** The facilitator sub-app, mounted at /api (group mode; facilitators only). */
export function adminRoutes(deps: AppDeps) {
  const { db } = deps;
  return createRouter()
    .openapi(
      createRoute({ method: 'post', path: '/invites', tags, request: { body: { required: false, content: { 'application/json': { schema: InviteBody } } } }, responses: { 201: json(NewInvite, 'A new invite code (shown only now)'), ...errors, ...denied } }),
      async (c) => {
        groupOnly(deps);
        const me = requireRole(c, 'facilitator');
        // An empty body means the defaults (30 uses, 7 days).
        const input = c.req.header('content-length') === '0' || !c.req.header('content-type') ? {} : c.req.valid('json');
        return c.json(await createInvite(db, me.id, input), 201);
      },
    )
    .openapi(createRoute({ method: 'get', path: '/invites', tags, responses: { 200: json(z.object({ invites: z.array(Invite) }), 'Every invite, newest first'), ...denied } }), async (c) => {
      groupOnly(deps);
      requireRole(c, 'facilitator');
      return c.json({ invites: await listInvites(db) }, 200);
    })
    .openapi(createRoute({ method: 'delete', path: '/invites/{iid}', tags, request: { params: InviteParams }, responses: { 200: json(Invite, 'Revoked: later sign-ups with it get 403'), ...errors, ...denied } }), async (c) => {
      groupOnly(deps);
      requireRole(c, 'facilitator');
      return c.json(await revokeInvite(db, c.req.valid('param').iid), 200);
    })
    .openapi(
      createRoute({ method: 'delete', path: '/users/{uid}', tags, request: { params: UserParams }, responses: { 200: json(z.object({ songs: z.number().int(), templates: z.number().int() }), 'The account and everything in it erased'), ...errors, ...denied } }),
      async (c) => {
        groupOnly(deps);
        const me = requireRole(c, 'facilitator');
        const { uid } = c.req.valid('param');
        if (uid === me.id) throw new ServiceError('INVALID_INPUT', 'Remove your own account from the account menu (Delete everything).');
        const [exists] = await db.orm.query.users.findMany({ where: (u, { eq }) => eq(u.id, uid), columns: { id: true } });
        if (!exists) throw new ServiceError('NOT_FOUND', 'No user with that id.');
        return c.json(await eraseEverything(db, uid), 200);
      },
    );
}
