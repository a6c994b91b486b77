/**
 * Who answers a user message, and whether it has been answered: the journal side of retried turns.
 * A user message is found by its Idempotency-Key; its reply by `reply_to`; and `answering_since`
 * is a lease that lets exactly one request answer it at a time, across every instance, because
 * the database (not a process) grants it.
 */
import { and, eq, isNotNull, isNull, lt, or, sql } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import { messages } from '../../db/schema.ts';
import { isUniqueViolation, now } from './common.ts';
import { toMessage } from './messages.ts';
import type { Message } from './shapes.ts';

/** True when appending failed because this song already has a message with that Idempotency-Key. */
export function isRepeatedKey(error: unknown): boolean {
  if (!isUniqueViolation(error)) return false;
  for (let e: unknown = error, depth = 0; e && depth < 4; e = (e as { cause?: unknown }).cause, depth++) {
    const { constraint, message } = e as { constraint?: unknown; message?: unknown };
    if (constraint === 'messages_song_idempotency_idx') return true;
    if (typeof message === 'string' && message.includes('messages_song_idempotency_idx')) return true;
  }
  return false;
}

/** The user message a song stored under an Idempotency-Key, or null. */
export async function messageByKey(db: Database, songId: string, key: string): Promise<Message | null> {
  const [row] = await db.orm.select().from(messages).where(and(eq(messages.songId, songId), eq(messages.idempotencyKey, key)));
  return row ? toMessage(row) : null;
}

/** The reply stored for a user message, or null while it has none. */
export async function replyOf(db: Database, messageId: string): Promise<Message | null> {
  const [row] = await db.orm.select().from(messages).where(eq(messages.replyTo, messageId));
  return row ? toMessage(row) : null;
}

/**
 * Take the lease on answering a message: true when this request may answer it now (nobody holds
 * the lease, or its holder started more than `staleMs` ago and is presumed dead). One statement,
 * so of two concurrent callers exactly one gets `true`.
 */
export async function claimAnswer(db: Database, messageId: string, staleMs: number): Promise<boolean> {
  const at = now();
  const rows = await db.orm
    .update(messages)
    .set({ answeringSince: at })
    .where(
      and(
        eq(messages.id, messageId),
        or(isNull(messages.answeringSince), lt(messages.answeringSince, new Date(at.getTime() - staleMs))),
        sql`not exists (select 1 from ${messages} r where r.reply_to = ${messageId})`,
      ),
    )
    .returning({ id: messages.id });
  return rows.length === 1;
}

/** Give the lease back after a failed answer, so a retry may answer at once. */
export async function releaseAnswer(db: Database, messageId: string): Promise<void> {
  await db.orm.update(messages).set({ answeringSince: null }).where(eq(messages.id, messageId));
}

/** Renew the lease while answering (a heartbeat), so only a request that really stopped loses it. */
export async function renewAnswer(db: Database, messageId: string): Promise<void> {
  await db.orm.update(messages).set({ answeringSince: now() }).where(and(eq(messages.id, messageId), isNotNull(messages.answeringSince)));
}

/** Mark a stored user message as crisis language (a second opinion raised it after it was stored). */
export async function markCrisis(db: Database, messageId: string): Promise<void> {
  await db.orm.update(messages).set({ meta: sql`${messages.meta} || '{"crisis": true}'::jsonb` }).where(eq(messages.id, messageId));
}
