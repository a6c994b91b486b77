/** Jam takes through HTTP: saved with a version, listed back, validated, and carried by export/import. */
import { describe, expect, it } from 'vitest';
import { backends } from '../../test/support/db.ts';
import { MAX_TAKE_POINTS, type JamTake } from '../../music/jam/take.ts';
import { createApp } from '../app.ts';
import { loadConfig } from '../config.ts';
import { createLogger } from '../log.ts';
import { createSong, createVersion } from './index.ts';

const quiet = { config: loadConfig({ INNERCHORD_LOG: 'silent' }), log: createLogger('silent') };

const TAKE: JamTake = {
  ticksPerBar: 1920,
  length: 4 * 1920 + 100,
  points: [
    { tick: 300, valence: -0.2, arousal: 0.1 },
    { tick: 1500, valence: 0.3, arousal: 0.1 },
    { tick: 2 * 1920 + 40, valence: 0.5, arousal: -0.4 },
  ],
};

for (const backend of backends) {
  describe.skipIf(backend.skip)(`jam takes on ${backend.name}`, () => {
    const t = backend.open();
    const app = () => createApp({ db: t.db, ...quiet });
    const send = (method: string, path: string, body?: unknown) =>
      app().request(path, { method, headers: { 'content-type': 'application/json' }, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });

    async function version() {
      const song = await createSong(t.db, { title: 'Takes' });
      const v = await createVersion(t.db, { songId: song.id, params: { key: 'D', mode: 'minor', tempo: 100 }, seed: 4 });
      return { song, v };
    }

    it('saves takes named Take 1, Take 2 … and lists them back exactly, oldest first', async () => {
      const { song, v } = await version();
      const first = await send('POST', `/api/versions/${v.id}/takes`, { take: TAKE });
      expect(first.status).toBe(201);
      expect(await first.json()).toMatchObject({ versionId: v.id, name: 'Take 1', take: TAKE });
      const second = await send('POST', `/api/versions/${v.id}/takes`, { name: '  the lift ', take: { ...TAKE, points: TAKE.points.slice(0, 1) } });
      expect(await second.json()).toMatchObject({ name: 'the lift' });
      const list = (await (await send('GET', `/api/versions/${v.id}/takes`)).json()) as { takes: { name: string; take: JamTake }[] };
      expect(list.takes.map((x) => x.name)).toEqual(['Take 1', 'the lift']);
      expect(list.takes[0]!.take).toEqual(TAKE);
      // Another version of the song has its own (empty) list.
      const other = await createVersion(t.db, { songId: song.id, params: { tempo: 80 } });
      expect(await (await send('GET', `/api/versions/${other.id}/takes`)).json()).toEqual({ takes: [] });
    });

    it('refuses takes out of order, past their end, off the pad, too long, and unknown versions', async () => {
      const { v } = await version();
      const bad = [
        { ...TAKE, points: [...TAKE.points].reverse() },
        { ...TAKE, length: 10 },
        { ...TAKE, points: [{ tick: 0, valence: 2, arousal: 0 }] },
        { ...TAKE, points: Array.from({ length: MAX_TAKE_POINTS + 1 }, (_, i) => ({ tick: i, valence: 0, arousal: 0 })), length: MAX_TAKE_POINTS + 1 },
        { ...TAKE, points: [] },
      ];
      for (const take of bad) {
        const res = await send('POST', `/api/versions/${v.id}/takes`, { take });
        expect(res.status).toBe(400);
        expect(((await res.json()) as { error: { field?: string } }).error.field).toMatch(/^take/);
      }
      expect((await send('POST', `/api/versions/${v.id}/takes`, { take: TAKE, name: '' })).status).toBe(400);
      expect((await send('POST', '/api/versions/nope/takes', { take: TAKE })).status).toBe(404);
      expect((await send('GET', '/api/versions/nope/takes')).status).toBe(404);
      expect(await (await send('GET', `/api/versions/${v.id}/takes`)).json()).toEqual({ takes: [] });
    });

    it('goes out in the song zip and comes back on the imported copy of its version', async () => {
      const { song, v } = await version();
      await send('POST', `/api/versions/${v.id}/takes`, { take: TAKE });
      const zip = new Uint8Array(await (await send('GET', `/api/songs/${song.id}/export`)).arrayBuffer());
      const imported = await app().request('/api/import', { method: 'POST', body: zip, headers: { 'content-type': 'application/zip' } });
      expect(imported.status).toBe(201);
      const copy = (await imported.json()) as { id: string };
      const versions = (await (await send('GET', `/api/songs/${copy.id}/versions`)).json()) as { versions: { id: string }[] };
      const takes = (await (await send('GET', `/api/versions/${versions.versions[0]!.id}/takes`)).json()) as { takes: { name: string; take: JamTake }[] };
      expect(takes.takes).toMatchObject([{ name: 'Take 1', take: TAKE }]);
    });

    it('renames a take (trimmed) and deletes one, leaving the others; new takes never reuse a deleted name', async () => {
      const { v } = await version();
      const ids: string[] = [];
      for (let i = 0; i < 3; i++) ids.push(((await (await send('POST', `/api/versions/${v.id}/takes`, { take: TAKE })).json()) as { id: string }).id);
      const renamed = await send('PATCH', `/api/versions/${v.id}/takes/${ids[0]}`, { name: '  where it lifts  ' });
      expect(renamed.status).toBe(200);
      expect(await renamed.json()).toMatchObject({ id: ids[0], name: 'where it lifts', take: TAKE });
      expect((await send('DELETE', `/api/versions/${v.id}/takes/${ids[1]}`)).status).toBe(204);
      const list = (await (await send('GET', `/api/versions/${v.id}/takes`)).json()) as { takes: { id: string; name: string }[] };
      expect(list.takes.map((x) => [x.id, x.name])).toEqual([[ids[0], 'where it lifts'], [ids[2], 'Take 3']]);
      // Two takes are left, but "Take 3" is still in use: the next is "Take 4", not a second "Take 3".
      expect(await (await send('POST', `/api/versions/${v.id}/takes`, { take: TAKE })).json()).toMatchObject({ name: 'Take 4' });
      // Deleting it again: it is gone.
      expect((await send('DELETE', `/api/versions/${v.id}/takes/${ids[1]}`)).status).toBe(404);
    });

    it('refuses empty or over-long names, and takes reached through another version, with 4xx and no change', async () => {
      const { song, v } = await version();
      const take = ((await (await send('POST', `/api/versions/${v.id}/takes`, { take: TAKE })).json()) as { id: string }).id;
      for (const name of ['', '   ', 'x'.repeat(101)]) {
        const res = await send('PATCH', `/api/versions/${v.id}/takes/${take}`, { name });
        expect(res.status, JSON.stringify(name)).toBe(400);
        expect(((await res.json()) as { error: { field?: string } }).error.field).toBe('name');
      }
      expect((await send('PATCH', `/api/versions/${v.id}/takes/${take}`, {})).status).toBe(400);
      const other = await createVersion(t.db, { songId: song.id, params: { tempo: 80 } });
      expect((await send('PATCH', `/api/versions/${other.id}/takes/${take}`, { name: 'mine' })).status).toBe(404);
      expect((await send('DELETE', `/api/versions/${other.id}/takes/${take}`)).status).toBe(404);
      expect((await send('DELETE', `/api/versions/nope/takes/${take}`)).status).toBe(404);
      expect((await send('PATCH', `/api/versions/${v.id}/takes/nope`, { name: 'x' })).status).toBe(404);
      const list = (await (await send('GET', `/api/versions/${v.id}/takes`)).json()) as { takes: { name: string }[] };
      expect(list.takes.map((x) => x.name)).toEqual(['Take 1']);
    });

    it('deletes a song with its takes', async () => {
      const { song, v } = await version();
      await send('POST', `/api/versions/${v.id}/takes`, { take: TAKE });
      expect((await send('DELETE', `/api/songs/${song.id}`)).status).toBe(204);
      expect((await send('GET', `/api/versions/${v.id}/takes`)).status).toBe(404);
    });
  });
}
