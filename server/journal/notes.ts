/** Notes the musician keeps about a song, optionally about one version of it. */
import { and, desc, eq, max } from 'drizzle-orm';
import { z } from 'zod';
import type { Database } from '../../db/client.ts';
import { notes, versions, type NoteRow } from '../../db/schema.ts';
import { ServiceError } from '../errors.ts';
import { getSong, touchSong } from './songs.ts';
import { newId, now, parseInput } from './common.ts';
import type { Note } from './shapes.ts';
import { MAX_NOTE_CHARS } from './limits.ts';

export const AddNoteInput = z.object({
  songId: z.string().min(1),
  text: z.string().trim().min(1).max(MAX_NOTE_CHARS),
  versionId: z.string().min(1).optional(),
});

export const toNote = (row: NoteRow): Note => ({
  id: row.id,
  text: row.text,
  versionId: row.versionId,
  createdAt: row.createdAt.toISOString(),
});

/** Add a note: `addNote(db, { songId, text, versionId? })`; the version must belong to the song. */
export async function addNote(db: Database, input: z.input<typeof AddNoteInput>): Promise<Note> {
  const { songId, text, versionId } = parseInput(AddNoteInput, input);
  await getSong(db, songId);
  if (versionId) {
    const [v] = await db.orm.select({ id: versions.id }).from(versions).where(and(eq(versions.id, versionId), eq(versions.songId, songId)));
    if (!v) throw new ServiceError('INVALID_INPUT', 'versionId: no version of this song has that id', 'versionId');
  }
  const row = await db.orm.transaction(async (tx) => {
    // Notes are ordered by time: keep them strictly increasing so the order survives export/import.
    const [last] = await tx.select({ at: max(notes.createdAt) }).from(notes).where(eq(notes.songId, songId));
    const at = new Date(Math.max(now().getTime(), (last?.at?.getTime() ?? 0) + 1));
    const row: NoteRow = { id: newId(), songId, versionId: versionId ?? null, text, createdAt: at };
    await tx.insert(notes).values(row);
    await touchSong(tx, songId, at);
    return row;
  });
  return toNote(row);
}

/** A song's notes, newest first. */
export async function listNotes(db: Database, songId: string): Promise<Note[]> {
  const rows = await db.orm.select().from(notes).where(eq(notes.songId, songId)).orderBy(desc(notes.createdAt), desc(notes.id));
  return rows.map(toNote);
}
