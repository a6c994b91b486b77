/** "Use my tune": the musician's notes become the melody of a new version, kept exactly, and stay through revisions. */
import { describe, expect, it } from 'vitest';
import { SongParameters } from '../../music/params.ts';
import { seededTune } from '../../music/transcribe/hum.ts';
import { backends } from '../../test/support/db.ts';
import { createApp } from '../app.ts';
import { loadConfig } from '../config.ts';
import { createLogger } from '../log.ts';
import { createSong, createVersion, updateConversation } from '../journal/index.ts';
import type { Version } from '../journal/shapes.ts';

const config = loadConfig({ INNERCHORD_LOG: 'silent', INNERCHORD_OFFLINE: '1' });
const quiet = { config, log: createLogger('silent') };

const SONG = SongParameters.parse({
  key: 'G',
  mode: 'major',
  tempo: 100,
  sections: [{ name: 'verse', bars: 4 }, { name: 'chorus', bars: 4 }, { name: 'verse', bars: 4 }, { name: 'chorus', bars: 4 }],
});

const melodyOf = (v: Version) => v.sketch.tracks.find((t) => t.id === 'melody')!.notes;

for (const backend of backends) {
  describe.skipIf(backend.skip)(`POST /api/versions/:vid/melody on ${backend.name}`, () => {
    const t = backend.open();
    const app = () => createApp({ db: t.db, ...quiet });
    const send = (path: string, body: unknown) => app().request(path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

    it('makes the tune every chorus of a new version, and a later revision keeps it', async () => {
      const tune = seededTune({ seed: 31, notes: 10, key: 'G', mode: 'major' });
      const song = await createSong(t.db, { title: 'Hummed' });
      const v1 = await createVersion(t.db, { songId: song.id, params: SONG, seed: 5 });
      const res = await send(`/api/versions/${v1.id}/melody`, { notes: tune.notes, use: 'section', section: 'chorus' });
      expect(res.status).toBe(201);
      const v2 = (await res.json()) as Version;
      expect(v2).toMatchObject({ number: 2, parentId: v1.id, seed: 5, request: 'your tune (10 notes) as the melody of every chorus' });
      const choruses = v2.sketch.sections.filter((s) => s.name === 'chorus');
      expect(choruses).toHaveLength(2);
      for (const mark of choruses) {
        const end = mark.startTick + mark.bars * v2.sketch.ticksPerBar;
        const sung = melodyOf(v2).filter((n) => n.start >= mark.startTick && n.start < end);
        expect(sung.map((n) => [n.pitch, n.start - mark.startTick, n.duration])).toEqual(tune.notes.map((n) => [n.pitch, n.start, n.duration]));
      }

      await updateConversation(t.db, song.id, { state: { stage: 'listening' } });
      const turn = await send(`/api/songs/${song.id}/turns`, { text: 'faster' });
      expect(turn.status).toBe(200);
      const v3 = ((await turn.json()) as { version: Version }).version;
      expect(v3.params.givenMelody).toEqual(v2.params.givenMelody);
      const chorus = v3.sketch.sections.find((s) => s.name === 'chorus')!;
      expect(melodyOf(v3).filter((n) => n.start >= chorus.startTick && n.start < chorus.startTick + chorus.bars * v3.sketch.ticksPerBar).map((n) => n.pitch)).toEqual(tune.notes.map((n) => n.pitch));
    });

    it('uses a tune as the whole melody, growing the form to hold it', async () => {
      const tune = seededTune({ seed: 32, notes: 40, key: 'G', mode: 'major' });
      const song = await createSong(t.db, { title: 'Whole' });
      const v1 = await createVersion(t.db, { songId: song.id, params: SONG, seed: 6 });
      const res = await send(`/api/versions/${v1.id}/melody`, { notes: tune.notes, use: 'whole' });
      expect(res.status).toBe(201);
      const v2 = (await res.json()) as Version;
      expect(melodyOf(v2).map((n) => [n.pitch, n.start])).toEqual(tune.notes.map((n) => [n.pitch, n.start]));
      const last = tune.notes.at(-1)!;
      expect(v2.sketch.totalTicks).toBeGreaterThanOrEqual(last.start + last.duration);
    });

    it('refuses no notes, an unknown section, bad notes and unknown versions, making nothing', async () => {
      const song = await createSong(t.db, { title: 'Bad' });
      const v1 = await createVersion(t.db, { songId: song.id, params: SONG, seed: 3 });
      const note = { pitch: 60, start: 0, duration: 480, velocity: 0.8 };
      for (const [body, field] of [
        [{ notes: [], use: 'whole' }, 'notes'],
        [{ notes: [note], use: 'section', section: 'bridge' }, 'section'],
        [{ notes: [note], use: 'section' }, 'section'],
        [{ notes: [{ ...note, pitch: 200 }], use: 'whole' }, 'notes'],
        [{ notes: [note], use: 'everything' }, 'use'],
      ] as const) {
        const res = await send(`/api/versions/${v1.id}/melody`, body);
        expect(res.status, JSON.stringify(body)).toBe(400);
        expect(JSON.stringify(await res.json()), JSON.stringify(body)).toContain(field);
      }
      expect((await send('/api/versions/nope/melody', { notes: [note], use: 'whole' })).status).toBe(404);
      const list = (await (await app().request(`/api/songs/${song.id}/versions`)).json()) as { versions: unknown[] };
      expect(list.versions).toHaveLength(1);
    });
  });
}
