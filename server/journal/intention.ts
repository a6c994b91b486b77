/** A song's intention — what the song is for, in the musician's words. Each change is a new row;
 *  the current intention is the newest, so the journal keeps how the intention evolved. */
import { desc, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Database } from '../../db/client.ts';
import { intentions, songs, type IntentionRow } from '../../db/schema.ts';
import { found } from '../errors.ts';
import { newId, now, parseInput, queryRows, type Tx } from './common.ts';
import type { Intention } from './shapes.ts';
import { DEFAULT_TITLE } from './songs.ts';
import { titleFromIntention } from '../titles/title.ts';

/** Longest intention: a sentence or two fits many times over; longer thoughts belong in a note. */
export const MAX_INTENTION_CHARS = 2000;

/** The intention's text at every boundary, with messages a musician can act on. */
export const IntentionText = z
  .string()
  .trim()
  .min(1, 'write what the song is for first: the intention cannot be empty')
  .max(MAX_INTENTION_CHARS, `at most ${MAX_INTENTION_CHARS.toLocaleString('en')} characters: keep the intention to a sentence or two and put the rest in a note`);

export const SetIntentionInput = z.object({
  songId: z.string().min(1),
  text: IntentionText,
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
 * statement: the row, and the song's `updated_at`, or nothing at all for an unknown song. An
 * agreed intention also names a song that still has the default title (titleFromIntention); a
 * title the musician chose is never replaced. `songTitle` is the song's title afterwards.
 */
export async function setIntention(db: Database, input: SetIntentionInput): Promise<Intention> {
  const { songId, text, confirmed } = parseInput(SetIntentionInput, input);
  const id = newId();
  const title = confirmed ? titleFromIntention(text) : null;
  const [row] = await queryRows<{ created_at: Date | string; title: string }>(db.orm, sql`
    with made as (
      -- "Newest" decides the current intention: never let two rows share a millisecond.
      insert into ${intentions} (id, song_id, text, confirmed, created_at)
      select ${id}, ${songs.id}, ${text}, ${confirmed}::boolean,
             greatest(${now().toISOString()}::timestamptz, (select max(created_at) from ${intentions} where song_id = ${songId}) + interval '1 millisecond')
      from ${songs} where ${songs.id} = ${songId}
      returning created_at
    )
    update ${songs} set updated_at = made.created_at,
      title = case when ${title}::text is not null and ${songs.title} = ${DEFAULT_TITLE} then ${title}::text else ${songs.title} end
    from made where ${songs.id} = ${songId}
    returning made.created_at, ${songs.title} as title`);
  const { created_at: at, title: songTitle } = found(row, 'song');
  return { ...toIntention({ id, songId, text, confirmed, createdAt: at instanceof Date ? at : new Date(at) }), songTitle };
}

/** The song's current intention, or null when none was stated yet. */
export async function currentIntention(db: Database, songId: string): Promise<Intention | null> {
  const row = await newestRow(db.orm, songId);
  return row ? toIntention(row) : null;
}
