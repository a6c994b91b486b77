/** Accounts a facilitator manages, facilitators a participant can share with, and song sharing. */
import { createRoute, z } from '@hono/zod-openapi';
import type { AppDeps } from '../deps.ts';
import { ServiceError } from '../errors.ts';
import { createRouter } from '../http/router.ts';
import { body, errors, json, SongParams } from '../journal/routes/common.ts';
import { requireRole, requireUser } from './context.ts';
import { groupOnly } from './routes.ts';
import { Account, AccountChangeBody, Share, SharedSong, User, UserParams } from './shapes.ts';
import { listShares, sharedWith, shareSong, unshareSong } from './sharing.ts';
import { changeAccount, listFacilitators, listUsers } from './users.ts';

const tags = ['sharing'];
const denied = { 401: errors[400], 403: errors[400] };
const ShareParams = SongParams.extend(UserParams.shape);

/** The sharing sub-app, mounted at /api. Song ownership is checked by guardSongs before these run. */
export function shareRoutes(deps: AppDeps) {
  const { db } = deps;
  return createRouter()
    .openapi(createRoute({ method: 'get', path: '/users', tags, responses: { 200: json(z.object({ users: z.array(Account) }), 'Every account (facilitators only)'), ...denied } }), async (c) => {
      groupOnly(deps);
      requireRole(c, 'facilitator');
      return c.json({ users: await listUsers(db) }, 200);
    })
    .openapi(
      createRoute({ method: 'patch', path: '/users/{uid}', tags, request: { params: UserParams, body: body(AccountChangeBody) }, responses: { 200: json(Account, 'The changed account (role, or suspended: no login, sessions ended)'), ...errors, ...denied } }),
      async (c) => {
        groupOnly(deps);
        const me = requireRole(c, 'facilitator');
        const { uid } = c.req.valid('param');
        if (uid === me.id) throw new ServiceError('INVALID_INPUT', 'You cannot change your own role or suspend yourself.');
        return c.json(await changeAccount(db, uid, c.req.valid('json')), 200);
      },
    )
    .openapi(createRoute({ method: 'get', path: '/facilitators', tags, responses: { 200: json(z.object({ facilitators: z.array(User.pick({ id: true, username: true })) }), 'Who songs can be shared with') } }), async (c) => {
      groupOnly(deps);
      requireUser(c);
      return c.json({ facilitators: await listFacilitators(db) }, 200);
    })
    .openapi(createRoute({ method: 'get', path: '/shared', tags, responses: { 200: json(z.object({ songs: z.array(SharedSong) }), 'Songs shared with me (facilitators)'), ...denied } }), async (c) => {
      groupOnly(deps);
      const me = requireRole(c, 'facilitator');
      return c.json({ songs: await sharedWith(db, me.id) }, 200);
    })
    .openapi(createRoute({ method: 'get', path: '/songs/{id}/shares', tags, request: { params: SongParams }, responses: { 200: json(z.object({ shares: z.array(Share) }), 'Who the song is shared with'), ...errors } }), async (c) => {
      groupOnly(deps);
      return c.json({ shares: await listShares(db, c.req.valid('param').id) }, 200);
    })
    .openapi(createRoute({ method: 'put', path: '/songs/{id}/shares/{uid}', tags, request: { params: ShareParams }, responses: { 204: { description: 'Shared (read-only)' }, ...errors, ...denied } }), async (c) => {
      groupOnly(deps);
      const { id, uid } = c.req.valid('param');
      await shareSong(db, id, uid);
      return c.body(null, 204);
    })
    .openapi(createRoute({ method: 'delete', path: '/songs/{id}/shares/{uid}', tags, request: { params: ShareParams }, responses: { 204: { description: 'No longer shared' }, ...errors, ...denied } }), async (c) => {
      groupOnly(deps);
      const { id, uid } = c.req.valid('param');
      await unshareSong(db, id, uid);
      return c.body(null, 204);
    });
}
