/** A song's conversation row: the running summary and the guide's state (kept in the database,
 *  so the server holds no memory between requests). */
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Database } from '../../db/client.ts';
import { conversations, type ConversationRow } from '../../db/schema.ts';
import { found } from '../errors.ts';
import { parseInput, type Tx } from './common.ts';
import type { Conversation } from './shapes.ts';

export const ConversationPatch = z.object({
  summary: z.string().max(100_000).optional(),
  summaryUpTo: z.number().int().min(0).optional(),
  state: z.record(z.string(), z.unknown()).optional(),
});
export type ConversationPatch = z.input<typeof ConversationPatch>;

const State = z.record(z.string(), z.unknown()).catch({});

function toConversation(row: ConversationRow): Conversation {
  return {
    id: row.id,
    songId: row.songId,
    summary: row.summary,
    summaryUpTo: row.summaryUpTo,
    state: State.parse(row.state),
    createdAt: row.createdAt.toISOString(),
  };
}

/** The conversation row of a song (for internal use inside a transaction). */
export async function conversationRow(tx: Tx, songId: string, lock = false): Promise<ConversationRow> {
  const query = tx.select().from(conversations).where(eq(conversations.songId, songId)).limit(1);
  const [row] = lock ? await query.for('update') : await query;
  return found(row, 'song');
}

/** The conversation of a song: `{ summary, summaryUpTo, state }`; NOT_FOUND for an unknown song. */
export async function getConversation(db: Database, songId: string): Promise<Conversation> {
  return toConversation(await conversationRow(db.orm, songId));
}

/** Replace the summary and/or the guide state: `updateConversation(db, songId, { state })`. */
export async function updateConversation(db: Database, songId: string, patch: ConversationPatch): Promise<Conversation> {
  const set = parseInput(ConversationPatch, patch);
  if (Object.keys(set).length === 0) return getConversation(db, songId);
  const [row] = await db.orm.update(conversations).set(set).where(eq(conversations.songId, songId)).returning();
  return toConversation(found(row, 'song'));
}
