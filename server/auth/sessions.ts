/**
 * Sessions live in the database: the cookie holds a random token, the row is keyed by its SHA-256.
 * Each session carries its own CSRF token, which the page echoes in `X-CSRF-Token`.
 */
import { createHash, randomBytes } from 'node:crypto';
import { and, eq, isNull, lt } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import { sessions, users, type UserRow } from '../../db/schema.ts';

export const SESSION_COOKIE = 'innerchord_session';
/** Readable by the page (not HttpOnly) so it can echo it: the double-submit half of CSRF protection. */
export const CSRF_COOKIE = 'innerchord_csrf';
export const CSRF_HEADER = 'x-csrf-token';
export const SESSION_TTL_MS = 30 * 24 * 60 * 60 * 1000;

export interface SessionUser {
  id: string;
  username: string;
  role: UserRow['role'];
}

export interface Session {
  id: string;
  csrfToken: string;
  expiresAt: Date;
  user: SessionUser;
}

const token = () => randomBytes(32).toString('base64url');
const digest = (value: string) => createHash('sha256').update(value).digest('hex');

/** Start a session for a user: returns the cookie token (shown once, never stored) and the CSRF token. */
export async function createSession(db: Database, userId: string, at: Date = new Date()): Promise<{ token: string; csrfToken: string; expiresAt: Date }> {
  const secret = token();
  const csrfToken = token();
  const expiresAt = new Date(at.getTime() + SESSION_TTL_MS);
  await db.orm.insert(sessions).values({ id: digest(secret), userId, csrfToken, createdAt: at, expiresAt });
  return { token: secret, csrfToken, expiresAt };
}

/** The live session behind a cookie token, or null (unknown, expired, or account deleted). */
export async function findSession(db: Database, secret: string | undefined, at: Date = new Date()): Promise<Session | null> {
  if (!secret || secret.length > 200) return null;
  const [row] = await db.orm
    .select({ id: sessions.id, csrfToken: sessions.csrfToken, expiresAt: sessions.expiresAt, user: { id: users.id, username: users.username, role: users.role } })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    // A suspended account's sessions are deleted when it is suspended; this also covers a race with that.
    .where(and(eq(sessions.id, digest(secret)), isNull(users.suspendedAt)));
  if (!row || row.expiresAt <= at) return null;
  return row;
}

/** End one session (logout). */
export async function deleteSession(db: Database, sessionId: string): Promise<void> {
  await db.orm.delete(sessions).where(eq(sessions.id, sessionId));
}

/** Delete sessions past their expiry (run by the retention sweeper). */
export async function pruneSessions(db: Database, at: Date = new Date()): Promise<number> {
  const gone = await db.orm.delete(sessions).where(lt(sessions.expiresAt, at)).returning({ id: sessions.id });
  return gone.length;
}
