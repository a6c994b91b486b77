/**
 * Accounts: invite-only sign-up, the first facilitator (admin command or setup code), login with
 * database-held limits, the facilitator's list, promotion, suspension and removal.
 *
 * Neither sign-up nor login tells a stranger which usernames exist: a sign-up without a valid
 * invite is refused before the name is looked at, and a failed login answers the same words after
 * the same scrypt work whether or not the account exists (and counts against the same limits).
 * Only someone holding a live invite learns that a name is taken, and only while choosing one.
 */
import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Database } from '../../db/client.ts';
import { invites, sessions, users, type UserRow } from '../../db/schema.ts';
import { found, ServiceError } from '../errors.ts';
import { isUniqueViolation, newId, parseInput } from '../journal/common.ts';
import { normaliseCode, redeemInvite } from './invites.ts';
import { DUMMY_HASH, hashPassword, verifyPassword } from './password.ts';
import { loginSucceeded, reserveLogin } from './rate-limit.ts';
import type { SessionUser } from './sessions.ts';

export const Role = z.enum(['facilitator', 'participant']);
export const Username = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9][a-z0-9._-]{2,39}$/, '3–40 letters, digits, dots, dashes or underscores');
export const Password = z.string().min(10, 'at least 10 characters').max(200);
export const Credentials = z.object({ username: Username, password: Password });
export const SignUpInput = Credentials.extend({ invite: z.string().max(100).optional() });

export const toSessionUser = (row: Pick<UserRow, 'id' | 'username' | 'role'>): SessionUser => ({ id: row.id, username: row.username, role: row.role });

export interface AccountSummary extends SessionUser {
  createdAt: string;
  suspended: boolean;
}

/** Is there a live invite with this code? A cheap look before the scrypt work (redeemed later, atomically). */
async function inviteLooksLive(db: Database, code: string | undefined, at: Date): Promise<boolean> {
  if (!code) return false;
  const { createHash } = await import('node:crypto');
  const hash = createHash('sha256').update(normaliseCode(code)).digest('hex');
  const [row] = await db.orm
    .select({ id: invites.id })
    .from(invites)
    .where(and(eq(invites.codeHash, hash), isNull(invites.revokedAt), sql`${invites.usesLeft} > 0`, sql`${invites.expiresAt} > ${at}`));
  return Boolean(row);
}

/**
 * Create an account with an invite: `signUp(db, { username, password, invite })`. FORBIDDEN without
 * a live invite (before anything else is looked at); CONFLICT when the name is taken (the invite's
 * use is given back).
 */
export async function signUp(db: Database, input: unknown, at: Date = new Date()): Promise<SessionUser> {
  const raw = z.object({ invite: z.string().max(100).optional() }).safeParse(input);
  const invite = raw.success ? raw.data.invite : undefined;
  const refused = new ServiceError('FORBIDDEN', 'Sign-up on this server needs a valid invite code from a facilitator (it may have expired or been used up).', 'invite');
  if (!(await inviteLooksLive(db, invite, at))) throw refused;
  const { username, password } = parseInput(SignUpInput, input);
  const passwordHash = await hashPassword(password);
  try {
    return await db.orm.transaction(async (tx) => {
      const role = await redeemInvite(tx, invite, at);
      const row: UserRow = { id: newId(), username, passwordHash, role, createdAt: at, suspendedAt: null };
      await tx.insert(users).values(row);
      return toSessionUser(row);
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new ServiceError('CONFLICT', 'That username is taken; choose another.', 'username');
    throw error;
  }
}

/** `innerchord admin create-facilitator`: an account made on the server itself, no invite needed. */
export async function createFacilitator(db: Database, input: unknown, at: Date = new Date()): Promise<SessionUser> {
  const { username, password } = parseInput(Credentials, input);
  const row: UserRow = { id: newId(), username, passwordHash: await hashPassword(password), role: 'facilitator', createdAt: at, suspendedAt: null };
  try {
    await db.orm.insert(users).values(row);
  } catch (error) {
    if (isUniqueViolation(error)) throw new ServiceError('CONFLICT', `There is already an account called ${username}.`, 'username');
    throw error;
  }
  return toSessionUser(row);
}

const NO_MATCH = 'That username and password do not match.';

/** Check a login; RATE_LIMITED past the per-account or per-address limit (server/auth/rate-limit.ts). */
export async function logIn(db: Database, input: unknown, ip: string, at: Date = new Date()): Promise<SessionUser> {
  const raw = z.object({ username: z.string().max(100), password: z.string().max(200) }).safeParse(input);
  if (!raw.success) throw new ServiceError('INVALID_INPUT', 'username and password are required.');
  const username = raw.data.username.trim().toLowerCase();
  await reserveLogin(db, username, ip, at);
  const [row] = await db.orm.select().from(users).where(eq(users.username, username));
  const ok = await verifyPassword(raw.data.password, row?.passwordHash ?? DUMMY_HASH);
  if (!row || !ok) throw new ServiceError('UNAUTHORIZED', NO_MATCH);
  await loginSucceeded(db, username, ip);
  // Said only to someone who knows the password.
  if (row.suspendedAt) throw new ServiceError('FORBIDDEN', 'This account is suspended; ask your facilitator.');
  return toSessionUser(row);
}

/** Every account, oldest first (for a facilitator's list). */
export async function listUsers(db: Database): Promise<AccountSummary[]> {
  const rows = await db.orm.select().from(users).orderBy(asc(users.createdAt), asc(users.id));
  return rows.map((r) => ({ ...toSessionUser(r), createdAt: r.createdAt.toISOString(), suspended: r.suspendedAt !== null }));
}

/** The facilitators a participant may share a song with. */
export async function listFacilitators(db: Database): Promise<{ id: string; username: string }[]> {
  return db.orm.select({ id: users.id, username: users.username }).from(users).where(eq(users.role, 'facilitator')).orderBy(asc(users.username));
}

export const AccountChange = z.object({ role: Role.optional(), suspended: z.boolean().optional() }).refine((v) => v.role !== undefined || v.suspended !== undefined, 'give role and/or suspended');

/** Change an account's role or suspend / reinstate it (facilitators only, checked by the route).
 *  Suspending ends the account's sessions at once. */
export async function changeAccount(db: Database, userId: string, input: unknown, at: Date = new Date()): Promise<AccountSummary> {
  const { role, suspended } = parseInput(AccountChange, input);
  const set: Partial<UserRow> = {};
  if (role) set.role = role;
  if (suspended !== undefined) set.suspendedAt = suspended ? at : null;
  const row = await db.orm.transaction(async (tx) => {
    const [changed] = await tx.update(users).set(set).where(eq(users.id, userId)).returning();
    if (changed && suspended) await tx.delete(sessions).where(eq(sessions.userId, userId));
    return changed;
  });
  const r = found(row, 'user');
  return { ...toSessionUser(r), createdAt: r.createdAt.toISOString(), suspended: r.suspendedAt !== null };
}
