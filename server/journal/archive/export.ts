/** Export one song as a zip: song.json (everything), versions/v<N>.mid and .musicxml, journal.md, and lyrics.txt when the song has words. */
import { asc, eq } from 'drizzle-orm';
import { strToU8, zipSync, type Zippable } from 'fflate';
import type { Database } from '../../../db/client.ts';
import { conversations, intentions, jamTakes, messages, notes, songs, versions } from '../../../db/schema.ts';
import { JamTake } from '../../../music/jam/take.ts';
import { SongParameters } from '../../../music/params.ts';
import { Sketch } from '../../../music/sketch.ts';
import { ENGINE_VERSION } from '../../../music/version.ts';
import { found } from '../../errors.ts';
import { midi } from '../engine.ts';
import { readMeta } from '../messages.ts';
import { fileSafe } from '../versions.ts';
import { FORMAT, FORMAT_VERSION, type SongFile } from './format.ts';
import { journalMarkdown } from './journal-md.ts';

/** Read everything of a song into the song.json shape. */
export async function readSongFile(db: Database, songId: string, exportedAt = new Date()): Promise<SongFile> {
  const orm = db.orm;
  const [song] = await orm.select().from(songs).where(eq(songs.id, songId));
  found(song, 'song');
  const [conversation] = await orm.select().from(conversations).where(eq(conversations.songId, songId)).limit(1);
  const [msgs, ints, vers, nts, tks] = await Promise.all([
    orm.select().from(messages).where(eq(messages.songId, songId)).orderBy(asc(messages.seq)),
    orm.select().from(intentions).where(eq(intentions.songId, songId)).orderBy(asc(intentions.createdAt)),
    orm.select().from(versions).where(eq(versions.songId, songId)).orderBy(asc(versions.number)),
    orm.select().from(notes).where(eq(notes.songId, songId)).orderBy(asc(notes.createdAt), asc(notes.id)),
    orm.select().from(jamTakes).where(eq(jamTakes.songId, songId)).orderBy(asc(jamTakes.createdAt), asc(jamTakes.id)),
  ]);
  return {
    format: FORMAT,
    formatVersion: FORMAT_VERSION,
    exportedAt: exportedAt.toISOString(),
    engineVersion: ENGINE_VERSION,
    song: { id: song!.id, title: song!.title, createdAt: song!.createdAt.toISOString(), updatedAt: song!.updatedAt.toISOString(), archived: song!.archivedAt !== null },
    conversation: {
      summary: conversation?.summary ?? '',
      summaryUpTo: conversation?.summaryUpTo ?? 0,
      state: (conversation?.state ?? {}) as Record<string, unknown>,
      createdAt: (conversation?.createdAt ?? song!.createdAt).toISOString(),
    },
    messages: msgs.map((m) => ({
      id: m.id,
      seq: m.seq,
      role: m.role,
      text: m.text,
      meta: readMeta(m.meta),
      promptTokens: m.promptTokens,
      completionTokens: m.completionTokens,
      createdAt: m.createdAt.toISOString(),
    })),
    intentions: ints.map((i) => ({ id: i.id, text: i.text, confirmed: i.confirmed, createdAt: i.createdAt.toISOString() })),
    versions: vers.map((v) => ({
      id: v.id,
      number: v.number,
      parentId: v.parentId,
      request: v.request,
      params: SongParameters.parse(v.params),
      seed: v.seed,
      engineVersion: v.engineVersion,
      sketch: Sketch.parse(v.sketch),
      changes: (Array.isArray(v.changes) ? v.changes : []).map(String),
      rating: v.rating,
      note: v.note,
      createdAt: v.createdAt.toISOString(),
    })),
    notes: nts.map((n) => ({ id: n.id, versionId: n.versionId, text: n.text, createdAt: n.createdAt.toISOString() })),
    takes: tks.map((t) => ({ id: t.id, versionId: t.versionId, name: t.name, take: JamTake.parse(t.take), createdAt: t.createdAt.toISOString() })),
  };
}

/** The zip bytes of a song and its download name: `exportSong(db, id)` → `{ bytes, filename }`. */
export async function exportSong(db: Database, songId: string): Promise<{ bytes: Uint8Array; filename: string }> {
  const file = await readSongFile(db, songId);
  const entries: Zippable = {
    'song.json': strToU8(JSON.stringify(file, null, 2)),
    'journal.md': strToU8(journalMarkdown(file)),
  };
  const { sketchToMusicXml } = await import('../../../music/notation/musicxml.ts');
  for (const v of file.versions) {
    entries[`versions/v${v.number}.mid`] = await midi(v.sketch, file.song.title);
    entries[`versions/v${v.number}.musicxml`] = strToU8(sketchToMusicXml(v.sketch, { title: file.song.title }));
  }
  // The words of the newest version that has any, as a words.txt the CLI's --lyrics reads back.
  const { formatLyricSheet } = await import('../../../music/lyrics/sheet.ts');
  const words = [...file.versions].reverse().map((v) => formatLyricSheet(v.params)).find((w) => w !== '');
  if (words) entries['lyrics.txt'] = strToU8(words);
  return { bytes: zipSync(entries, { level: 6, mtime: new Date(file.exportedAt) }), filename: `${fileSafe(file.song.title)}.innerchord.zip` };
}
