/** A song's intention — what the song is for, in the musician's words. Each change is a new row;
 *  the current intention is the newest, so the journal keeps how the intention evolved. */
import { desc, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Database } from '../../db/client.ts';
import { intentions, type IntentionRow } from '../../db/schema.ts';
import { getSong, touchSong } from './songs.ts';
import { newId, now, parseInput, type Tx } from './common.ts';
import type { Intention } from './shapes.ts';

export const SetIntentionInput = z.object({
  songId: z.string().min(1),
  text: z.string().trim().min(1).max(2000),
  confirmed: z.boolean().default(false),
});
export type SetIntentionInput = z.input<typeof SetIntentionInput>;

export const toIntention = (row: IntentionRow): Intention => ({
  id: row.id,
  text: row.text,
  confirmed: row.confirmed,
  createdAt: row.createdAt.toISOString(),
});

async function newestRow(tx: Tx, songId: string): Promise<IntentionRow | undefined> {
  const [row] = await tx.select().from(intentions).where(eq(intentions.songId, songId)).orderBy(desc(intentions.createdAt)).limit(1);
  return row;
}

/** Record the song's intention: `setIntention(db, { songId, text, confirmed: true })`. */
export async function setIntention(db: Database, input: SetIntentionInput): Promise<Intention> {
  const { songId, text, confirmed } = parseInput(SetIntentionInput, input);
  await getSong(db, songId);
  return db.orm.transaction(async (tx) => {
    const previous = await newestRow(tx, songId);
    // "Newest" decides the current intention: never let two rows share a millisecond.
    const at = new Date(Math.max(now().getTime(), (previous?.createdAt.getTime() ?? 0) + 1));
    const row: IntentionRow = { id: newId(), songId, text, confirmed, createdAt: at };
    await tx.insert(intentions).values(row);
    await touchSong(tx, songId, at);
    return toIntention(row);
  });
}

/** The song's current intention, or null when none was stated yet. */
export async function currentIntention(db: Database, songId: string): Promise<Intention | null> {
  const row = await newestRow(db.orm, songId);
  return row ? toIntention(row) : null;
}
