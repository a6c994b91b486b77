/** Per-account quotas in group mode: songs, turns per hour, storage — clear 403/429, others unaffected. */
import { beforeEach, describe, expect, it } from 'vitest';
import { sharedPglite } from '../../test/support/db.ts';
import { storageUsed } from './quotas.ts';
import { browser, groupApp, truncateAccounts } from './testing.ts';

const t = sharedPglite();
beforeEach(() => truncateAccounts(t.db));

const errorOf = async (res: Response) => ((await res.json()) as { error: { code: string; message: string } }).error;

describe('quotas (group mode)', () => {
  it('refuses a song past the song quota with 403 QUOTA_EXCEEDED, and only for that account', async () => {
    const app = groupApp(t.db, { INNERCHORD_QUOTA_SONGS: '3' });
    await browser(app, 'fac');
    const ana = await browser(app, 'ana');
    const ben = await browser(app, 'ben');
    const statuses = [];
    for (let i = 0; i < 5; i++) statuses.push((await ana.request('/api/songs', { method: 'POST', json: { title: `s${i}` } })).status);
    expect(statuses).toEqual([201, 201, 201, 403, 403]);
    const res = await ana.request('/api/songs', { method: 'POST', json: { title: 'one more' } });
    const error = await errorOf(res);
    expect(error.code).toBe('QUOTA_EXCEEDED');
    expect(error.message).toMatch(/3 songs/);
    expect((await ana.request('/api/import', { method: 'POST', headers: { 'content-type': 'application/zip' }, body: new Uint8Array(10) })).status).toBe(403);
    expect((await ben.request('/api/songs', { method: 'POST', json: { title: 'mine' } })).status).toBe(201);
    // Deleting makes room again.
    const list = (await (await ana.request('/api/songs')).json()) as { songs: { id: string }[] };
    expect((await ana.request(`/api/songs/${list.songs[0]!.id}`, { method: 'DELETE' })).status).toBe(204);
    expect((await ana.request('/api/songs', { method: 'POST', json: { title: 'room again' } })).status).toBe(201);
  }, 60_000);

  it('answers 429 with Retry-After past the turns-per-hour quota', async () => {
    const app = groupApp(t.db, { INNERCHORD_QUOTA_TURNS_PER_HOUR: '2' });
    await browser(app, 'fac');
    const ana = await browser(app, 'ana');
    const { id } = (await (await ana.request('/api/songs', { method: 'POST', json: { title: 'talk' } })).json()) as { id: string };
    for (const text of ['about the sea', 'calm and wide']) expect((await ana.request(`/api/songs/${id}/turns`, { method: 'POST', json: { text } })).status).toBe(200);
    const res = await ana.request(`/api/songs/${id}/turns`, { method: 'POST', json: { text: 'one more' } });
    expect(res.status).toBe(429);
    expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(3000);
    expect((await errorOf(res)).message).toMatch(/2 turns in the last hour/);
  }, 60_000);

  it('refuses writes once the account stores more than its storage quota', async () => {
    const app = groupApp(t.db, { INNERCHORD_QUOTA_STORAGE_MB: '0.2' });
    await browser(app, 'fac');
    const ana = await browser(app, 'ana');
    const { id } = (await (await ana.request('/api/songs', { method: 'POST', json: { title: 'notes' } })).json()) as { id: string };
    let status = 201;
    let n = 0;
    // Notes of 40,000 varied characters (so compression cannot shrink them away) until refused.
    while (status === 201 && n < 40) {
      const text = Array.from({ length: 4000 }, (_, i) => ((i * 7919 + n * 104729) % 99991).toString(36).padStart(10, 'x')).join('').slice(0, 40_000);
      status = (await ana.request(`/api/songs/${id}/notes`, { method: 'POST', json: { text } })).status;
      n++;
    }
    expect(status).toBe(403);
    expect(n).toBeGreaterThan(2);
    expect(await storageUsed(t.db, ana.id)).toBeGreaterThanOrEqual(0.2 * 1024 * 1024);
    const error = await errorOf(await ana.request('/api/songs', { method: 'POST', json: { title: 'more' } }));
    expect(error).toMatchObject({ code: 'QUOTA_EXCEEDED' });
    expect(error.message).toMatch(/of the 0.2 MB/);
    // Reading is never refused.
    expect((await ana.request(`/api/songs/${id}`)).status).toBe(200);
  }, 60_000);
});
