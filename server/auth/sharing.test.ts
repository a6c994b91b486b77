/** Sharing: a facilitator reads a participant's song only while it is shared, read-only, and loses it at once on unsharing. */
import { beforeEach, describe, expect, it } from 'vitest';
import { sharedPglite } from '../../test/support/db.ts';
import { browser, groupApp, truncateAccounts, type Browser, type GroupApp } from './testing.ts';

const t = sharedPglite();
let app: GroupApp;
let fac: Browser;
let other: Browser;
let ana: Browser;
let song: { id: string; vid: string };

beforeEach(async () => {
  await truncateAccounts(t.db);
  app = groupApp(t.db);
  fac = await browser(app, 'fac');
  ana = await browser(app, 'ana');
  other = await browser(app, 'ben');
  // ben becomes a second facilitator, who is never shared with.
  expect((await fac.request(`/api/users/${other.id}`, { method: 'PATCH', json: { role: 'facilitator' } })).status).toBe(200);
  const created = (await (await ana.request('/api/songs', { method: 'POST', json: { title: 'For my sister' } })).json()) as { id: string };
  const version = await ana.request(`/api/songs/${created.id}/versions`, { method: 'POST', json: { params: { key: 'C', mode: 'major', tempo: 90, meter: '3/4' }, seed: 9 } });
  song = { id: created.id, vid: ((await version.json()) as { id: string }).id };
});

const READS = (s: { id: string; vid: string }) => [
  `/api/songs/${s.id}`,
  `/api/songs/${s.id}/messages`,
  `/api/songs/${s.id}/versions`,
  `/api/songs/${s.id}/export`,
  `/api/versions/${s.vid}`,
  `/api/versions/${s.vid}/midi`,
  // Notation exports carry the song just as much as the MIDI does.
  `/api/versions/${s.vid}/musicxml`,
  `/api/versions/${s.vid}/chordpro`,
  `/api/versions/${s.vid}/takes`,
];

async function statuses(b: Browser, paths: string[]): Promise<number[]> {
  return Promise.all(paths.map(async (p) => (await b.request(p)).status));
}

describe('sharing a song', () => {
  it('shows nothing to a facilitator before the participant shares', async () => {
    expect(await statuses(fac, READS(song))).toEqual(READS(song).map(() => 404));
    expect(((await (await fac.request('/api/shared')).json()) as { songs: unknown[] }).songs).toEqual([]);
  });

  it('lets the facilitator read everything of a shared song, and only that facilitator', async () => {
    expect((await ana.request(`/api/songs/${song.id}/shares/${fac.id}`, { method: 'PUT' })).status).toBe(204);
    expect(await statuses(fac, READS(song))).toEqual(READS(song).map(() => 200));
    expect(await statuses(other, READS(song))).toEqual(READS(song).map(() => 404));
    const shared = (await (await fac.request('/api/shared')).json()) as { songs: { song: { id: string; title: string }; owner: string }[] };
    expect(shared.songs.map((s) => [s.song.title, s.owner])).toEqual([['For my sister', 'ana']]);
    const shares = (await (await ana.request(`/api/songs/${song.id}/shares`)).json()) as { shares: { username: string }[] };
    expect(shares.shares.map((s) => s.username)).toEqual(['fac']);
    // A shared song is not the facilitator's own: it stays out of their journal list.
    expect(((await (await fac.request('/api/songs')).json()) as { songs: unknown[] }).songs).toEqual([]);
  });

  it('answers 403 to every write a facilitator tries on a shared song', async () => {
    await ana.request(`/api/songs/${song.id}/shares/${fac.id}`, { method: 'PUT' });
    const writes: [string, string, unknown][] = [
      ['PATCH', `/api/songs/${song.id}`, { title: 'Mine now' }],
      ['DELETE', `/api/songs/${song.id}`, undefined],
      ['POST', `/api/songs/${song.id}/turns`, { text: 'make it faster' }],
      ['POST', `/api/songs/${song.id}/notes`, { text: 'nice' }],
      ['PUT', `/api/songs/${song.id}/intention`, { text: 'x', confirmed: true }],
      ['POST', `/api/songs/${song.id}/versions`, { params: { key: 'C', mode: 'major', tempo: 90, meter: '4/4' } }],
      ['PATCH', `/api/versions/${song.vid}`, { rating: 2 }],
      ['POST', `/api/versions/${song.vid}/revert`, undefined],
      ['POST', `/api/versions/${song.vid}/takes`, { take: { ticksPerBar: 1920, length: 0, points: [{ tick: 0, valence: 0, arousal: 0 }] } }],
      ['PUT', `/api/songs/${song.id}/shares/${other.id}`, undefined],
      ['DELETE', `/api/songs/${song.id}/shares/${fac.id}`, undefined],
    ];
    for (const [method, path, json] of writes) expect((await fac.request(path, { method, json })).status, `${method} ${path}`).toBe(403);
    const detail = (await (await ana.request(`/api/songs/${song.id}`)).json()) as { song: { title: string }; notes: unknown[] };
    expect([detail.song.title, detail.notes.length]).toEqual(['For my sister', 0]);
  });

  it('answers 404 to reverting a version of a song that is not yours, and makes nothing', async () => {
    for (const b of [fac, other]) expect((await b.request(`/api/versions/${song.vid}/revert`, { method: 'POST' })).status).toBe(404);
    expect((await ana.request(`/api/versions/${song.vid}/revert`, { method: 'POST' })).status).toBe(201);
    const list = (await (await ana.request(`/api/songs/${song.id}/versions`)).json()) as { versions: { number: number }[] };
    expect(list.versions.map((v) => v.number)).toEqual([1, 2]);
  });

  it('removes access at once when the participant stops sharing', async () => {
    await ana.request(`/api/songs/${song.id}/shares/${fac.id}`, { method: 'PUT' });
    expect((await fac.request(`/api/songs/${song.id}`)).status).toBe(200);
    expect((await ana.request(`/api/songs/${song.id}/shares/${fac.id}`, { method: 'DELETE' })).status).toBe(204);
    expect(await statuses(fac, READS(song))).toEqual(READS(song).map(() => 404));
    expect(((await (await fac.request('/api/shared')).json()) as { songs: unknown[] }).songs).toEqual([]);
  });

  it('shares with facilitators only', async () => {
    const cleo = await browser(app, 'cleo');
    const res = await ana.request(`/api/songs/${song.id}/shares/${cleo.id}`, { method: 'PUT' });
    expect(res.status).toBe(400);
    expect(await statuses(cleo, READS(song))).toEqual(READS(song).map(() => 404));
  });

  it('lists the facilitators a participant can share with', async () => {
    const list = (await (await ana.request('/api/facilitators')).json()) as { facilitators: { username: string }[] };
    expect(list.facilitators.map((f) => f.username)).toEqual(['ben', 'fac']);
  });
});
