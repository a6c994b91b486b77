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
export const RoleBody = z.object({ role: z.enum(['facilitator', 'participant']) });
export const UserParams = z.object({ uid: z.string().min(1).max(100).openapi({ param: { name: 'uid', in: 'path' } }) });

export const Share = z.object({ userId: z.string(), username: z.string(), createdAt: z.string() }).openapi('Share');
export const SharedSong = z.object({ song: SongSummary, owner: z.string(), sharedAt: z.string() }).openapi('SharedSong');
