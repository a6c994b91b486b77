/**
 * Login limits, counted in the database so every server instance sharing it agrees. Two counters
 * guard each login: one per username across addresses (a password spray from many machines) and
 * one per address across usernames (one machine trying many names). A login *reserves* its attempt
 * on both counters with a single INSERT … ON CONFLICT DO UPDATE … RETURNING before the password
 * is checked: the row lock queues concurrent logins, each sees the count its predecessor left, so
 * 50 parallel guesses evaluate at most LOGIN_MAX_FAILURES passwords — record and check are one
 * statement. A login that succeeds gives its reservation back (and clears the account's counter).
 */
import { lt, sql } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import { loginAttempts } from '../../db/schema.ts';
import { ServiceError } from '../errors.ts';
import type { Tx } from '../journal/common.ts';

/** Password checks allowed per username in a window, whatever the address. */
export const LOGIN_MAX_FAILURES = 5;
/** Password checks allowed per address in a window, whatever the username (a class behind one NAT
 *  mistyping is fine; a script walking a list of names is not). */
export const ADDRESS_MAX_FAILURES = 30;
export const LOGIN_WINDOW_MS = 15 * 60 * 1000;

export const userKey = (username: string) => `user:${username.trim().toLowerCase()}`;
export const addressKey = (ip: string) => `ip:${ip}`;

/**
 * Count one attempt on `key` and return the count in the window, atomically: a window older than
 * LOGIN_WINDOW_MS starts again at 1.
 */
export async function reserve(db: Database, key: string, at: Date = new Date()): Promise<number> {
  const expired = new Date(at.getTime() - LOGIN_WINDOW_MS);
  const [row] = await db.orm
    .insert(loginAttempts)
    .values({ key, failures: 1, windowStart: at })
    .onConflictDoUpdate({
      target: loginAttempts.key,
      set: {
        failures: sql`case when ${loginAttempts.windowStart} <= ${expired} then 1 else ${loginAttempts.failures} + 1 end`,
        windowStart: sql`case when ${loginAttempts.windowStart} <= ${expired} then ${at} else ${loginAttempts.windowStart} end`,
      },
    })
    .returning({ failures: loginAttempts.failures, windowStart: loginAttempts.windowStart });
  return row!.failures;
}

/**
 * Reserve a login attempt for `username` from `ip`; RATE_LIMITED (before any password is checked)
 * when either counter is over its limit. The same answer whether or not the account exists.
 */
export async function reserveLogin(db: Database, username: string, ip: string, at: Date = new Date()): Promise<void> {
  const [byUser, byAddress] = [await reserve(db, userKey(username), at), await reserve(db, addressKey(ip), at)];
  if (byUser > LOGIN_MAX_FAILURES || byAddress > ADDRESS_MAX_FAILURES) {
    throw new ServiceError('RATE_LIMITED', 'Too many failed logins. Wait 15 minutes and try again.');
  }
}

/** A successful login: the account's counter starts afresh, and the address gets its attempt back. */
export async function loginSucceeded(db: Database, username: string, ip: string): Promise<void> {
  await db.orm.delete(loginAttempts).where(sql`${loginAttempts.key} = ${userKey(username)}`);
  await db.orm
    .update(loginAttempts)
    .set({ failures: sql`greatest(${loginAttempts.failures} - 1, 0)` })
    .where(sql`${loginAttempts.key} = ${addressKey(ip)}`);
}

/** Forget the counter of an erased account (its username is personal data). */
export async function forgetUser(q: Tx, username: string): Promise<void> {
  await q.delete(loginAttempts).where(sql`${loginAttempts.key} = ${userKey(username)}`);
}

/** Forget counters whose window has passed (run by the retention sweeper). */
export async function pruneAttempts(db: Database, at: Date = new Date()): Promise<number> {
  const gone = await db.orm.delete(loginAttempts).where(lt(loginAttempts.windowStart, new Date(at.getTime() - LOGIN_WINDOW_MS))).returning({ key: loginAttempts.key });
  return gone.length;
}
