/**
 * Dependency faults. The language model times out, rate-limits, fails, sends broken JSON, cuts its
 * stream or sends garbage in it: the musician's message stays and the reply falls back and says
 * why. PostgreSQL goes away mid-run (a TCP proxy is cut): requests answer 503 DB_UNAVAILABLE with a
 * clear message, and service resumes when it comes back.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../../db/client.ts';
import { listMessages } from '../../server/journal/index.ts';
import { freshPostgresDatabase, POSTGRES_URL, sharedPglite } from '../support/db.ts';
import { startFakeLlm, type FakeLlm, type Scripted } from '../support/fake-llm.ts';
import { makeApp, newSong, post, sseEvents } from '../turns/helpers.ts';
import type { TurnResult } from '../../server/turns/shapes.ts';
import { startTcpProxy, type TcpProxy } from './tcp-proxy.ts';

const t = sharedPglite();

/** An "LLM" that answers 200 with garbage: a stream of non-JSON events, or a non-JSON body. */
async function startGarbageLlm(): Promise<{ url: string; close: () => Promise<void> }> {
  const server: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (d: Buffer) => (body += d.toString()));
    req.on('end', () => {
      if ((JSON.parse(body) as { stream?: boolean }).stream) {
        res.writeHead(200, { 'content-type': 'text/event-stream' });
        res.end('data: {"id":"x","choices":[{"delta":{"content":"Hel\n\ndata: {not json at all\n\ndata: [DONE]\n\n');
      } else {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end('<html>502 Bad Gateway</html>');
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

describe('language-model faults: the message stays, the reply falls back and says so', () => {
  let llm: FakeLlm;
  beforeAll(async () => {
    llm = await startFakeLlm();
  });
  afterAll(() => llm.close());
  beforeEach(() => llm.reset());

  const faults: [string, Scripted[], string][] = [
    ['a timeout', [{ kind: 'hang' }], 'timeout'],
    ['a 429', [{ kind: 'status', status: 429 }], 'rate limited'],
    ['a 503', [{ kind: 'status', status: 503 }], 'server error'],
    ['a cut stream', [{ kind: 'cut', text: 'You sa' }], 'cut stream'],
    ['malformed JSON for the sketch (twice)', [{ kind: 'text', text: '{"key": "D", "mode":' }, { kind: 'text', text: 'sure! here you go' }], 'invalid output'],
    ['a dropped connection for the sketch', [{ kind: 'cut' }], 'network error'],
  ];

  it.each(faults)('on %s, JSON and SSE', async (_name, script, reason) => {
    // Every model call of a turn shares one deadline: only the timeout case may use a short one,
    // or a busy machine turns a 429 or a bad answer into a timeout before it arrives.
    const app = makeApp(t.db, llm.url, reason === 'timeout' ? 400 : 30_000);
    const sketch = reason === 'invalid output' || reason === 'network error';
    const text = sketch ? 'just make something sad in D minor' : 'the house is quiet now';
    for (const stream of [false, true]) {
      const id = await newSong(app);
      llm.script(...script);
      const res = await post(app, `/api/songs/${id}/turns`, { text }, stream ? { accept: 'text/event-stream' } : {});
      expect(res.status).toBe(200);
      const result = stream ? (sseEvents(await res.text()).at(-1)!.data as TurnResult) : ((await res.json()) as TurnResult);
      expect(result.fallback).toContain(`(${reason})`);
      expect(result.reply.meta.provider).toBe('offline');
      if (sketch) expect(result.version).not.toBeNull();
      const stored = await listMessages(t.db, id);
      expect(stored.map((m) => [m.role, m.text.length > 0])).toEqual([
        ['user', true],
        ['assistant', true],
      ]);
      expect(stored[0]!.text).toBe(text);
    }
  });

  it('on a 200 stream of garbage or a non-JSON body, still answers and keeps the message', async () => {
    const garbage = await startGarbageLlm();
    try {
      const app = makeApp(t.db, garbage.url, 2000);
      for (const text of ['the house is quiet now', 'just make something sad in D minor']) {
        const id = await newSong(app);
        const res = await post(app, `/api/songs/${id}/turns`, { text });
        expect(res.status).toBe(200);
        const result = (await res.json()) as TurnResult;
        expect(result.fallback).toMatch(/^The language model didn't answer \(.+\), so the offline guide answered this turn\.$/);
        expect((await listMessages(t.db, id)).map((m) => m.role)).toEqual(['user', 'assistant']);
      }
    } finally {
      await garbage.close();
    }
  });

  it('when the model server is not there at all (connection refused)', async () => {
    const app = makeApp(t.db, 'http://127.0.0.1:9/v1', 1000);
    const id = await newSong(app);
    const result = (await (await post(app, `/api/songs/${id}/turns`, { text: 'the house is quiet now' })).json()) as TurnResult;
    expect(result.fallback).toContain('(network error)');
    expect((await listMessages(t.db, id)).map((m) => m.role)).toEqual(['user', 'assistant']);
  });
});

describe.skipIf(!POSTGRES_URL)('PostgreSQL stopped mid-run (through a TCP proxy)', () => {
  let proxy: TcpProxy;
  let db: Database;
  let drop: () => Promise<void>;
  beforeAll(async () => {
    const fresh = await freshPostgresDatabase();
    drop = fresh.drop;
    const target = new URL(fresh.url);
    proxy = await startTcpProxy({ host: target.hostname, port: Number(target.port || 5432) });
    const viaProxy = new URL(fresh.url);
    viaProxy.hostname = '127.0.0.1';
    viaProxy.port = String(proxy.port);
    db = await openDatabase({ url: viaProxy.toString() });
  });
  afterAll(async () => {
    // close() waits for every pooled client: a client leaked by a failed transaction hangs it.
    await db?.close();
    await proxy?.close();
    await drop?.();
  });

  it('answers 503 DB_UNAVAILABLE while it is down and recovers when it returns', async () => {
    const app = makeApp(db);
    const before = await newSong(app);
    proxy.cut();
    for (const [method, path, body] of [
      ['GET', '/api/songs', undefined],
      ['POST', '/api/songs', { title: 'while down' }],
      ['GET', `/api/songs/${before}`, undefined],
      ['POST', `/api/songs/${before}/turns`, { text: 'the house is quiet now' }],
    ] as const) {
      const res = await app.request(path, { method, headers: { 'content-type': 'application/json' }, body: body ? JSON.stringify(body) : undefined });
      expect(res.status, `${method} ${path}`).toBe(503);
      expect(await res.json()).toEqual({ error: { code: 'DB_UNAVAILABLE', message: expect.stringMatching(/database cannot be reached/) } });
    }
    // Liveness stays up (the process is fine); readiness tells a load balancer the journal is not.
    expect((await app.request('/api/health')).status).toBe(200);
    const ready = await app.request('/api/health/ready');
    expect(ready.status).toBe(503);
    expect(((await ready.json()) as { error: { code: string } }).error.code).toBe('DB_UNAVAILABLE');
    proxy.restore();
    expect((await app.request('/api/health/ready')).status).toBe(200);
    // The pool reconnects on the next query: no restart needed.
    const list = await app.request('/api/songs');
    expect(list.status).toBe(200);
    expect(((await list.json()) as { songs: { id: string }[] }).songs.map((s) => s.id)).toContain(before);
    const turn = await post(app, `/api/songs/${before}/turns`, { text: 'the house is quiet now' });
    expect(turn.status).toBe(200);
  });

  it('cuts in the middle of bursts of writes: each write succeeds or answers 503, never 500, and no pooled connection leaks', async () => {
    const app = makeApp(db);
    const statuses: number[] = [];
    // Three outages of 60 concurrent writes each: far more failed transactions than the pool (10) holds.
    for (let round = 0; round < 3; round++) {
      await Promise.all(
        Array.from({ length: 60 }, async (_, i) => {
          if (i === 20) proxy.cut();
          statuses.push((await post(app, '/api/songs', { title: `burst ${round}.${i}` })).status);
        }),
      );
      proxy.restore();
    }
    expect(statuses.filter((s) => s !== 201 && s !== 503)).toEqual([]);
    expect(statuses).toContain(503);
    // With leaked clients these would wait for a free connection and time out.
    for (let i = 0; i < 15; i++) expect((await post(app, '/api/songs', { title: `after ${i}` })).status).toBe(201);
  });
});
