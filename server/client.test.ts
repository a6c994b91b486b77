/** The web app's view of the API: Hono's typed client over AppType, talking to app.request (no network). */
import { hc } from 'hono/client';
import { describe, expect, it } from 'vitest';
import { sharedPglite } from '../test/support/db.ts';
import { createApp, type AppType } from './app.ts';
import { loadConfig } from './config.ts';
import { createLogger } from './log.ts';

describe('typed client (hc<AppType>)', () => {
  const t = sharedPglite();
  const client = () => {
    // A host name other than localhost must be on the allow-list (server/http/origin.ts).
    const app = createApp({ db: t.db, config: loadConfig({ INNERCHORD_LOG: 'silent', INNERCHORD_ALLOWED_HOSTS: 'innerchord.test' }), log: createLogger('silent') });
    return hc<AppType>('http://innerchord.test', { fetch: (input: RequestInfo | URL, init?: RequestInit) => app.request(input, init) });
  };

  it('creates, lists, versions and rates a song with typed calls', async () => {
    const api = client();
    const created = await api.api.songs.$post({ json: { title: 'Typed' } });
    // Error bodies are part of each response's type: narrowing on the status picks the success body.
    if (created.status !== 201) throw new Error(`create failed: ${created.status}`);
    const song = await created.json();
    const listed = await api.api.songs.$get({ query: { limit: '10' } });
    if (listed.status !== 200) throw new Error('list failed');
    expect((await listed.json()).songs.map((s) => s.title)).toEqual(['Typed']);
    const made = await api.api.songs[':id'].versions.$post({ param: { id: song.id }, json: { params: { tempo: 70 }, seed: 2 } });
    if (made.status !== 201) throw new Error('version failed');
    const version = await made.json();
    expect(version.tempo).toBe(70);
    const rated = await api.api.versions[':vid'].$patch({ param: { vid: version.id }, json: { rating: 1 } });
    if (rated.status !== 200) throw new Error('rate failed');
    expect((await rated.json()).rating).toBe(1);
    const detail = await api.api.songs[':id'].$get({ param: { id: song.id } });
    expect(detail.status).toBe(200);
    if (detail.status === 200) expect((await detail.json()).versions).toHaveLength(1);
    expect((await api.api.health.$get()).ok).toBe(true);
  });
});
