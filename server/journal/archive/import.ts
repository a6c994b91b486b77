/** Import a song zip: validate song.json completely, then write everything in one transaction
 *  with fresh ids (links remapped), so a bad file writes nothing. */
import type { Database } from '../../../db/client.ts';
import { conversations, intentions, jamTakes, messages, notes, songs, versions } from '../../../db/schema.ts';
import { ServiceError } from '../../errors.ts';
import { newId, now } from '../common.ts';
import type { SongSummary } from '../shapes.ts';
import { getSong } from '../songs.ts';
import { FORMAT, SongFile } from './format.ts';
import { readZipText } from './unzip.ts';

const bad = (message: string, field?: string) => new ServiceError('INVALID_INPUT', message, field);

/** Parse song.json text; the message says what is wrong in words a person can act on. */
export function parseSongFile(text: string): SongFile {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw bad('song.json is not valid JSON; the file is damaged.');
  }
  if (typeof json !== 'object' || json === null || (json as { format?: unknown }).format !== FORMAT) {
    throw bad('This zip is not an Innerchord song export (song.json has no "format": "innerchord-song").', 'format');
  }
  const parsed = SongFile.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const field = issue.path.map(String).join('.');
    throw bad(`song.json is not a valid Innerchord song: ${field || '(root)'}: ${issue.message}`, field || undefined);
  }
  return parsed.data;
}

/** Import the zip bytes as a new song of `ownerId` (null: the personal-mode owner) and return its summary. */
export async function importSong(db: Database, bytes: Uint8Array, ownerId: string | null = null): Promise<SongSummary> {
  const text = readZipText(bytes, ['song.json']).get('song.json');
  if (text === undefined) throw bad('This zip is not an Innerchord song export (no song.json inside).');
  const file = parseSongFile(text);
  const songId = newId();
  const versionIds = new Map(file.versions.map((v) => [v.id, newId()]));
  const remap = (id: string | null) => (id === null ? null : (versionIds.get(id) ?? null));
  const date = (iso: string) => new Date(iso);
  await db.orm.transaction(async (tx) => {
    // updatedAt is now: an imported song belongs at the top of the journal.
    await tx.insert(songs).values({
      id: songId,
      ownerId,
      title: file.song.title,
      createdAt: date(file.song.createdAt),
      updatedAt: now(),
      archivedAt: file.song.archived ? now() : null,
    });
    const conversationId = newId();
    await tx.insert(conversations).values({ id: conversationId, songId, ...file.conversation, createdAt: date(file.conversation.createdAt) });
    if (file.messages.length) {
      const rows = file.messages.map((m) => {
        const meta = { ...m.meta };
        if (meta.versionId !== undefined) {
          const mapped = remap(meta.versionId);
          if (mapped) meta.versionId = mapped;
          else delete meta.versionId;
        }
        return { ...m, id: newId(), conversationId, songId, meta, createdAt: date(m.createdAt) };
      });
      for (let i = 0; i < rows.length; i += 500) await tx.insert(messages).values(rows.slice(i, i + 500));
    }
    if (file.intentions.length) {
      await tx.insert(intentions).values(file.intentions.map((i) => ({ ...i, id: newId(), songId, createdAt: date(i.createdAt) })));
    }
    // Parents have smaller numbers (checked by the schema), so inserting in number order keeps every link valid.
    for (const v of [...file.versions].sort((a, b) => a.number - b.number)) {
      await tx.insert(versions).values({ ...v, id: versionIds.get(v.id)!, songId, parentId: remap(v.parentId), createdAt: date(v.createdAt) });
    }
    if (file.notes.length) {
      await tx.insert(notes).values(file.notes.map((n) => ({ ...n, id: newId(), songId, versionId: remap(n.versionId), createdAt: date(n.createdAt) })));
    }
    // The schema checked that every take names a version in the file, so the remap always finds it.
    for (let i = 0; i < file.takes.length; i += 100) {
      const rows = file.takes.slice(i, i + 100).map((t) => ({ ...t, id: newId(), songId, versionId: versionIds.get(t.versionId)!, createdAt: date(t.createdAt) }));
      await tx.insert(jamTakes).values(rows);
    }
  });
  return getSong(db, songId);
}
