/** A song's intention — what the song is for, in the musician's words. Each change is a new row;
 *  the current intention is the newest, so the journal keeps how the intention evolved. */
import { desc, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Database } from '../../db/client.ts';
import { intentions, songs, type IntentionRow } from '../../db/schema.ts';
import { found } from '../errors.ts';
import { newId, now, parseInput, queryRows, type Tx } from './common.ts';
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

/**
 * Record the song's intention: `setIntention(db, { songId, text, confirmed: true })`. One
 * statement: the row, and the song's `updated_at`, or nothing at all for an unknown song.
 */
export async function setIntention(db: Database, input: SetIntentionInput): Promise<Intention> {
  const { songId, text, confirmed } = parseInput(SetIntentionInput, input);
  const id = newId();
  const [row] = await queryRows<{ created_at: Date | string }>(db.orm, sql`
    with made as (
      -- "Newest" decides the current intention: never let two rows share a millisecond.
      insert into ${intentions} (id, song_id, text, confirmed, created_at)
      select ${id}, ${songs.id}, ${text}, ${confirmed}::boolean,
             greatest(${now().toISOString()}::timestamptz, (select max(created_at) from ${intentions} where song_id = ${songId}) + interval '1 millisecond')
      from ${songs} where ${songs.id} = ${songId}
      returning created_at
    )
    update ${songs} set updated_at = made.created_at from made where ${songs.id} = ${songId}
    returning made.created_at`);
  const at = found(row, 'song').created_at;
  return toIntention({ id, songId, text, confirmed, createdAt: at instanceof Date ? at : new Date(at) });
}

/** The song's current intention, or null when none was stated yet. */
export async function currentIntention(db: Database, songId: string): Promise<Intention | null> {
  const row = await newestRow(db.orm, songId);
  return row ? toIntention(row) : null;
}
