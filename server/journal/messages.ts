/** Messages of a song's conversation: appended with a gap-free seq, listed in order. */
import { asc, eq, max } from 'drizzle-orm';
import { z } from 'zod';
import type { Database } from '../../db/client.ts';
import { messages, type MessageRow } from '../../db/schema.ts';
import { conversationRow } from './conversation.ts';
import { newId, now, parseInput, retryOnConflict } from './common.ts';
import { Message, MessageMeta, Role } from './shapes.ts';
import { touchSong } from './songs.ts';

export const AppendMessageInput = z.object({
  songId: z.string().min(1),
  role: Role,
  text: z.string().max(100_000),
  meta: MessageMeta.default({}),
  promptTokens: z.number().int().min(0).nullish(),
  completionTokens: z.number().int().min(0).nullish(),
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
 * Append a message with the next seq. The conversation row is locked for the transaction so
 * concurrent appends queue up; a unique violation (another writer won) is retried anyway.
 */
export async function appendMessage(db: Database, input: AppendMessageInput): Promise<Message> {
  const m = parseInput(AppendMessageInput, input);
  return retryOnConflict(() =>
    db.orm.transaction(async (tx) => {
      const conversation = await conversationRow(tx, m.songId, true);
      const [top] = await tx.select({ seq: max(messages.seq) }).from(messages).where(eq(messages.conversationId, conversation.id));
      const at = now();
      const row: MessageRow = {
        id: newId(),
        conversationId: conversation.id,
        songId: m.songId,
        seq: (top?.seq ?? 0) + 1,
        role: m.role,
        text: m.text,
        meta: m.meta,
        promptTokens: m.promptTokens ?? null,
        completionTokens: m.completionTokens ?? null,
        createdAt: at,
      };
      await tx.insert(messages).values(row);
      await touchSong(tx, m.songId, at);
      return toMessage(row);
    }),
  );
}

/** Every message of a song, in conversation order; NOT_FOUND for an unknown song. */
export async function listMessages(db: Database, songId: string): Promise<Message[]> {
  await conversationRow(db.orm, songId);
  const rows = await db.orm.select().from(messages).where(eq(messages.songId, songId)).orderBy(asc(messages.seq));
  return rows.map(toMessage);
}

/** The token counts recorded on a song's messages (for the guide's flat-context checks). */
export async function messageRows(db: Database, songId: string): Promise<MessageRow[]> {
  return db.orm.select().from(messages).where(eq(messages.songId, songId)).orderBy(asc(messages.seq));
}
