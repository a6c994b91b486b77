/** Messages of a song's conversation: appended with a gap-free seq, listed in order. */
import { asc, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Database } from '../../db/client.ts';
import { conversations, messages, songs, type MessageRow } from '../../db/schema.ts';
import { found } from '../errors.ts';
import { ConversationPatch, conversationRow } from './conversation.ts';
import { newId, now, parseInput, queryRows } from './common.ts';
import { Message, MessageMeta, Role } from './shapes.ts';

export const AppendMessageInput = z.object({
  songId: z.string().min(1),
  role: Role,
  text: z.string().max(100_000),
  meta: MessageMeta.default({}),
  promptTokens: z.number().int().min(0).nullish(),
  completionTokens: z.number().int().min(0).nullish(),
  /** A user message's Idempotency-Key (unique per song; a repeat fails with a unique violation). */
  idempotencyKey: z.string().min(1).max(200).nullish(),
  /** A reply's user message. */
  replyTo: z.string().min(1).nullish(),
  /** A user message whose answer starts now: claims it, so a repeat waits instead of answering again. */
  answering: z.boolean().default(false),
});
export type AppendMessageInput = z.input<typeof AppendMessageInput>;

/**
 * Parse meta read back from the database (a boundary too). A field that no longer fits its schema
 * is dropped on its own, so one stale field never costs a message its other facts:
 * readMeta({ stage: 'about', crisisResources: 'x' }) → { stage: 'about' }.
 */
export function readMeta(raw: unknown): MessageMeta {
  const result = MessageMeta.safeParse(raw);
  if (result.success) return result.data;
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return {};
  // zod reports every bad field at once, so one pass of dropping them is enough.
  const bad = new Set(result.error.issues.map((i) => i.path[0]));
  return MessageMeta.catch({}).parse(Object.fromEntries(Object.entries(raw).filter(([k]) => !bad.has(k))));
}

/** A stored row as the API's Message (meta parsed: the database is a boundary too). */
export function toMessage(row: MessageRow): Message {
  return {
    id: row.id,
    seq: row.seq,
    role: row.role,
    text: row.text,
    createdAt: row.createdAt.toISOString(),
    meta: readMeta(row.meta),
  };
}

/**
 * Append a message with the next seq, in one statement: bumping the conversation's `last_seq`
 * locks its row, so concurrent appends queue there and each takes the number the one before it
 * committed (`greatest` with the stored maximum covers rows imported without the counter). The
 * song's `updated_at` moves in the same statement. No transaction, no retry: on the embedded
 * journal every BEGIN/COMMIT pair costs as much as a query.
 *
 * A repeated Idempotency-Key makes the whole statement fail with a unique violation (see
 * isRepeatedKey), so the conversation's counter does not move and seq stays gap-free.
 *
 * `conversation` (optional) changes the guide's state and summary in the same statement, so a reply
 * and the state it leaves the conversation in are stored together or not at all. A reply also gives
 * back its message's answering lease (answering.ts) in the same statement: once answered, the lease
 * guards nothing, and a reply erased later must leave the message free for Retry at once.
 */
export async function appendMessage(db: Database, input: AppendMessageInput, conversation: ConversationPatch = {}): Promise<Message> {
  const m = parseInput(AppendMessageInput, input);
  const patch = parseInput(ConversationPatch, conversation);
  const state = patch.state === undefined ? null : JSON.stringify(patch.state);
  const id = newId();
  const at = now();
  const rows = await queryRows<{ conversation_id: string; seq: number }>(db.orm, sql`
    with c as (
      update ${conversations}
      set last_seq = greatest(last_seq, (select coalesce(max(seq), 0) from ${messages} where conversation_id = ${conversations.id})) + 1,
          state = coalesce(${state}::jsonb, state),
          summary = coalesce(${patch.summary ?? null}::text, summary),
          summary_up_to = coalesce(${patch.summaryUpTo ?? null}::integer, summary_up_to)
      where ${conversations.songId} = ${m.songId}
      returning id, last_seq
    ), touched as (
      update ${songs} set updated_at = ${at.toISOString()}::timestamptz where ${songs.id} = ${m.songId} and exists (select 1 from c)
    ), released as (
      update ${messages} set answering_since = null
      where ${m.replyTo ?? null}::text is not null and ${messages.id} = ${m.replyTo ?? null}::text and ${messages.answeringSince} is not null and exists (select 1 from c)
    )
    insert into ${messages} (id, conversation_id, song_id, seq, role, text, meta, prompt_tokens, completion_tokens, created_at, idempotency_key, reply_to, answering_since)
    select ${id}, c.id, ${m.songId}, c.last_seq, ${m.role}, ${m.text}, ${JSON.stringify(m.meta)}::jsonb, ${m.promptTokens ?? null}::integer, ${m.completionTokens ?? null}::integer, ${at.toISOString()}::timestamptz,
      ${m.idempotencyKey ?? null}::text, ${m.replyTo ?? null}::text, ${m.answering ? at.toISOString() : null}::timestamptz
    from c
    returning conversation_id, seq`);
  const row = found(rows[0], 'song');
  return toMessage({
    id,
    conversationId: row.conversation_id,
    songId: m.songId,
    seq: Number(row.seq),
    role: m.role,
    text: m.text,
    meta: m.meta,
    promptTokens: m.promptTokens ?? null,
    completionTokens: m.completionTokens ?? null,
    createdAt: at,
    idempotencyKey: m.idempotencyKey ?? null,
    replyTo: m.replyTo ?? null,
    answeringSince: m.answering ? at : null,
  });
}

/** Every message of a song, in conversation order; NOT_FOUND for an unknown song. */
export async function listMessages(db: Database, songId: string): Promise<Message[]> {
  const rows = await db.orm.select().from(messages).where(eq(messages.songId, songId)).orderBy(asc(messages.seq));
  // Only an empty list needs telling apart: a song with no messages yet, or no song at all.
  if (rows.length === 0) await conversationRow(db.orm, songId);
  return rows.map(toMessage);
}

/** The token counts recorded on a song's messages (for the guide's flat-context checks). */
export async function messageRows(db: Database, songId: string): Promise<MessageRow[]> {
  return db.orm.select().from(messages).where(eq(messages.songId, songId)).orderBy(asc(messages.seq));
}
