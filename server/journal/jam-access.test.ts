/** Renaming and deleting jam takes, and capturing a jam moment, in group mode: only the song's owner
 *  may; a facilitator it is shared with gets 403, anyone else 404, and nothing changes. */
import { beforeEach, describe, expect, it } from 'vitest';
import { sharedPglite } from '../../test/support/db.ts';
import { browser, groupApp, truncateAccounts, type Browser } from '../auth/testing.ts';

const t = sharedPglite();
const TAKE = { ticksPerBar: 1920, length: 1920, points: [{ tick: 0, valence: 0.2, arousal: -0.1 }] };
let ana: Browser;
let fac: Browser;
let ben: Browser;
let path: string;
let capture: string;
let songPath: string;

beforeEach(async () => {
  await truncateAccounts(t.db);
  const app = groupApp(t.db);
  fac = await browser(app, 'fac');
  ana = await browser(app, 'ana');
  ben = await browser(app, 'ben');
  const song = (await (await ana.request('/api/songs', { method: 'POST', json: { title: 'For my sister' } })).json()) as { id: string };
  const v = (await (await ana.request(`/api/songs/${song.id}/versions`, { method: 'POST', json: { params: {}, seed: 2 } })).json()) as { id: string };
  const take = (await (await ana.request(`/api/versions/${v.id}/takes`, { method: 'POST', json: { take: TAKE } })).json()) as { id: string };
  expect((await ana.request(`/api/songs/${song.id}/shares/${fac.id}`, { method: 'PUT' })).status).toBe(204);
  path = `/api/versions/${v.id}/takes/${take.id}`;
  capture = `/api/versions/${v.id}/capture`;
  songPath = `/api/songs/${song.id}/versions`;
});

const names = async () => {
  const list = (await (await ana.request(path.replace(/\/[^/]+$/, ''))).json()) as { takes: { name: string }[] };
  return list.takes.map((x) => x.name);
};

describe('jam takes in group mode', () => {
  it('refuses a facilitator (403) and a stranger (404) renaming or deleting, and keeps the take', async () => {
    expect((await fac.request(path, { method: 'PATCH', json: { name: 'mine' } })).status).toBe(403);
    expect((await fac.request(path, { method: 'DELETE' })).status).toBe(403);
    expect((await ben.request(path, { method: 'PATCH', json: { name: 'mine' } })).status).toBe(404);
    expect((await ben.request(path, { method: 'DELETE' })).status).toBe(404);
    // Without the CSRF token even the owner is refused.
    expect((await ana.request(path, { method: 'DELETE', csrf: false })).status).toBe(403);
    expect(await names()).toEqual(['Take 1']);
  });

  it('lets only the owner capture a jam moment as a version', async () => {
    const point = { valence: 0.3, arousal: 0.2 };
    expect((await fac.request(capture, { method: 'POST', json: point })).status).toBe(403);
    expect((await ben.request(capture, { method: 'POST', json: point })).status).toBe(404);
    expect((await ana.request(capture, { method: 'POST', json: point })).status).toBe(201);
    const list = (await (await ana.request(songPath)).json()) as { versions: { request: string }[] };
    expect(list.versions.map((v) => v.request)).toEqual(['', 'jam capture (valence 0.3, arousal 0.2)']);
  });

  it('lets the owner rename and delete', async () => {
    expect((await ana.request(path, { method: 'PATCH', json: { name: 'the lift' } })).status).toBe(200);
    expect(await names()).toEqual(['the lift']);
    expect((await ana.request(path, { method: 'DELETE' })).status).toBe(204);
    expect(await names()).toEqual([]);
  });
});
