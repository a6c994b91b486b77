/**
 * Accounts: sign-up (the first account is the facilitator, later ones participants), login with
 * rate limiting, the list of facilitators a participant can share with, and promotion.
 */
import { asc, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Database } from '../../db/client.ts';
import { users, type UserRow } from '../../db/schema.ts';
import { found, ServiceError } from '../errors.ts';
import { isUniqueViolation, newId, parseInput } from '../journal/common.ts';
import { DUMMY_HASH, hashPassword, verifyPassword } from './password.ts';
import { assertNotLimited, attemptKey, clearFailures, recordFailure } from './rate-limit.ts';
import type { SessionUser } from './sessions.ts';

export const Role = z.enum(['facilitator', 'participant']);
export const Username = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9][a-z0-9._-]{2,39}$/, '3–40 letters, digits, dots, dashes or underscores');
export const Credentials = z.object({ username: Username, password: z.string().min(10, 'at least 10 characters').max(200) });

export const toSessionUser = (row: Pick<UserRow, 'id' | 'username' | 'role'>): SessionUser => ({ id: row.id, username: row.username, role: row.role });

/** Create an account: `signUp(db, { username, password })`. CONFLICT when the name is taken. */
export async function signUp(db: Database, input: unknown): Promise<SessionUser> {
  const { username, password } = parseInput(Credentials, input);
  const passwordHash = await hashPassword(password);
  try {
    return await db.orm.transaction(async (tx) => {
      // Serialise sign-ups so two people racing for "first account" cannot both become facilitator.
      await tx.execute(sql`lock table users in share row exclusive mode`);
      const [first] = await tx.select({ id: users.id }).from(users).limit(1);
      const row: UserRow = { id: newId(), username, passwordHash, role: first ? 'participant' : 'facilitator', createdAt: new Date() };
      await tx.insert(users).values(row);
      return toSessionUser(row);
    });
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw new ServiceError('CONFLICT', 'That username is taken.', 'username');
    }
    throw error;
  }
}

/** Check a login; RATE_LIMITED after too many failures for this username from this address. */
export async function logIn(db: Database, input: unknown, ip: string, at: Date = new Date()): Promise<SessionUser> {
  const raw = z.object({ username: z.string().max(100), password: z.string().max(200) }).safeParse(input);
  if (!raw.success) throw new ServiceError('INVALID_INPUT', 'username and password are required.');
  const username = raw.data.username.trim().toLowerCase();
  const key = attemptKey(username, ip);
  await assertNotLimited(db, key, at);
  const [row] = await db.orm.select().from(users).where(eq(users.username, username));
  const ok = await verifyPassword(raw.data.password, row?.passwordHash ?? DUMMY_HASH);
  if (!row || !ok) {
    await recordFailure(db, key, at);
    throw new ServiceError('UNAUTHORIZED', 'That username and password do not match.');
  }
  await clearFailures(db, key);
  return toSessionUser(row);
}

/** Every account, oldest first (for a facilitator's user list). */
export async function listUsers(db: Database): Promise<(SessionUser & { createdAt: string })[]> {
  const rows = await db.orm.select().from(users).orderBy(asc(users.createdAt), asc(users.id));
  return rows.map((r) => ({ ...toSessionUser(r), createdAt: r.createdAt.toISOString() }));
}

/** The facilitators a participant may share a song with. */
export async function listFacilitators(db: Database): Promise<{ id: string; username: string }[]> {
  return db.orm.select({ id: users.id, username: users.username }).from(users).where(eq(users.role, 'facilitator')).orderBy(asc(users.username));
}

/** Change an account's role (facilitators only, checked by the route). */
export async function setRole(db: Database, userId: string, input: unknown): Promise<SessionUser> {
  const { role } = parseInput(z.object({ role: Role }), input);
  const [row] = await db.orm.update(users).set({ role }).where(eq(users.id, userId)).returning();
  return toSessionUser(found(row, 'user'));
}
