/** Export → import round trips, and every kind of bad upload is refused without writing a row. */
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { parseMidi } from 'midi-file';
import { describe, expect, it } from 'vitest';
import { backends, rowCounts } from '../../../test/support/db.ts';
import { createApp } from '../../app.ts';
import { loadConfig } from '../../config.ts';
import { createLogger } from '../../log.ts';
import { addNote, appendMessage, createSong, createVersion, rateVersion, saveTake, setIntention, updateConversation } from '../index.ts';
import { resourcesFor } from '../../safety/resources/index.ts';
import { isSafeEntryName } from './unzip.ts';

const quiet = { config: loadConfig({ INNERCHORD_LOG: 'silent' }), log: createLogger('silent') };

/** song.json without anything that legitimately differs after an import (ids, export time, updatedAt). */
function comparable(songJson: string): unknown {
  const file = JSON.parse(songJson);
  delete file.exportedAt;
  delete file.song.id;
  delete file.song.updatedAt;
  const ids = new Map<string, string>();
  const alias = (id: string | null) => (id === null ? null : (ids.get(id) ?? `?${id}`));
  file.versions.forEach((v: { id: string; number: number }) => ids.set(v.id, `v${v.number}`));
  for (const v of file.versions) {
    v.id = alias(v.id);
    v.parentId = alias(v.parentId);
  }
  for (const n of file.notes) {
    delete n.id;
    n.versionId = alias(n.versionId);
  }
  for (const m of file.messages) {
    delete m.id;
    if (m.meta.versionId) m.meta.versionId = alias(m.meta.versionId);
  }
  for (const i of file.intentions) delete i.id;
  for (const t of file.takes) {
    delete t.id;
    t.versionId = alias(t.versionId);
  }
  return file;
}

for (const backend of backends) {
  describe.skipIf(backend.skip)(`export and import on ${backend.name}`, () => {
    const t = backend.open();
    const post = (body: Uint8Array) => createApp({ db: t.db, ...quiet }).request('/api/import', { method: 'POST', body: body as Uint8Array<ArrayBuffer>, headers: { 'content-type': 'application/zip' } });

    async function richSong() {
      const song = await createSong(t.db, { title: 'Quiet House' });
      await appendMessage(t.db, { songId: song.id, role: 'user', text: 'It is about the quiet after my sister moved.\nShe left in May.' });
      await appendMessage(t.db, { songId: song.id, role: 'assistant', text: 'What do you feel?', meta: { stage: 'emotion', suggestions: ['skip'] }, promptTokens: 300, completionTokens: 20 });
      await setIntention(t.db, { songId: song.id, text: 'For my sister', confirmed: false });
      await setIntention(t.db, { songId: song.id, text: 'For my sister, tender and a little hopeful', confirmed: true });
      const v1 = await createVersion(t.db, { songId: song.id, params: { key: 'D', mode: 'minor', tempo: 90 }, seed: 11, request: 'first sketch' });
      const v2 = await createVersion(t.db, { songId: song.id, params: { ...v1.params, tempo: 72 }, request: 'slower' });
      await createVersion(t.db, { songId: song.id, params: v1.params, parentId: v1.id, request: 'back to v1' });
      await appendMessage(t.db, { songId: song.id, role: 'assistant', text: 'Here is v2.', meta: { versionId: v2.id } });
      await rateVersion(t.db, v2.id, { rating: 1, note: 'closer' });
      await addNote(t.db, { songId: song.id, text: 'the bridge could lift', versionId: v2.id });
      await addNote(t.db, { songId: song.id, text: 'general thought' });
      await saveTake(t.db, { versionId: v2.id, take: { ticksPerBar: 1920, length: 4000, points: [{ tick: 10, valence: 0, arousal: 0 }, { tick: 2000, valence: 0.5, arousal: -0.25 }] } });
      await updateConversation(t.db, song.id, { summary: 'Sister moved away.', summaryUpTo: 1, state: { stage: 'listening' } });
      return song;
    }

    it('exports song.json, one MIDI file per version and a readable journal.md', async () => {
      const song = await richSong();
      const res = await createApp({ db: t.db, ...quiet }).request(`/api/songs/${song.id}/export`);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('application/zip');
      expect(res.headers.get('content-disposition')).toContain('Quiet-House');
      const files = unzipSync(new Uint8Array(await res.arrayBuffer()));
      expect(Object.keys(files).sort()).toEqual(['journal.md', 'song.json', 'versions/v1.mid', 'versions/v1.musicxml', 'versions/v2.mid', 'versions/v2.musicxml', 'versions/v3.mid', 'versions/v3.musicxml']);
      expect(strFromU8(files['versions/v2.musicxml']!)).toContain('<work-title>Quiet House</work-title>');
      const file = JSON.parse(strFromU8(files['song.json']!));
      expect(file).toMatchObject({ format: 'innerchord-song', formatVersion: 1, song: { title: 'Quiet House' } });
      expect(file.messages).toHaveLength(3);
      expect(file.versions.map((v: { number: number }) => v.number)).toEqual([1, 2, 3]);
      expect(parseMidi(files['versions/v2.mid']!).header.format).toBe(1);
      const md = strFromU8(files['journal.md']!);
      expect(md).toContain('# Quiet House');
      expect(md).toContain('> For my sister, tender and a little hopeful');
      expect(md).toContain('### v2 (from v1)');
      expect(md).toContain('the bridge could lift');
      expect(md).toContain('- Take 1: 3 bars, 1 change');
    });

    it('carries the words as lyrics.txt (a words.txt the CLI reads back) and in the MusicXML', async () => {
      const song = await createSong(t.db, { title: 'Kettle' });
      const lyrics = ['The kettle sings at seven', 'and nobody hears it'];
      await createVersion(t.db, { songId: song.id, params: { sections: [{ name: 'verse', bars: 8, lyrics }, { name: 'outro', bars: 2 }] }, seed: 2, request: 'first sketch' });
      const files = unzipSync(new Uint8Array(await (await createApp({ db: t.db, ...quiet }).request(`/api/songs/${song.id}/export`)).arrayBuffer()));
      expect(strFromU8(files['lyrics.txt']!)).toBe(`[verse]\n${lyrics.join('\n')}\n`);
      expect(strFromU8(files['versions/v1.musicxml']!)).toContain('<text>ket</text>');
    });

    it('round-trips losslessly: export → import → export gives the same song.json', async () => {
      const song = await richSong();
      const app = createApp({ db: t.db, ...quiet });
      const zip1 = new Uint8Array(await (await app.request(`/api/songs/${song.id}/export`)).arrayBuffer());
      const imported = await post(zip1);
      expect(imported.status).toBe(201);
      const summary = await imported.json();
      expect(summary).toMatchObject({ title: 'Quiet House', versionCount: 3, intention: 'For my sister, tender and a little hopeful', archived: false });
      expect(summary.id).not.toBe(song.id);
      const zip2 = new Uint8Array(await (await app.request(`/api/songs/${summary.id}/export`)).arrayBuffer());
      const json1 = strFromU8(unzipSync(zip1)['song.json']!);
      const json2 = strFromU8(unzipSync(zip2)['song.json']!);
      expect(comparable(json2)).toEqual(comparable(json1));
      // Fresh ids everywhere, links remapped to the new rows.
      const [a, b] = [JSON.parse(json1), JSON.parse(json2)];
      expect(a.takes.map((x: { versionId: string }) => x.versionId)).toEqual([a.versions[1].id]);
      expect(b.takes.map((x: { versionId: string }) => x.versionId)).toEqual([b.versions[1].id]);
      expect(b.versions.map((v: { id: string }) => v.id)).not.toContain(a.versions[0].id);
      expect(b.versions[2].parentId).toBe(b.versions[0].id);
      expect(b.messages[2].meta.versionId).toBe(b.versions[1].id);
      expect(await rowCounts(t.db)).toMatchObject({ songs: 2, conversations: 2, messages: 6, intentions: 4, versions: 6, notes: 4 });
    });

    it("keeps a crisis reply's help lines through export and import, so the card still shows", async () => {
      const song = await createSong(t.db, { title: 'Heavy night' });
      const lines = resourcesFor('en-GB');
      await appendMessage(t.db, { songId: song.id, role: 'user', text: 'I want to die', meta: { crisis: true } });
      await appendMessage(t.db, { songId: song.id, role: 'assistant', text: 'You matter.', meta: { stage: 'about', crisis: true, crisisResources: lines } });
      const app = createApp({ db: t.db, ...quiet });
      const zip = new Uint8Array(await (await app.request(`/api/songs/${song.id}/export`)).arrayBuffer());
      expect(JSON.parse(strFromU8(unzipSync(zip)['song.json']!)).messages[1].meta.crisisResources).toEqual(lines);
      const imported = (await (await post(zip)).json()) as { id: string };
      const detail = await (await app.request(`/api/songs/${imported.id}`)).json();
      expect(detail.messages.map((m: { meta: unknown }) => m.meta)).toEqual([{ crisis: true }, { stage: 'about', crisis: true, crisisResources: lines }]);
    });

    const refused: [string, () => Uint8Array][] = [
      ['bytes that are not a zip', () => strToU8('this is not a zip file at all, just text')],
      ['a truncated zip', () => zipSync({ 'song.json': strToU8('{}') }).slice(0, 30)],
      ['a foreign zip without song.json', () => zipSync({ 'readme.txt': strToU8('hello') })],
      ['a song.json that is not JSON', () => zipSync({ 'song.json': strToU8('{"format": "innerchord-song", ') })],
      ['a song.json from another program', () => zipSync({ 'song.json': strToU8(JSON.stringify({ format: 'other', tracks: [] })) })],
      ['an entry name that climbs out of the archive', () => zipSync({ 'song.json': strToU8('{}'), '../../etc/evil': strToU8('x') })],
      ['an absolute entry name', () => zipSync({ '/tmp/evil': strToU8('x') })],
      ['a zip bomb (unpacks past 50 MiB)', () => zipSync({ 'song.json': new Uint8Array(51 * 1024 * 1024) }, { level: 9 })],
      ['too many entries', () => zipSync(Object.fromEntries(Array.from({ length: 2001 }, (_, i) => [`f${i}.txt`, new Uint8Array(1)])))],
    ];
    for (const [what, make] of refused) {
      it(`refuses ${what} with 400 and writes nothing`, async () => {
        const res = await post(make());
        expect(res.status).toBe(400);
        const body = await res.json();
        expect(body.error.code).toBe('INVALID_INPUT');
        expect(body.error.message.length).toBeGreaterThan(10);
        expect(await rowCounts(t.db)).toEqual({ songs: 0, conversations: 0, messages: 0, intentions: 0, versions: 0, notes: 0 });
      });
    }

    it('refuses a damaged song.json (a bad version deep inside) and writes nothing', async () => {
      const song = await richSong();
      const zip = new Uint8Array(await (await createApp({ db: t.db, ...quiet }).request(`/api/songs/${song.id}/export`)).arrayBuffer());
      const files = unzipSync(zip);
      const file = JSON.parse(strFromU8(files['song.json']!));
      file.versions[1].params.tempo = 1000;
      files['song.json'] = strToU8(JSON.stringify(file));
      const before = await rowCounts(t.db);
      const res = await post(zipSync(files));
      expect(res.status).toBe(400);
      expect((await res.json()).error).toMatchObject({ field: 'versions.1.params.tempo' });
      expect(await rowCounts(t.db)).toEqual(before);
    });
  });
}

describe('zip entry names', () => {
  it('accepts plain relative names and refuses ones that escape', () => {
    expect(['song.json', 'versions/v1.mid', 'a/b/c.txt'].every(isSafeEntryName)).toBe(true);
    expect(['../x', 'a/../../x', '/etc/passwd', 'C:/x', 'a\\b', './x', ''].some(isSafeEntryName)).toBe(false);
  });
});
