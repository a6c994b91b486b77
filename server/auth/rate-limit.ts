/**
 * Login rate limiting, counted in the database (the server keeps no state, and several instances
 * may share one PostgreSQL): at most LOGIN_MAX_FAILURES failed logins per username + address in
 * LOGIN_WINDOW_MS; after that the login answers 429 until the window has moved on.
 */
import { and, count, eq, gte, lt } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import { loginAttempts } from '../../db/schema.ts';
import { ServiceError } from '../errors.ts';
import { newId } from '../journal/common.ts';

export const LOGIN_MAX_FAILURES = 5;
export const LOGIN_WINDOW_MS = 15 * 60 * 1000;

/** The counter key: one per (account, client address). */
export const attemptKey = (username: string, ip: string) => `${username.toLowerCase()}|${ip}`;

/** Throw RATE_LIMITED when `key` already failed too often within the window ending at `at`. */
export async function assertNotLimited(db: Database, key: string, at: Date = new Date()): Promise<void> {
  const since = new Date(at.getTime() - LOGIN_WINDOW_MS);
  const [row] = await db.orm.select({ n: count() }).from(loginAttempts).where(and(eq(loginAttempts.key, key), gte(loginAttempts.createdAt, since)));
  if (Number(row?.n ?? 0) >= LOGIN_MAX_FAILURES) {
    throw new ServiceError('RATE_LIMITED', 'Too many failed logins for this account. Wait 15 minutes and try again.');
  }
}

/** Count one failed login. */
export async function recordFailure(db: Database, key: string, at: Date = new Date()): Promise<void> {
  await db.orm.insert(loginAttempts).values({ id: newId(), key, createdAt: at });
}

/** A successful login clears the account's counter for that address. */
export async function clearFailures(db: Database, key: string): Promise<void> {
  await db.orm.delete(loginAttempts).where(eq(loginAttempts.key, key));
}

/** Forget failures older than the window (run by the retention sweeper). */
export async function pruneAttempts(db: Database, at: Date = new Date()): Promise<number> {
  const gone = await db.orm.delete(loginAttempts).where(lt(loginAttempts.createdAt, new Date(at.getTime() - LOGIN_WINDOW_MS))).returning({ id: loginAttempts.id });
  return gone.length;
}
