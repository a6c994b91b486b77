/**
 * Revisions sent at once to one song are made one after another, each on the version the one
 * before it made (never five children of one stale parent); a revision whose parent is no longer
 * the newest (another instance got there first) is refused with a clear 409, storing nothing.
 */
import { describe, expect, it } from 'vitest';
import { createVersion, getVersion, listVersions } from '../../server/journal/index.ts';
import { ServiceError } from '../../server/errors.ts';
import { backends } from '../support/db.ts';
import { ANSWERS, makeApp, newSong, post, say } from './helpers.ts';

const REQUESTS = ['slower please', 'fewer drums in the verse', 'make it brighter', 'no bass in the intro', 'a bit faster'];

for (const b of backends) {
  describe.skipIf(b.skip)(`revisions at once on one song (${b.name})`, () => {
    const t = b.open();

    it('builds each of five concurrent revisions on the newest version', async () => {
      const app = makeApp(t.db);
      const id = await newSong(app);
      for (const text of [...ANSWERS, 'yes']) {
        if ((await say(app, id, text)).version) break;
      }
      const before = await listVersions(t.db, id);
      expect(before).toHaveLength(1);
      const results = await Promise.all(REQUESTS.map((text) => post(app, `/api/songs/${id}/turns`, { text })));
      for (const r of results) expect(r.status, await r.clone().text()).toBe(200);
      const versions = await listVersions(t.db, id);
      // Every new version's parent is the version just before it: a chain, not a fan.
      for (let i = 1; i < versions.length; i++) expect(versions[i]!.parentId).toBe(versions[i - 1]!.id);
      expect(versions.length).toBeGreaterThan(2);
    });

    it('refuses a revision whose parent is no longer the newest with a 409 that says to ask again', async () => {
      const app = makeApp(t.db);
      const id = await newSong(app);
      for (const text of [...ANSWERS, 'yes']) {
        if ((await say(app, id, text)).version) break;
      }
      const [first] = await listVersions(t.db, id);
      const params = (await getVersion(t.db, first!.id)).params;
      await createVersion(t.db, { songId: id, params: { ...params, tempo: params.tempo + 10 }, parentId: first!.id, ifLatest: true });
      const stale = createVersion(t.db, { songId: id, params: { ...params, tempo: params.tempo - 10 }, parentId: first!.id, ifLatest: true });
      await expect(stale).rejects.toBeInstanceOf(ServiceError);
      await expect(stale).rejects.toMatchObject({ code: 'CONFLICT', message: expect.stringMatching(/newer version.*ask again/) });
      expect(await listVersions(t.db, id)).toHaveLength(2);
    });
  });
}
