/** Jam Capture keeps the song's form: the pad's feel becomes a version of the whole song, and the next revision builds on that. */
import { describe, expect, it } from 'vitest';
import { SongParameters } from '../../music/params.ts';
import { backends } from '../../test/support/db.ts';
import { createApp } from '../app.ts';
import { loadConfig } from '../config.ts';
import { createLogger } from '../log.ts';
import { captureParams } from './capture.ts';
import { createSong, createVersion, updateConversation } from './index.ts';
import type { Version } from './shapes.ts';

const config = loadConfig({ INNERCHORD_LOG: 'silent', INNERCHORD_OFFLINE: '1' });
const quiet = { config, log: createLogger('silent') };

/** A song with a form of its own: a pre-chorus, a bridge, a muted bass in the intro. */
const SONG = SongParameters.parse({
  valence: -0.3,
  arousal: -0.2,
  key: 'E',
  mode: 'minor',
  meter: '3/4',
  instruments: { melody: 'flute', chords: 'strings', bass: 'acoustic bass' },
  sections: [
    { name: 'intro', bars: 4, chords: ['i', 'VI'], energy: 0.3, arrangement: { bass: { mute: true } } },
    { name: 'verse', bars: 8, chords: ['i', 'iv', 'VII', 'III'], energy: 0.45 },
    { name: 'pre-chorus', bars: 4, chords: ['iv', 'V'], energy: 0.6 },
    { name: 'chorus', bars: 8, chords: ['VI', 'VII', 'i'], energy: 0.75 },
    { name: 'bridge', bars: 6, chords: ['III', 'VII'], energy: 0.5 },
    { name: 'outro', bars: 4, chords: ['i'], energy: 0.25 },
  ],
  rationale: [
    { aspect: 'meter', choice: '3/4', because: 'you said it sways' },
    { aspect: 'tempo', choice: '70 bpm', because: 'you said it is slow' },
  ],
});

const form = (p: SongParameters) => p.sections.map((s) => [s.name, s.bars, s.chords, s.arrangement ?? null]);

describe('captureParams', () => {
  it('keeps every section (bars, chords, arrangement) and the song\'s key, meter and instruments, with the pad\'s feel', () => {
    const up = captureParams(SONG, { valence: 0.7, arousal: 0.6 });
    expect(form(up)).toEqual(form(SONG));
    expect(up).toMatchObject({ key: 'E', meter: '3/4', instruments: SONG.instruments, valence: 0.7, arousal: 0.6 });
    expect(up.mode).not.toBe(SONG.mode);
    expect(up.tempo).toBeGreaterThan(captureParams(SONG, { valence: 0.7, arousal: -0.6 }).tempo);
    // Arousal went up: every section is more energetic, and the chorus still the peak.
    up.sections.forEach((s, i) => expect(s.energy).toBeGreaterThan(SONG.sections[i]!.energy));
    expect(Math.max(...up.sections.map((s) => s.energy))).toBe(up.sections[3]!.energy);
    const down = captureParams(SONG, { valence: -0.8, arousal: -0.9 });
    down.sections.forEach((s, i) => expect(s.energy).toBeLessThanOrEqual(SONG.sections[i]!.energy));
  });

  it('keeps only the reasons that stay true, and says where the feel came from', () => {
    const p = captureParams(SONG, { valence: 0.5, arousal: 0.5 });
    expect(p.rationale.map((r) => r.aspect)).toEqual(['meter', 'mood']);
    expect(p.rationale[1]!.choice).toContain('valence 0.5, arousal 0.5');
  });
});

for (const backend of backends) {
  describe.skipIf(backend.skip)(`POST /api/versions/:vid/capture on ${backend.name}`, () => {
    const t = backend.open();
    const app = () => createApp({ db: t.db, ...quiet });
    const send = (path: string, body: unknown) => app().request(path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

    it('makes a version of the whole song (same length, every section mark) that the next revision builds on', async () => {
      const song = await createSong(t.db, { title: 'Form' });
      const v1 = await createVersion(t.db, { songId: song.id, params: SONG, seed: 11 });
      const res = await send(`/api/versions/${v1.id}/capture`, { valence: 0.4, arousal: 0.3, from: 'Take 1, bar 3, beat 2' });
      expect(res.status).toBe(201);
      const v2 = (await res.json()) as Version;
      expect(v2).toMatchObject({ number: 2, parentId: v1.id, seed: 11, valence: 0.4, arousal: 0.3, request: 'jam capture (valence 0.4, arousal 0.3) from Take 1, bar 3, beat 2' });
      expect(form(v2.params)).toEqual(form(SONG));
      expect(v2.sketch.sections.map((s) => s.name)).toEqual(SONG.sections.map((s) => s.name));
      expect(v2.sketch.totalTicks).toBe(v1.sketch.totalTicks);
      // Notes all through the song, not only in its first four bars.
      const lastStart = v2.sketch.sections.at(-1)!.startTick;
      expect(v2.sketch.tracks.find((tr) => tr.id === 'chords')!.notes.some((n) => n.start >= lastStart)).toBe(true);

      // The next revision starts from the captured whole song, not from a 4-bar loop.
      await updateConversation(t.db, song.id, { state: { stage: 'listening' } });
      const turn = await send(`/api/songs/${song.id}/turns`, { text: 'slower' });
      expect(turn.status).toBe(200);
      const v3 = ((await turn.json()) as { version: Version }).version;
      expect(v3).toMatchObject({ number: 3, parentId: v2.id });
      expect(v3.tempo).toBeLessThan(v2.tempo);
      expect(form(v3.params)).toEqual(form(SONG));
      expect(v3.sketch.totalTicks).toBe(v1.sketch.totalTicks);
    });

    it('refuses points off the pad and unknown versions, making nothing', async () => {
      const song = await createSong(t.db, { title: 'Bad' });
      const v1 = await createVersion(t.db, { songId: song.id, params: SONG, seed: 3 });
      for (const body of [{ valence: 2, arousal: 0 }, { valence: 0 }, { valence: 'up', arousal: 0 }, { valence: 0, arousal: 0, from: '' }]) {
        const res = await send(`/api/versions/${v1.id}/capture`, body);
        expect(res.status, JSON.stringify(body)).toBe(400);
      }
      expect((await send('/api/versions/nope/capture', { valence: 0, arousal: 0 })).status).toBe(404);
      const list = (await (await app().request(`/api/songs/${song.id}/versions`)).json()) as { versions: unknown[] };
      expect(list.versions).toHaveLength(1);
    });
  });
}
