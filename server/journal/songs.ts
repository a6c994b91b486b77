/**
 * Songs: create (with its conversation), list with search and cursor pagination, rename,
 * archive, delete (everything of the song cascades away).
 */
import { and, desc, eq, ilike, isNotNull, isNull, or, sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import type { Database } from '../../db/client.ts';
import { conversations, songs, type SongRow } from '../../db/schema.ts';
import { found, ServiceError } from '../errors.ts';
import { newId, now, parseInput, songFields, type Tx } from './common.ts';
import type { SongSummary } from './shapes.ts';
import { eraseBytes } from './erase.ts';

export const CreateSongInput = z.object({ title: z.string().trim().min(1).max(200).optional() });
export const UpdateSongInput = z.object({
  title: z.string().trim().min(1).max(200).optional(),
  archived: z.boolean().optional(),
});
export const ListSongsInput = z.object({
  q: z.string().trim().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  cursor: z.string().max(200).optional(),
  /** Query strings carry text: "true" / "false". */
  archived: z.union([z.boolean(), z.enum(['true', 'false']).transform((v) => v === 'true')]).default(false),
});

export const DEFAULT_TITLE = 'Untitled song';

// The two derived SongSummary fields as correlated subqueries, so a list is one query. Written
// with qualified names: drizzle drops table prefixes inside a single-table select.
const intentionText = sql<string | null>`(select i.text from intentions i where i.song_id = "songs"."id" order by i.created_at desc limit 1)`;
const versionCount = sql<number>`(select count(*)::int from versions v where v.song_id = "songs"."id")`;

const summaryColumns = { song: songs, intention: intentionText, versionCount };

function toSummary(r: { song: SongRow; intention: string | null; versionCount: number | string }): SongSummary {
  return { ...songFields(r.song), intention: r.intention ?? null, versionCount: Number(r.versionCount) };
}

/** The SongSummary of one song; NOT_FOUND when it does not exist. */
export async function getSong(db: Database | Tx, songId: string): Promise<SongSummary> {
  const orm = 'orm' in db ? db.orm : db;
  const [row] = await orm.select(summaryColumns).from(songs).where(eq(songs.id, songId));
  return toSummary(found(row, 'song'));
}

/** Create a song and its (empty) conversation: `createSong(db, { title: 'For Ana' })`; `ownerId`
 *  is the account in group mode (null: the personal-mode owner). */
export async function createSong(db: Database, input: unknown = {}, ownerId: string | null = null): Promise<SongSummary> {
  const { title } = parseInput(CreateSongInput, input);
  const at = now();
  const row: SongRow = { id: newId(), ownerId, title: title ?? DEFAULT_TITLE, createdAt: at, updatedAt: at, archivedAt: null, lastVersion: 0 };
  await db.orm.transaction(async (tx) => {
    await tx.insert(songs).values(row);
    await tx.insert(conversations).values({ id: newId(), songId: row.id, createdAt: at });
  });
  return { ...songFields(row), intention: null, versionCount: 0 };
}

/** Cursor = the last row's (updatedAt, id), opaque to clients. */
const encodeCursor = (row: SongRow) => Buffer.from(JSON.stringify([row.updatedAt.toISOString(), row.id])).toString('base64url');

function decodeCursor(cursor: string): { at: Date; id: string } {
  try {
    const [at, id] = z.tuple([z.iso.datetime(), z.string()]).parse(JSON.parse(Buffer.from(cursor, 'base64url').toString()));
    return { at: new Date(at), id };
  } catch {
    throw new ServiceError('INVALID_INPUT', 'cursor: not a cursor this server gave out', 'cursor');
  }
}

const likePattern = (q: string) => `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** Songs newest first, `q` matching the title, any message, note, version note or intention; `nextCursor` continues the list.
 *  With `ownerId` (group mode) only that account's songs; without it every song (personal mode). */
export async function listSongs(db: Database, input: unknown = {}, ownerId?: string): Promise<{ songs: SongSummary[]; nextCursor: string | null }> {
  const { q, limit, cursor, archived } = parseInput(ListSongsInput, input);
  const where: (SQL | undefined)[] = [archived ? isNotNull(songs.archivedAt) : isNull(songs.archivedAt)];
  if (ownerId !== undefined) where.push(eq(songs.ownerId, ownerId));
  if (q) {
    const pattern = likePattern(q);
    // What the musician wrote anywhere in the song: the conversation, journal notes, a note on a
    // version, and the intention (old wordings too: they searched for words they once used).
    const inMessages = sql`exists (select 1 from messages m where m.song_id = "songs"."id" and m.text ilike ${pattern})`;
    const inNotes = sql`exists (select 1 from notes n where n.song_id = "songs"."id" and n.text ilike ${pattern})`;
    const inVersionNotes = sql`exists (select 1 from versions v where v.song_id = "songs"."id" and v.note ilike ${pattern})`;
    const inIntentions = sql`exists (select 1 from intentions i where i.song_id = "songs"."id" and i.text ilike ${pattern})`;
    where.push(or(ilike(songs.title, pattern), inMessages, inNotes, inVersionNotes, inIntentions));
  }
  if (cursor) {
    const c = decodeCursor(cursor);
    where.push(sql`(${songs.updatedAt}, ${songs.id}) < (${c.at.toISOString()}::timestamptz, ${c.id})`);
  }
  const rows = await db.orm
    .select(summaryColumns)
    .from(songs)
    .where(and(...where))
    .orderBy(desc(songs.updatedAt), desc(songs.id))
    .limit(limit + 1);
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return { songs: page.map(toSummary), nextCursor: rows.length > limit && last ? encodeCursor(last.song) : null };
}

/** Rename and/or archive (archived: true) or restore (archived: false) a song. */
export async function updateSong(db: Database, songId: string, input: unknown): Promise<SongSummary> {
  const patch = parseInput(UpdateSongInput, input);
  const set: Partial<SongRow> = { updatedAt: now() };
  if (patch.title !== undefined) set.title = patch.title;
  if (patch.archived !== undefined) set.archivedAt = patch.archived ? now() : null;
  const updated = await db.orm.update(songs).set(set).where(eq(songs.id, songId)).returning({ id: songs.id });
  found(updated[0], 'song');
  return getSong(db, songId);
}

/** Delete a song; foreign keys cascade to its conversation, messages, intentions, versions, notes. */
export async function deleteSong(db: Database, songId: string): Promise<void> {
  const deleted = await db.orm.delete(songs).where(eq(songs.id, songId)).returning({ id: songs.id });
  found(deleted[0], 'song');
  // Deleted means gone from the disk too, not only from the tables (server/journal/erase.ts).
  await eraseBytes(db);
}

/** Mark a song as just changed, so it rises to the top of the journal. */
export async function touchSong(tx: Tx, songId: string, at: Date = now()): Promise<void> {
  await tx.update(songs).set({ updatedAt: at }).where(eq(songs.id, songId));
}
