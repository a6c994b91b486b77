/** Versions through the services: generation, numbering, seeds, changes, ratings, MIDI. */
import { describe, expect, it } from 'vitest';
import { parseMidi } from 'midi-file';
import { sql } from 'drizzle-orm';
import { generateSketch } from '../../music/generate.ts';
import { Sketch } from '../../music/sketch.ts';
import { backends } from '../../test/support/db.ts';
import { createSong, createVersion, getSongDetail, getVersion, latestParams, latestVersion, listVersions, rateVersion, revertVersion, versionMidi } from './index.ts';

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

    it('keeps the params its sketch was made from: a section grown for its words, a key moved for the singer', async () => {
      const song = await createSong(t.db, {});
      const words = ['The kettle sings at six o clock and nobody is home', 'I set two cups out on the table anyway',
        'The radio still plays the songs you used to hum along to', 'And every Sunday morning feels like yesterday'];
      const v1 = await createVersion(t.db, { songId: song.id, params: { key: 'C', voice: 'low', sections: [{ name: 'verse', bars: 2, lyrics: words }] }, seed: 3 });
      const verse = v1.sketch.sections[0]!;
      expect(v1.params.sections[0]!.bars, 'stored bars are the bars the sketch plays').toBe(verse.bars);
      expect(v1.params.sections[0]!.bars).toBeGreaterThan(2);
      expect(v1.params.key).toBe(v1.sketch.key);
      // Read back, and revised with nothing asked: the same song, not grown again.
      expect(await getVersion(t.db, v1.id)).toEqual(v1);
      const again = await createVersion(t.db, { songId: song.id, params: v1.params, parentId: v1.id });
      expect(again.params).toEqual(v1.params);
      expect(again.sketch).toEqual(v1.sketch);
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

    it('reverts by copying the stored sketch and engine version, not regenerating them', async () => {
      const song = await createSong(t.db, {});
      const v1 = await createVersion(t.db, { songId: song.id, params: { key: 'D', mode: 'minor', tempo: 96 }, seed: 7 });
      const v2 = await createVersion(t.db, { songId: song.id, params: { ...v1.params, tempo: 140 } });
      // As if v1 had been made by an older engine: its stored sketch is not what today's engine makes.
      await t.db.orm.execute(sql`
        UPDATE versions SET engine_version = '0.9.0',
          sketch = (jsonb_set(jsonb_set(sketch::jsonb, '{engineVersion}', '"0.9.0"'), '{tracks,0,notes,0,pitch}', to_jsonb(((sketch #>> '{tracks,0,notes,0,pitch}')::int + 1)))
                   || '{"legacyField": {"kept": [1, 2.5, "x"]}}'::jsonb)::json
        WHERE id = ${v1.id}`);
      const storedText = async (id: string) =>
        ((await t.db.orm.execute(sql`SELECT sketch::text AS s, params::text AS p, engine_version AS e FROM versions WHERE id = ${id}`)) as unknown as { rows: { s: string; p: string; e: string }[] }).rows[0]!;
      const before = await storedText(v1.id);
      const stored = Sketch.parse(JSON.parse(before.s));
      expect(stored).not.toEqual(generateSketch(v1.params, 7));

      const back = await revertVersion(t.db, v1.id);
      expect(back).toMatchObject({ number: 3, parentId: v1.id, songId: song.id, seed: 7, engineVersion: '0.9.0', request: 'revert to v1', params: v1.params, key: 'D', tempo: 96 });
      expect(back.sketch).toEqual(stored);
      expect(await storedText(back.id)).toEqual(before); // the very same JSON, the unknown field included
      expect(await getVersion(t.db, back.id)).toEqual(back);
      // changes: from the newest version (v2, tempo 140) to the one reverted to.
      expect(back.changes.join(' ')).toMatch(/96/);
      expect(back.changes.join(' ')).toMatch(/140/);
      expect((await listVersions(t.db, song.id)).map((v) => [v.number, v.parentId])).toEqual([
        [1, null],
        [2, v1.id],
        [3, v1.id],
      ]);

      // Reverting to the newest version copies it with no changes; the next number follows.
      const again = await revertVersion(t.db, back.id);
      expect(again).toMatchObject({ number: 4, parentId: back.id, changes: [], request: 'revert to v3', engineVersion: '0.9.0' });
      expect(again.sketch).toEqual(stored);
      expect(v2.number).toBe(2);
      await expect(revertVersion(t.db, 'nope')).rejects.toMatchObject({ code: 'NOT_FOUND' });
      expect((await listVersions(t.db, song.id)).length).toBe(4);
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
