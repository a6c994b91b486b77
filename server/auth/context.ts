/** What the auth middleware puts on the request context, and the helpers routes read it with. */
import type { Context } from 'hono';
import { ServiceError } from '../errors.ts';
import type { Session, SessionUser } from './sessions.ts';

declare module 'hono' {
  interface ContextVariableMap {
    /** The logged-in session in group mode; null when there is none (and always in personal mode). */
    session: Session | null;
  }
}

/** The logged-in user, or null (personal mode, or no session). */
export const currentUser = (c: Context): SessionUser | null => c.get('session')?.user ?? null;

/**
 * Whose songs a request may list or create: the user's id in group mode, undefined in personal
 * mode (one musician, every song theirs). Group routes run behind requireSession, so a user exists.
 */
export function ownerScope(c: Context): string | undefined {
  return currentUser(c)?.id;
}

/** The logged-in user, or UNAUTHORIZED. */
export function requireUser(c: Context): SessionUser {
  const user = currentUser(c);
  if (!user) throw new ServiceError('UNAUTHORIZED', 'Log in first.');
  return user;
}

/** The logged-in user when they hold `role`, otherwise FORBIDDEN. */
export function requireRole(c: Context, role: SessionUser['role']): SessionUser {
  const user = requireUser(c);
  if (user.role !== role) throw new ServiceError('FORBIDDEN', `Only a ${role} can do that.`);
  return user;
}
