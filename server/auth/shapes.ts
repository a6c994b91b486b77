/** The JSON shapes of the auth and sharing routes (zod + OpenAPI). */
import { z } from '@hono/zod-openapi';
import { SongSummary } from '../journal/shapes.ts';

export const User = z.object({ id: z.string(), username: z.string(), role: z.enum(['facilitator', 'participant']) }).openapi('User');

export const Me = z
  .object({
    mode: z.enum(['personal', 'group']),
    user: User.nullable(),
    /** Echo in X-CSRF-Token on every POST/PUT/PATCH/DELETE (also in the innerchord_csrf cookie). */
    csrfToken: z.string().nullable(),
  })
  .openapi('Me');

export const CredentialsBody = z.object({ username: z.string().max(100), password: z.string().max(200) });
/** Sign-up in group mode needs an invite code (or the one-time setup code printed at start-up). */
export const SignUpBody = CredentialsBody.extend({ invite: z.string().max(100).optional().openapi({ description: 'Invite code from a facilitator, e.g. "ABCD-EFGH-JKMN-PQRS"; without a live one → 403' }) });
export const RoleBody = z.object({ role: z.enum(['facilitator', 'participant']) });
/** A facilitator's change to an account: promote / demote, suspend / reinstate. */
export const AccountChangeBody = z.object({ role: z.enum(['facilitator', 'participant']).optional(), suspended: z.boolean().optional() });
export const Account = User.extend({ createdAt: z.string(), suspended: z.boolean() }).openapi('Account');
export const InviteBody = z.object({
  uses: z.number().int().min(1).max(1000).optional().openapi({ description: 'How many sign-ups the code allows (default 30)' }),
  expiresInDays: z.number().int().min(1).max(365).optional().openapi({ description: 'Days until the code stops working (default 7)' }),
});
export const Invite = z
  .object({
    id: z.string(),
    hint: z.string().openapi({ description: 'The first four characters of the code' }),
    role: z.enum(['facilitator', 'participant']),
    uses: z.number().int(),
    usesLeft: z.number().int(),
    expiresAt: z.string(),
    revokedAt: z.string().nullable(),
    createdAt: z.string(),
    live: z.boolean(),
  })
  .openapi('Invite');
export const NewInvite = Invite.extend({ code: z.string().openapi({ description: 'The code to hand out; shown only this once' }) }).openapi('NewInvite');
export const InviteParams = z.object({ iid: z.string().min(1).max(100).openapi({ param: { name: 'iid', in: 'path' } }) });
export const UserParams = z.object({ uid: z.string().min(1).max(100).openapi({ param: { name: 'uid', in: 'path' } }) });

export const Share = z.object({ userId: z.string(), username: z.string(), createdAt: z.string() }).openapi('Share');
export const SharedSong = z.object({ song: SongSummary, owner: z.string(), sharedAt: z.string() }).openapi('SharedSong');
