/**
 * Invite codes: group mode is invite-only. A facilitator makes a code good for `uses` sign-ups
 * until `expiresAt`; sign-up takes one use in the same UPDATE that checks the code is live, so two
 * people racing for the last use cannot both get in. Only the code's SHA-256 is stored.
 *
 * The first facilitator comes from `innerchord admin create-facilitator`, or from a one-time setup
 * code (an invite with role 'facilitator', one use, 24 hours) that the server prints at start-up
 * while it has no facilitator.
 */
import { createHash, randomBytes } from 'node:crypto';
import { and, desc, eq, gt, isNull, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Database } from '../../db/client.ts';
import { invites, users, type InviteRow } from '../../db/schema.ts';
import { found, ServiceError } from '../errors.ts';
import { newId, parseInput, type Tx } from '../journal/common.ts';

const DAY_MS = 24 * 60 * 60 * 1000;
export const DEFAULT_INVITE_USES = 30;
export const DEFAULT_INVITE_DAYS = 7;
export const SETUP_CODE_HOURS = 24;

export const InviteInput = z.object({
  uses: z.number().int().min(1).max(1000).default(DEFAULT_INVITE_USES),
  expiresInDays: z.number().int().min(1).max(365).default(DEFAULT_INVITE_DAYS),
});

export interface InviteSummary {
  id: string;
  hint: string;
  role: 'facilitator' | 'participant';
  uses: number;
  usesLeft: number;
  expiresAt: string;
  revokedAt: string | null;
  createdAt: string;
  /** Still accepts sign-ups: not revoked, not expired, uses left. */
  live: boolean;
}

/** A code people can read out and type: 4 groups of 4 from an alphabet without 0/O/1/I/L. */
const ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
export function newCode(): string {
  const bytes = randomBytes(16);
  const chars = [...bytes].map((b) => ALPHABET[b % ALPHABET.length]);
  return [0, 4, 8, 12].map((i) => chars.slice(i, i + 4).join('')).join('-');
}

/** Codes are compared case- and dash-insensitively: "abcd efgh…" is the same code. */
export const normaliseCode = (code: string) => code.toUpperCase().replace(/[^A-Z0-9]/g, '');
const hashCode = (code: string) => createHash('sha256').update(normaliseCode(code)).digest('hex');

function summary(row: InviteRow, at: Date): InviteSummary {
  return {
    id: row.id,
    hint: row.hint,
    role: row.role,
    uses: row.uses,
    usesLeft: row.usesLeft,
    expiresAt: row.expiresAt.toISOString(),
    revokedAt: row.revokedAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
    live: !row.revokedAt && row.usesLeft > 0 && row.expiresAt > at,
  };
}

async function insertInvite(q: Tx, role: InviteRow['role'], uses: number, expiresAt: Date, createdBy: string | null, at: Date) {
  const code = newCode();
  const row: InviteRow = { id: newId(), codeHash: hashCode(code), hint: code.slice(0, 4), role, createdBy, usesLeft: uses, uses, expiresAt, revokedAt: null, createdAt: at };
  await q.insert(invites).values(row);
  return { code, row };
}

/** `POST /api/invites`: a participant invite; the code is in the answer and nowhere else. */
export async function createInvite(db: Database, createdBy: string, input: unknown, at: Date = new Date()): Promise<InviteSummary & { code: string }> {
  const { uses, expiresInDays } = parseInput(InviteInput, input ?? {});
  const { code, row } = await insertInvite(db.orm, 'participant', uses, new Date(at.getTime() + expiresInDays * DAY_MS), createdBy, at);
  return { ...summary(row, at), code };
}

/** Every invite, newest first (codes are not kept, so not shown). */
export async function listInvites(db: Database, at: Date = new Date()): Promise<InviteSummary[]> {
  const rows = await db.orm.select().from(invites).orderBy(desc(invites.createdAt), desc(invites.id));
  return rows.map((r) => summary(r, at));
}

/** Revoke an invite: later sign-ups with it get 403; accounts made with it stay. */
export async function revokeInvite(db: Database, id: string, at: Date = new Date()): Promise<InviteSummary> {
  const [row] = await db.orm.update(invites).set({ revokedAt: sql`coalesce(${invites.revokedAt}, ${at})` }).where(eq(invites.id, id)).returning();
  return summary(found(row, 'invite'), at);
}

/**
 * Take one use of `code` inside the sign-up transaction; the role it grants, or FORBIDDEN. A setup
 * code only works while the server still has no facilitator.
 */
export async function redeemInvite(tx: Tx, code: string | undefined, at: Date): Promise<InviteRow['role']> {
  const refused = new ServiceError('FORBIDDEN', 'Sign-up on this server needs a valid invite code from a facilitator (it may have expired or been used up).', 'invite');
  if (!code || normaliseCode(code).length < 8) throw refused;
  const [row] = await tx
    .update(invites)
    .set({ usesLeft: sql`${invites.usesLeft} - 1` })
    .where(and(eq(invites.codeHash, hashCode(code)), gt(invites.usesLeft, 0), isNull(invites.revokedAt), gt(invites.expiresAt, at)))
    .returning({ role: invites.role });
  if (!row) throw refused;
  if (row.role === 'facilitator' && (await hasFacilitator(tx))) throw refused;
  return row.role;
}

export async function hasFacilitator(q: Tx): Promise<boolean> {
  const [row] = await q.select({ id: users.id }).from(users).where(eq(users.role, 'facilitator')).limit(1);
  return Boolean(row);
}

/**
 * At start-up in group mode with no facilitator: replace any earlier setup code with a new one
 * and return it for the start-up message (null once a facilitator exists).
 */
export async function setupCode(db: Database, at: Date = new Date()): Promise<string | null> {
  return db.orm.transaction(async (tx) => {
    if (await hasFacilitator(tx)) return null;
    await tx.delete(invites).where(eq(invites.role, 'facilitator'));
    return (await insertInvite(tx, 'facilitator', 1, new Date(at.getTime() + SETUP_CODE_HOURS * 60 * 60 * 1000), null, at)).code;
  });
}

/** The start-up line that hands the setup code to whoever started the server. */
export function setupLine(code: string, port: number): string {
  return `No facilitator yet: open http://localhost:${port}, choose "Sign up" and enter the one-time setup code ${code} (valid ${SETUP_CODE_HOURS} hours), or stop the server and run \`innerchord admin create-facilitator --username <name>\`.`;
}
