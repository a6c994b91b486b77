/**
 * Property-based fuzzing of every operation in /api/openapi.json: hostile path parameters, query
 * strings and bodies (wrong types, huge strings, deep JSON, unicode, HTML, SQL-ish text) through
 * app.request(), in personal mode and again in group mode behind a facilitator's session. The
 * properties: never a 5xx, and every API error is the documented JSON body.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../../db/client.ts';
import { createApp } from '../../server/app.ts';
import { loadConfig } from '../../server/config.ts';
import { createLogger } from '../../server/log.ts';
import { browser, groupApp, type Browser } from '../../server/auth/testing.ts';
import { hostileBody, hostileString } from './hostile.ts';

/** Runs per operation: ~30 operations × RUNS requests keep the file well under a minute. */
const RUNS = Number(process.env.FUZZ_RUNS ?? 25);

interface Operation {
  method: string;
  path: string;
  params: { in: string; name: string }[];
  hasBody: boolean;
}

let db: Database;
let app: ReturnType<typeof createApp>;
let operations: Operation[] = [];
const real = { songId: '', versionId: '' };

beforeAll(async () => {
  db = await openDatabase();
  app = createApp({ db, config: loadConfig({ INNERCHORD_OFFLINE: '1', INNERCHORD_LOG: 'silent' }), log: createLogger('silent') });
  const doc = (await (await app.request('/api/openapi.json')).json()) as { paths: Record<string, Record<string, { parameters?: { in: string; name: string }[]; requestBody?: unknown }>> };
  operations = Object.entries(doc.paths).flatMap(([path, ops]) =>
    Object.entries(ops).map(([method, op]) => ({ method: method.toUpperCase(), path, params: op.parameters ?? [], hasBody: Boolean(op.requestBody) })),
  );
  // A real song and version, so some runs get past "not found" into the handlers' own checks.
  const song = (await (await app.request('/api/songs', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"title":"Fuzz"}' })).json()) as { id: string };
  real.songId = song.id;
  const turn = await app.request(`/api/songs/${song.id}/turns`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"text":"just make something sad in D minor"}' });
  real.versionId = ((await turn.json()) as { version: { id: string } }).version.id;
});
afterAll(() => db?.close());

/** A path parameter: the real id (so the body is checked), a random uuid, or hostile text. */
const pathValue = (name: string) =>
  fc.oneof(
    { weight: 3, arbitrary: fc.constant(name === 'vid' ? 'VERSION' : name === 'id' ? 'SONG' : 'uid') },
    { weight: 1, arbitrary: fc.uuid() },
    { weight: 2, arbitrary: hostileString.map((s) => s.slice(0, 2000)) },
  );

const request = (op: Operation) =>
  fc.record({
    path: fc.tuple(...op.params.filter((p) => p.in === 'path').map((p) => pathValue(p.name).map((v) => [p.name, v] as const))),
    query: fc.dictionary(fc.constantFrom(...op.params.filter((p) => p.in === 'query').map((p) => p.name), 'x'), hostileString.map((s) => s.slice(0, 5000)), { maxKeys: 3 }),
    body: hostileBody,
  });

/** Percent-encode like a client would; a lone surrogate goes out as the invalid UTF-8 bytes a hostile client could send. */
function encodeHostile(value: string): string {
  try {
    return encodeURIComponent(value);
  } catch {
    return encodeURIComponent(value.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD')) + '%ED%A0%80';
  }
}

function url(op: Operation, path: readonly (readonly [string, string])[], query: Record<string, string>): string {
  let u = op.path;
  for (const [name, value] of path) {
    const v = value === 'SONG' ? real.songId : value === 'VERSION' ? real.versionId : value;
    u = u.replace(`{${name}}`, encodeHostile(v));
  }
  const qs = new URLSearchParams(query).toString();
  return qs ? `${u}?${qs}` : u;
}

/** Run the hostile-request property over `ops` through `send`; one line per operation that broke it. */
async function fuzzAll(ops: Operation[], send: (target: string, init: RequestInit) => Response | Promise<Response>, seen: string[] = []): Promise<string[]> {
  const failures: string[] = [];
  for (const op of ops) {
    await fc.assert(
      fc.asyncProperty(request(op), async ({ path, query, body }) => {
        const target = url(op, path, query);
        const init: RequestInit = { method: op.method, headers: body.contentType ? { 'content-type': body.contentType } : {} };
        if (op.method !== 'GET' && op.method !== 'HEAD') init.body = body.raw;
        const res = await send(target, init);
        seen.push(`${res.status} ${op.method} ${op.path}`);
        const text = await res.text();
        if (res.status >= 500) throw new Error(`${op.method} ${target.slice(0, 120)} → ${res.status} ${text.slice(0, 200)} (body ${body.raw.slice(0, 80)})`);
        if (res.status >= 400 && target.startsWith('/api/')) {
          const json = JSON.parse(text) as { error?: { code?: unknown; message?: unknown } };
          expect(typeof json.error?.code).toBe('string');
          expect(typeof json.error?.message).toBe('string');
        }
        return true;
      }),
      { numRuns: RUNS, seed: Number(process.env.FUZZ_SEED ?? 12_345) },
    ).catch((error: unknown) => failures.push(String(error).split('\n').slice(0, 6).join(' ').slice(0, 1500)));
  }
  return failures;
}

describe('fuzzing every OpenAPI operation with hostile input', () => {
  it('found the operations to fuzz', () => {
    expect(operations.length).toBeGreaterThan(15);
  });

  it('never answers 5xx, and every API error is { error: { code, message } }', async () => {
    expect(await fuzzAll(operations, (target, init) => app.request(target, init))).toEqual([]);
  }, 60_000 + RUNS * 2_000);

  it('rejects a deeply nested JSON body with 400, not a stack overflow', async () => {
    for (const depth of [10_000, 200_000]) {
      const res = await app.request(`/api/songs/${real.songId}/versions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: `{"params":${'['.repeat(depth)}${']'.repeat(depth)}}` });
      expect(res.status).toBeLessThan(500);
    }
  });

  it('answers 413 for a JSON body over 1 MiB', async () => {
    const res = await app.request('/api/songs', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ title: 'x'.repeat(1_100_000) }) });
    expect(res.status).toBe(413);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('PAYLOAD_TOO_LARGE');
  });
});

/**
 * Group mode puts accounts, sharing, templates and check-ins behind a session: personal-mode fuzzing
 * stops at their 404, so fuzz them again signed in as a facilitator (cookies and CSRF token sent).
 * Logging out or erasing the account would end the session mid-run, so those two are left to the
 * personal-mode pass and to the auth tests.
 */
describe('fuzzing every OpenAPI operation in group mode, signed in as a facilitator', () => {
  let groupDb: Database;
  let facilitator: Browser;
  beforeAll(async () => {
    groupDb = await openDatabase();
    facilitator = await browser(groupApp(groupDb), 'fuzz-facilitator');
  });
  afterAll(() => groupDb?.close());

  it('never answers 5xx, and every API error is { error: { code, message } }', async () => {
    const ops = operations.filter((op) => !(op.path === '/api/auth/logout' || (op.method === 'DELETE' && op.path === '/api/account')));
    expect(ops.some((op) => op.path.startsWith('/api/templates'))).toBe(true);
    // Real ids of this database, so runs reach the handlers behind the session check.
    const song = (await (await facilitator.request('/api/songs', { method: 'POST', json: { title: 'Fuzz' } })).json()) as { id: string };
    const turn = await facilitator.request(`/api/songs/${song.id}/turns`, { method: 'POST', json: { text: 'just make something sad in D minor' } });
    const saved = { ...real };
    Object.assign(real, { songId: song.id, versionId: ((await turn.json()) as { version: { id: string } }).version.id });
    try {
      const seen: string[] = [];
      expect(await fuzzAll(ops, (target, init) => facilitator.request(target, init), seen)).toEqual([]);
      // The runs went through the session, not around it: no 401 but a wrong login's, and the
      // group-only routes answered from their handlers (2xx or a validation 400), not a blanket 404.
      expect(seen.filter((line) => line.startsWith('401 ') && !line.endsWith('/api/auth/login'))).toEqual([]);
      for (const route of ['/api/templates', '/api/users', '/api/safety/alerts']) {
        expect(seen.some((line) => /^(2\d\d|400) /.test(line) && line.includes(route)), route).toBe(true);
      }
      expect((await facilitator.request('/api/songs')).status).toBe(200);
    } finally {
      Object.assign(real, saved);
    }
  }, 60_000 + RUNS * 2_000);
});

/**
 * Malformed percent-escapes in every path parameter of every route, in group mode (where the
 * ownership check reads the id out of the raw path before the route does): never a 5xx.
 */
describe('malformed escapes in path parameters (group mode)', () => {
  const ESCAPES = ['%zz', '%', '%%', '%E0%A4%A', '%25zz', '%C0%AF', '%ED%A0%80', 'a%2', '%2F..%2F', '%00', '%FF%FE'];
  let groupDb: Database;
  let facilitator: Browser;
  beforeAll(async () => {
    groupDb = await openDatabase();
    facilitator = await browser(groupApp(groupDb), 'escape-facilitator');
  });
  afterAll(() => groupDb?.close());

  it('answers 4xx with the error body for every route and every escape', async () => {
    const ops = operations.filter((op) => op.params.some((p) => p.in === 'path') && !(op.method === 'DELETE' && op.path === '/api/account'));
    expect(ops.length).toBeGreaterThan(20);
    const bad: string[] = [];
    let probes = 0;
    for (const op of ops) {
      for (const escape of ESCAPES) {
        const target = op.path.replace(/\{[^}]+\}/g, escape);
        const init: RequestInit & { json?: unknown } = { method: op.method };
        if (op.hasBody) init.json = {};
        const res = await facilitator.request(target, init);
        probes++;
        if (res.status < 400 || res.status >= 500) bad.push(`${res.status} ${op.method} ${target}`);
        else expect(((await res.json()) as { error: { code: string } }).error.code, target).toMatch(/^[A-Z_]+$/);
      }
    }
    expect(probes).toBe(ops.length * ESCAPES.length);
    expect(bad).toEqual([]);
  }, 120_000);
});
