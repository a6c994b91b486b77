/** Versions through the services: generation, numbering, seeds, changes, ratings, MIDI. */
import { describe, expect, it } from 'vitest';
import { parseMidi } from 'midi-file';
import { backends } from '../../test/support/db.ts';
import { createSong, createVersion, getSongDetail, getVersion, latestParams, latestVersion, listVersions, rateVersion, versionMidi } from './index.ts';

for (const backend of backends) {
  describe.skipIf(backend.skip)(`versions on ${backend.name}`, () => {
    const t = backend.open();

    it('numbers versions, keeps the seed for revisions and lists what changed', async () => {
      const song = await createSong(t.db, { title: 'Quiet house' });
      expect(await latestVersion(t.db, song.id)).toBeNull();
      expect(await latestParams(t.db, song.id)).toBeNull();
      const v1 = await createVersion(t.db, { songId: song.id, params: { key: 'D', mode: 'minor', tempo: 96 }, request: 'first sketch' });
      expect(v1).toMatchObject({ number: 1, parentId: null, changes: [], key: 'D', mode: 'minor', tempo: 96, meter: '4/4', rating: null, note: null, request: 'first sketch' });
      expect(v1.sketch.tracks.length).toBeGreaterThan(0);
      const v2 = await createVersion(t.db, { songId: song.id, params: { ...v1.params, tempo: 72 }, request: 'slower' });
      expect(v2).toMatchObject({ number: 2, parentId: v1.id, seed: v1.seed, tempo: 72 });
      expect(v2.changes.join(' ')).toMatch(/72/);
      expect(await latestVersion(t.db, song.id)).toEqual(v2);
      expect(await latestParams(t.db, song.id)).toEqual({ id: v2.id, params: v2.params });
      expect(await getVersion(t.db, v1.id)).toEqual(v1);
      const summaries = await listVersions(t.db, song.id);
      expect(summaries.map((v) => v.number)).toEqual([1, 2]);
      expect(summaries[0]).not.toHaveProperty('sketch');
      expect((await getSongDetail(t.db, song.id)).song.versionCount).toBe(2);
    });

    it('branches from an older version with parentId and the same seed sounds the same', async () => {
      const song = await createSong(t.db, {});
      const v1 = await createVersion(t.db, { songId: song.id, params: {}, seed: 7 });
      await createVersion(t.db, { songId: song.id, params: { tempo: 140 } });
      const back = await createVersion(t.db, { songId: song.id, params: v1.params, parentId: v1.id, request: 'revert to v1' });
      expect(back).toMatchObject({ number: 3, parentId: v1.id, seed: 7, changes: [] });
      expect(back.sketch).toEqual(v1.sketch);
      await expect(createVersion(t.db, { songId: song.id, params: {}, parentId: 'nope' })).rejects.toMatchObject({ code: 'INVALID_INPUT', field: 'parentId' });
    });

    it('gives concurrent versions distinct consecutive numbers', async () => {
      const song = await createSong(t.db, {});
      const made = await Promise.all([60, 70, 80, 90].map((tempo) => createVersion(t.db, { songId: song.id, params: { tempo }, seed: 1 })));
      expect(made.map((v) => v.number).sort()).toEqual([1, 2, 3, 4]);
    });

    it('rates a version and clears the rating with null', async () => {
      const song = await createSong(t.db, {});
      const v = await createVersion(t.db, { songId: song.id, params: {}, seed: 3 });
      expect(await rateVersion(t.db, v.id, { rating: 2, note: 'closer' })).toMatchObject({ rating: 2, note: 'closer' });
      expect(await rateVersion(t.db, v.id, { rating: null })).toMatchObject({ rating: null, note: 'closer' });
      await expect(rateVersion(t.db, v.id, { rating: 3 })).rejects.toMatchObject({ code: 'INVALID_INPUT', field: 'rating' });
      await expect(rateVersion(t.db, 'nope', { rating: 1 })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    });

    it('exports a version as a MIDI file named after the song', async () => {
      const song = await createSong(t.db, { title: 'For Ana / draft?' });
      const v = await createVersion(t.db, { songId: song.id, params: { tempo: 80 }, seed: 5 });
      const { bytes, filename } = await versionMidi(t.db, v.id);
      expect(filename).toBe('For-Ana-draft-v1.mid');
      const midi = parseMidi(bytes);
      expect(midi.header.format).toBe(1);
      expect(midi.tracks.length).toBeGreaterThan(1);
    });
  });
}
