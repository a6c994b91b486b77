/** The HTTP contract of docs/API.md through app.request() — no network — on a real journal. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { backends, rowCounts } from '../test/support/db.ts';
import { createApp } from './app.ts';
import { loadConfig } from './config.ts';
import { createLogger } from './log.ts';

const quiet = { config: loadConfig({ INNERCHORD_LOG: 'silent' }), log: createLogger('silent') };
const send = (body: unknown, method = 'POST') => ({ method, body: JSON.stringify(body), headers: { 'content-type': 'application/json' } });

for (const backend of backends) {
  describe.skipIf(backend.skip)(`HTTP API on ${backend.name}`, () => {
    const t = backend.open();
    const app = () => createApp({ db: t.db, ...quiet });

    it('answers health with the journal kind and the guide label', async () => {
      const res = await app().request('/api/health');
      expect(res.status).toBe(200);
      expect(await res.json()).toMatchObject({ ok: true, db: t.db.kind, guide: { mode: 'offline', provider: 'offline (on this computer)' }, engineVersion: expect.any(String) });
    });

    it('creates, reads, renames, archives and deletes a song', async () => {
      const a = app();
      const created = await a.request('/api/songs', send({}));
      expect(created.status).toBe(201);
      const song = (await created.json()) as { id: string; title: string };
      expect(song.title).toBe('Untitled song');
      const detail = await (await a.request(`/api/songs/${song.id}`)).json();
      expect(detail).toMatchObject({ song: { id: song.id }, intention: null, messages: [], versions: [], notes: [] });
      const renamed = await a.request(`/api/songs/${song.id}`, send({ title: 'For Ana', archived: true }, 'PATCH'));
      expect(await renamed.json()).toMatchObject({ title: 'For Ana', archived: true });
      expect((await (await a.request('/api/songs?archived=true')).json()).songs).toHaveLength(1);
      expect((await (await a.request('/api/songs')).json()).songs).toHaveLength(0);
      expect((await a.request(`/api/songs/${song.id}`, { method: 'DELETE' })).status).toBe(204);
      expect((await a.request(`/api/songs/${song.id}`)).status).toBe(404);
    });

    it('also creates a song from a POST with no body', async () => {
      expect((await app().request('/api/songs', { method: 'POST' })).status).toBe(201);
    });

    it('stores the intention and notes, and lists messages', async () => {
      const a = app();
      const song = (await (await a.request('/api/songs', send({ title: 'x' }))).json()) as { id: string };
      const intention = await a.request(`/api/songs/${song.id}/intention`, send({ text: 'A song for my sister', confirmed: true }, 'PUT'));
      expect(intention.status).toBe(200);
      expect(await intention.json()).toMatchObject({ text: 'A song for my sister', confirmed: true });
      const note = await a.request(`/api/songs/${song.id}/notes`, send({ text: 'try it on guitar' }));
      expect(note.status).toBe(201);
      expect(await note.json()).toMatchObject({ text: 'try it on guitar', versionId: null });
      expect(await (await a.request(`/api/songs/${song.id}/messages`)).json()).toEqual({ messages: [] });
      const list = await (await a.request('/api/songs')).json();
      expect(list.songs[0]).toMatchObject({ id: song.id, intention: 'A song for my sister', versionCount: 0 });
    });

    it('pages through songs with nextCursor', async () => {
      const a = app();
      for (let i = 0; i < 5; i++) await a.request('/api/songs', send({ title: `s${i}` }));
      // Songs made within one millisecond tie on updatedAt and are ordered by id: compare with the full list.
      const all = (await (await a.request('/api/songs?limit=100')).json()).songs.map((s: { title: string }) => s.title);
      expect(new Set(all)).toEqual(new Set(['s0', 's1', 's2', 's3', 's4']));
      const paged: string[] = [];
      let url = '/api/songs?limit=2';
      for (let pages = 1; ; pages++) {
        const page = await (await a.request(url)).json();
        expect(page.songs.length).toBeLessThanOrEqual(2);
        paged.push(...page.songs.map((s: { title: string }) => s.title));
        if (!page.nextCursor) break;
        expect(pages).toBeLessThan(3);
        url = `/api/songs?limit=2&cursor=${page.nextCursor}`;
      }
      expect(paged).toEqual(all);
      const found = await (await a.request('/api/songs?q=S3')).json();
      expect(found.songs.map((s: { title: string }) => s.title)).toEqual(['s3']);
    });

    it('answers 404 with the error shape for unknown ids and routes', async () => {
      const a = app();
      for (const url of ['/api/songs/nope', '/api/songs/nope/messages', '/api/songs/nope/versions', '/api/versions/nope', '/api/versions/nope/midi', '/api/songs/nope/export', '/api/nothing-here']) {
        const res = await a.request(url);
        expect(res.status, url).toBe(404);
        expect((await res.json()).error.code, url).toBe('NOT_FOUND');
      }
      expect((await a.request('/api/songs/nope', send({ title: 'x' }, 'PATCH'))).status).toBe(404);
      expect((await a.request('/api/songs/nope', { method: 'DELETE' })).status).toBe(404);
      expect((await a.request('/api/songs/nope/intention', send({ text: 'x', confirmed: false }, 'PUT'))).status).toBe(404);
      const revert = await a.request('/api/versions/nope/revert', { method: 'POST' });
      expect([revert.status, (await revert.json()).error.code]).toEqual([404, 'NOT_FOUND']);
    });

    it('reverts to a version over HTTP: 201 with the copy, numbered next', async () => {
      const a = app();
      const song = (await (await a.request('/api/songs', send({}))).json()) as { id: string };
      const v1 = (await (await a.request(`/api/songs/${song.id}/versions`, send({ params: { tempo: 80 }, seed: 4 }))).json()) as { id: string; sketch: unknown };
      await a.request(`/api/songs/${song.id}/versions`, send({ params: { tempo: 120 } }));
      const res = await a.request(`/api/versions/${v1.id}/revert`, { method: 'POST' });
      expect(res.status).toBe(201);
      const back = await res.json();
      expect(back).toMatchObject({ number: 3, parentId: v1.id, songId: song.id, request: 'revert to v1', seed: 4, tempo: 80 });
      expect(back.sketch).toEqual(v1.sketch);
    });

    it('answers 400 naming the field at fault', async () => {
      const a = app();
      const song = (await (await a.request('/api/songs', send({}))).json()) as { id: string };
      const cases: [string, RequestInit, string][] = [
        ['/api/songs', send({ title: 42 }), 'title'],
        ['/api/songs?limit=500', {}, 'limit'],
        ['/api/songs?archived=maybe', {}, 'archived'],
        [`/api/songs/${song.id}`, send({ archived: 'yes' }, 'PATCH'), 'archived'],
        [`/api/songs/${song.id}/intention`, send({ text: '' , confirmed: true }, 'PUT'), 'text'],
        [`/api/songs/${song.id}/notes`, send({ text: 'x', versionId: 'not-a-version' }), 'versionId'],
        [`/api/songs/${song.id}/versions`, send({ params: { sections: [{ name: 'verse', bars: 0 }] } }), 'params.sections.0.bars'],
        [`/api/songs/${song.id}/versions`, send({ params: { tempo: 10 } }), 'params.tempo'],
      ];
      for (const [url, init, field] of cases) {
        const res = await a.request(url, init);
        expect(res.status, url).toBe(400);
        const body = await res.json();
        expect(body.error, url).toMatchObject({ code: 'INVALID_INPUT', field });
        expect(body.error.message, url).toContain(field);
      }
      const malformed = await a.request('/api/songs', { method: 'POST', body: '{nope', headers: { 'content-type': 'application/json' } });
      expect(malformed.status).toBe(400);
      expect((await malformed.json()).error.code).toBe('INVALID_INPUT');
    });

    it('refuses bodies over the limits with 413 and writes nothing', async () => {
      const a = app();
      const big = JSON.stringify({ title: 'x'.repeat(1024 * 1024 + 10) });
      const res = await a.request('/api/songs', { method: 'POST', body: big, headers: { 'content-type': 'application/json' } });
      expect(res.status).toBe(413);
      expect((await res.json()).error.code).toBe('PAYLOAD_TOO_LARGE');
      const zip = await a.request('/api/import', { method: 'POST', body: new Uint8Array(20 * 1024 * 1024 + 1), headers: { 'content-type': 'application/zip' } });
      expect(zip.status).toBe(413);
      expect((await rowCounts(t.db)).songs).toBe(0);
    });
  });
}

describe('HTTP app without a database round trip', () => {
  const fakeDb = { kind: 'pglite', orm: null, close: async () => {} } as never;

  it('hides the stack of unexpected errors and logs it instead', async () => {
    const lines: string[] = [];
    const app = createApp({ db: fakeDb, config: loadConfig({}), log: createLogger('info', (l) => lines.push(l)) });
    app.get('/api/boom', () => {
      throw new Error('secret internals at line 42');
    });
    const res = await app.request('/api/boom');
    expect(res.status).toBe(500);
    const text = await res.text();
    expect(JSON.parse(text).error.code).toBe('INTERNAL');
    expect(text).not.toContain('secret');
    expect(lines.some((l) => l.includes('secret internals'))).toBe(true);
  });

  it('logs one structured line per request, and none when silent', async () => {
    const lines: string[] = [];
    await createApp({ db: fakeDb, config: loadConfig({}), log: createLogger('info', (l) => lines.push(l)) }).request('/api/health');
    expect(JSON.parse(lines[0]!)).toMatchObject({ msg: 'request', method: 'GET', path: '/api/health', status: 200, ms: expect.any(Number) });
    const silent: string[] = [];
    await createApp({ db: fakeDb, config: loadConfig({ INNERCHORD_LOG: 'silent' }), log: createLogger('info', (l) => silent.push(l)) }).request('/api/health');
    expect(silent).toEqual([]);
  });

  it('describes the API at /api/openapi.json', async () => {
    const res = await createApp({ db: fakeDb, ...quiet }).request('/api/openapi.json');
    const doc = await res.json();
    expect(doc.openapi).toBe('3.1.0');
    for (const p of ['/api/songs', '/api/songs/{id}', '/api/songs/{id}/versions', '/api/versions/{vid}', '/api/versions/{vid}/midi', '/api/versions/{vid}/revert', '/api/versions/{vid}/takes', '/api/songs/{id}/export', '/api/import', '/api/health']) {
      expect(Object.keys(doc.paths), p).toContain(p);
    }
  });

  it('serves the built web app with a fallback to index.html for client routes', async () => {
    const dist = mkdtempSync(path.join(tmpdir(), 'innerchord-web-'));
    writeFileSync(path.join(dist, 'index.html'), '<!doctype html><title>app shell</title>');
    writeFileSync(path.join(dist, 'app.js'), 'console.log(1)');
    const app = createApp({ db: fakeDb, ...quiet }, { webDist: dist });
    expect(await (await app.request('/')).text()).toContain('app shell');
    expect(await (await app.request('/songs/123')).text()).toContain('app shell');
    const js = await app.request('/app.js');
    expect(js.headers.get('content-type')).toContain('javascript');
    expect((await app.request('/missing.js')).status).toBe(404);
    expect((await app.request('/api/unknown')).status).toBe(404);
  });

  it('says how to build the web app when web/dist is missing', async () => {
    const app = createApp({ db: fakeDb, ...quiet }, { webDist: path.join(tmpdir(), 'innerchord-no-such-dist') });
    const res = await app.request('/');
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('npm run build');
  });
});
