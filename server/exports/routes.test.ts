/** Notation downloads through app.request() — no network — on a real in-memory journal. */
import { describe, expect, it } from 'vitest';
import { sharedPglite } from '../../test/support/db.ts';
import { readLeadSheet } from '../../music/notation/testing.ts';
import { createApp } from '../app.ts';
import { loadConfig } from '../config.ts';
import { createSong, createVersion } from '../journal/index.ts';
import { createLogger } from '../log.ts';
import { MUSICXML_TYPE } from './routes.ts';

const t = sharedPglite();
const app = () => createApp({ db: t.db, config: loadConfig({ INNERCHORD_LOG: 'silent' }), log: createLogger('silent') });

async function storedVersion() {
  const song = await createSong(t.db, { title: 'For Ana & "Bo"' });
  const params = { key: 'D', mode: 'minor', tempo: 70, meter: '3/4' as const, sections: [{ name: 'verse', bars: 4 }, { name: 'chorus', bars: 4 }] };
  return createVersion(t.db, { songId: song.id, params, seed: 3 });
}

describe('notation downloads', () => {
  it('serves the lead sheet of a version as a MusicXML attachment named after the song', async () => {
    const version = await storedVersion();
    const res = await app().request(`/api/versions/${version.id}/musicxml`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe(MUSICXML_TYPE);
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="For-Ana-Bo-v1.musicxml"');
    const sheet = readLeadSheet(await res.text());
    expect({ title: sheet.title, tempo: sheet.tempo, meter: `${sheet.beats}/${sheet.beatType}`, measures: sheet.measureLengths.length }).toEqual({ title: 'For Ana & "Bo"', tempo: 70, meter: '3/4', measures: 8 });
    expect(sheet.harmonies.map((h) => h.symbol)).toEqual(version.sketch.chords.map((c) => c.symbol));
    expect(sheet.rehearsals.map((r) => r.text)).toEqual(['Verse', 'Chorus']);
  });

  it('serves the ChordPro chart of a version as text', async () => {
    const version = await storedVersion();
    const res = await app().request(`/api/versions/${version.id}/chordpro`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    const chart = await res.text();
    expect(chart.split('\n').slice(0, 4)).toEqual(['{title: For Ana & "Bo"}', '{key: Dm}', '{tempo: 70}', '{time: 3/4}']);
    expect(chart).toContain(`{start_of_chorus: Chorus}`);
  });

  it('carries a version\'s words: ChordPro lines with chords inline, a <lyric> under each sung note, MIDI lyric events', async () => {
    const song = await createSong(t.db, { title: 'Kettle' });
    const lyrics = ['The kettle sings at seven', 'and nobody hears it now'];
    const version = await createVersion(t.db, { songId: song.id, params: { sections: [{ name: 'verse', bars: 4, lyrics }, { name: 'outro', bars: 2 }] }, seed: 3 });
    const chart = await (await app().request(`/api/versions/${version.id}/chordpro`)).text();
    expect(chart.split('\n').filter((l) => /^\S/.test(l) && !l.startsWith('{') && !l.startsWith('|')).map((l) => l.replace(/\[[^\]]+\]/g, '').trim())).toEqual(lyrics);
    const xml = await (await app().request(`/api/versions/${version.id}/musicxml`)).text();
    expect((xml.match(/<lyric /g) ?? []).length).toBe(version.sketch.tracks[0]!.notes.filter((n) => n.lyric).length);
    const midi = new Uint8Array(await (await app().request(`/api/versions/${version.id}/midi`)).arrayBuffer());
    expect(Buffer.from(midi).includes(Buffer.from([0xff, 0x05]))).toBe(true);
  });

  it.each(['musicxml', 'chordpro'])('answers 404 with the error body for an unknown version (%s)', async (format) => {
    const res = await app().request(`/api/versions/nope/${format}`);
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ error: { code: 'NOT_FOUND' } });
  });

  it('documents both downloads in the OpenAPI document', async () => {
    const doc = (await (await app().request('/api/openapi.json')).json()) as { paths: Record<string, { get?: { responses: Record<string, { content?: Record<string, unknown> }> } }> };
    expect(Object.keys(doc.paths['/api/versions/{vid}/musicxml']?.get?.responses['200']?.content ?? {})).toEqual([MUSICXML_TYPE]);
    expect(Object.keys(doc.paths['/api/versions/{vid}/chordpro']?.get?.responses['200']?.content ?? {})).toEqual(['text/plain']);
  });
});
