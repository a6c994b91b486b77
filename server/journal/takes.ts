/** Jam takes: the emotion pad's recorded path over a version's jam loop, kept with the song. */
import { and, asc, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Database } from '../../db/client.ts';
import { jamTakes, versions, type JamTakeRow } from '../../db/schema.ts';
import { JamTake } from '../../music/jam/take.ts';
import { ServiceError, found } from '../errors.ts';
import { newId, now, parseInput } from './common.ts';
import type { JamTakeEntry } from './shapes.ts';
import { touchSong } from './songs.ts';

/** How many takes one version may keep (each up to 2,000 points): the journal stays small. */
export const MAX_TAKES_PER_VERSION = 100;

export const SaveTakeInput = z.object({
  versionId: z.string().min(1).max(100),
  name: z.string().trim().min(1).max(100).optional(),
  take: JamTake,
});

/** A stored row as the API shows it; the JSON column is parsed (the database is a boundary too). */
export const toTakeEntry = (row: JamTakeRow): JamTakeEntry => ({
  id: row.id,
  versionId: row.versionId,
  name: row.name,
  createdAt: row.createdAt.toISOString(),
  take: JamTake.parse(row.take),
});

/** "Take N" after the highest N in use (or the count), so a deleted take's name is not handed out twice:
 *  nextTakeName(['Take 1', 'Take 3']) → 'Take 4'. */
export function nextTakeName(names: readonly string[]): string {
  const numbers = names.map((n) => /^Take (\d+)$/.exec(n)?.[1]).filter((d): d is string => d !== undefined).map(Number);
  return `Take ${Math.max(names.length, ...numbers) + 1}`;
}

async function songOfVersion(db: Database, versionId: string): Promise<string> {
  const [v] = await db.orm.select({ songId: versions.songId }).from(versions).where(eq(versions.id, versionId));
  return found(v, 'version').songId;
}

/** Save a take of a version's jam: saveTake(db, { versionId, take }) → { id, name: 'Take 1', … }. */
export async function saveTake(db: Database, input: z.input<typeof SaveTakeInput>): Promise<JamTakeEntry> {
  const { versionId, name, take } = parseInput(SaveTakeInput, input);
  const songId = await songOfVersion(db, versionId);
  const row = await db.orm.transaction(async (tx) => {
    const names = (await tx.select({ name: jamTakes.name }).from(jamTakes).where(eq(jamTakes.versionId, versionId))).map((r) => r.name);
    if (names.length >= MAX_TAKES_PER_VERSION) throw new ServiceError('INVALID_INPUT', `This version already keeps ${MAX_TAKES_PER_VERSION} takes; capture one as a version and jam on that.`);
    const row: JamTakeRow = { id: newId(), songId, versionId, name: name ?? nextTakeName(names), take, createdAt: now() };
    await tx.insert(jamTakes).values(row);
    await touchSong(tx, songId, row.createdAt);
    return row;
  });
  return toTakeEntry(row);
}

/** A version's takes, oldest first; NOT_FOUND for an unknown version. */
export async function listTakes(db: Database, versionId: string): Promise<JamTakeEntry[]> {
  await songOfVersion(db, versionId);
  const rows = await db.orm.select().from(jamTakes).where(eq(jamTakes.versionId, versionId)).orderBy(asc(jamTakes.createdAt), asc(jamTakes.id));
  return rows.map(toTakeEntry);
}

export const RenameTakeInput = z.object({
  versionId: z.string().min(1).max(100),
  takeId: z.string().min(1).max(100),
  name: z.string().trim().min(1).max(100),
});

/** The take's row when it belongs to this version; NOT_FOUND otherwise, so a take id reached
 *  through another version (maybe another musician's) reveals nothing. */
async function takeOfVersion(db: Database, versionId: string, takeId: string): Promise<JamTakeRow> {
  await songOfVersion(db, versionId);
  const [row] = await db.orm.select().from(jamTakes).where(and(eq(jamTakes.id, takeId), eq(jamTakes.versionId, versionId)));
  return found(row, 'take');
}

/** Rename a take: renameTake(db, { versionId, takeId, name: 'the lift' }) → the take with its new name. */
export async function renameTake(db: Database, input: z.input<typeof RenameTakeInput>): Promise<JamTakeEntry> {
  const { versionId, takeId, name } = parseInput(RenameTakeInput, input);
  const row = await takeOfVersion(db, versionId, takeId);
  await db.orm.transaction(async (tx) => {
    await tx.update(jamTakes).set({ name }).where(eq(jamTakes.id, takeId));
    await touchSong(tx, row.songId);
  });
  return toTakeEntry({ ...row, name });
}

/** Delete a take of a version; NOT_FOUND when the version has no take with that id. */
export async function deleteTake(db: Database, versionId: string, takeId: string): Promise<void> {
  const row = await takeOfVersion(db, versionId, takeId);
  await db.orm.transaction(async (tx) => {
    await tx.delete(jamTakes).where(eq(jamTakes.id, takeId));
    await touchSong(tx, row.songId);
  });
}
