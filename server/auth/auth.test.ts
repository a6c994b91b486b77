/** Group mode: accounts, sessions, CSRF, login rate limiting, roles, and authorisation on every endpoint. */
import { beforeEach, describe, expect, it } from 'vitest';
import { sharedPglite } from '../../test/support/db.ts';
import { createApp } from '../app.ts';
import { loadConfig } from '../config.ts';
import { createLogger } from '../log.ts';
import { LOGIN_MAX_FAILURES } from './rate-limit.ts';
import { browser, groupApp, inviteFor, truncateAccounts, type Browser, type GroupApp } from './testing.ts';

const t = sharedPglite();
let app: GroupApp;
beforeEach(async () => {
  await truncateAccounts(t.db);
  app = groupApp(t.db);
});

const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
  app.request(path, { method: 'POST', headers: { 'content-type': 'application/json', origin: 'http://localhost', ...headers }, body: JSON.stringify(body) });

/** Every operation in the OpenAPI document, with path parameters filled in. */
async function operations(fill: Record<string, string>): Promise<{ method: string; path: string; template: string }[]> {
  const doc = (await (await app.request('/api/openapi.json')).json()) as { paths: Record<string, Record<string, unknown>> };
  return Object.entries(doc.paths).flatMap(([template, ops]) =>
    Object.keys(ops).map((method) => ({ method: method.toUpperCase(), template, path: template.replace(/\{(\w+)\}/g, (_, name: string) => fill[name] ?? 'x') })),
  );
}

/** A song with one version, owned by `b`. */
async function songWithVersion(b: Browser): Promise<{ id: string; vid: string }> {
  const song = (await (await b.request('/api/songs', { method: 'POST', json: { title: `${b.username}'s song` } })).json()) as { id: string };
  const res = await b.request(`/api/songs/${song.id}/versions`, { method: 'POST', json: { params: { key: 'D', mode: 'minor', tempo: 70, meter: '4/4' }, seed: 3 } });
  expect(res.status).toBe(201);
  return { id: song.id, vid: ((await res.json()) as { id: string }).id };
}

describe('accounts', () => {
  it('makes the first account the facilitator and later ones participants', async () => {
    const first = await browser(app, 'ana');
    const second = await browser(app, 'ben');
    expect([first.role, second.role]).toEqual(['facilitator', 'participant']);
  });

  it('refuses a taken username (409) and a short password (400)', async () => {
    await browser(app, 'ana');
    const invite = await inviteFor(app);
    expect((await post('/api/auth/signup', { username: 'ANA', password: 'another long one', invite })).status).toBe(409);
    const short = await post('/api/auth/signup', { username: 'cleo', password: 'short', invite });
    expect(short.status).toBe(400);
    expect(((await short.json()) as { error: { field: string } }).error.field).toBe('password');
  });

  it('sets an HttpOnly SameSite=Lax session cookie and never stores the raw token', async () => {
    const res = await post('/api/auth/signup', { username: 'ana', password: 'a long enough password', invite: await inviteFor(app) });
    const session = res.headers.getSetCookie().find((c) => c.startsWith('innerchord_session='))!;
    expect(session).toMatch(/HttpOnly/);
    expect(session).toMatch(/SameSite=Lax/);
    const token = /innerchord_session=([^;]+)/.exec(session)![1]!;
    const stored = await t.db.orm.query.sessions.findMany();
    expect(stored.map((s) => s.id)).not.toContain(token);
  });

  it('logs in with the right password, not the wrong one, and logout ends the session', async () => {
    await browser(app, 'ana', 'correct horse battery');
    expect((await post('/api/auth/login', { username: 'ana', password: 'wrong horse battery' })).status).toBe(401);
    const b = await browser(app, 'ana', 'correct horse battery', true);
    expect((await b.request('/api/songs')).status).toBe(200);
    expect((await b.request('/api/auth/logout', { method: 'POST' })).status).toBe(204);
    expect((await b.request('/api/songs')).status).toBe(401);
  });

  it('lets a facilitator promote a participant, and not a participant', async () => {
    const fac = await browser(app, 'ana');
    const ben = await browser(app, 'ben');
    expect((await ben.request(`/api/users/${fac.id}`, { method: 'PATCH', json: { role: 'participant' } })).status).toBe(403);
    const res = await fac.request(`/api/users/${ben.id}`, { method: 'PATCH', json: { role: 'facilitator' } });
    expect(((await res.json()) as { role: string }).role).toBe('facilitator');
  });
});

describe('login rate limiting', () => {
  it(`answers 429 after ${LOGIN_MAX_FAILURES} failures, even with the right password, across app instances`, async () => {
    await browser(app, 'ana', 'correct horse battery');
    for (let i = 0; i < LOGIN_MAX_FAILURES; i++) expect((await post('/api/auth/login', { username: 'ana', password: `wrong guess ${i}` })).status).toBe(401);
    expect((await post('/api/auth/login', { username: 'ana', password: 'correct horse battery' })).status).toBe(429);
    // The counter lives in the database: a second server over the same journal refuses too.
    const other = groupApp(t.db);
    const res = await other.request('/api/auth/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'ana', password: 'correct horse battery' }) });
    expect(res.status).toBe(429);
    // Other accounts are not locked out.
    await browser(app, 'ben', 'another long password');
    expect((await post('/api/auth/login', { username: 'ben', password: 'another long password' })).status).toBe(200);
  });
});

describe('CSRF', () => {
  it('refuses writes without the token, with a wrong one, or from another origin', async () => {
    const b = await browser(app, 'ana');
    expect((await b.request('/api/songs', { method: 'POST', json: {}, csrf: false })).status).toBe(403);
    expect((await b.request('/api/songs', { method: 'POST', json: {}, csrf: false, headers: { 'x-csrf-token': 'forged' } })).status).toBe(403);
    expect((await b.request('/api/songs', { method: 'POST', json: {}, headers: { origin: 'https://evil.example' } })).status).toBe(403);
    expect((await b.request('/api/songs', { method: 'POST', json: {}, headers: { 'sec-fetch-site': 'cross-site' } })).status).toBe(403);
    expect((await b.request('/api/songs', { method: 'POST', json: {} })).status).toBe(201);
  });

  it('refuses a cross-site login (login CSRF)', async () => {
    await browser(app, 'ana', 'correct horse battery');
    expect((await post('/api/auth/login', { username: 'ana', password: 'correct horse battery' }, { origin: 'https://evil.example' })).status).toBe(403);
  });

  it('does not accept the token of another session', async () => {
    const ana = await browser(app, 'ana');
    const ben = await browser(app, 'ben');
    ana.csrfToken = ben.csrfToken;
    expect((await ana.request('/api/songs', { method: 'POST', json: {} })).status).toBe(403);
  });
});

describe('authorisation on every endpoint', () => {
  const PUBLIC = new Set(['GET /api/health', 'GET /api/health/ready', 'GET /api/openapi.json', 'GET /api/privacy', 'GET /api/auth/me', 'POST /api/auth/login', 'POST /api/auth/signup']);

  it('answers 401 JSON to every non-public endpoint without a session', async () => {
    const ops = await operations({});
    expect(ops.length).toBeGreaterThan(20);
    for (const op of ops) {
      const res = await app.request(op.path, { method: op.method, headers: { 'content-type': 'application/json', origin: 'http://localhost' }, body: op.method === 'GET' ? undefined : '{}' });
      if (PUBLIC.has(`${op.method} ${op.template}`)) expect(res.status, `${op.method} ${op.template}`).not.toBe(401);
      else {
        expect(res.status, `${op.method} ${op.template}`).toBe(401);
        expect(((await res.json()) as { error: { code: string } }).error.code).toBe('UNAUTHORIZED');
      }
    }
  });

  it("answers 404 to every song and version endpoint given another user's ids", async () => {
    await browser(app, 'fac');
    const ana = await browser(app, 'ana');
    const ben = await browser(app, 'ben');
    const theirs = await songWithVersion(ana);
    const ops = (await operations({ ...theirs, uid: ben.id })).filter((op) => /^\/api\/(songs\/\{id\}|versions\/\{vid\})/.test(op.template));
    expect(ops.length).toBeGreaterThan(12);
    for (const op of ops) {
      const res = await ben.request(op.path, { method: op.method, json: op.method === 'GET' ? undefined : {} });
      expect(res.status, `${op.method} ${op.template}`).toBe(404);
    }
    // …and the owner still has everything.
    expect((await ana.request(`/api/songs/${theirs.id}`)).status).toBe(200);
    expect((await ana.request(`/api/versions/${theirs.vid}/midi`)).status).toBe(200);
  });

  it('lists only your own songs', async () => {
    const ana = await browser(app, 'ana');
    const ben = await browser(app, 'ben');
    await songWithVersion(ana);
    const mine = await songWithVersion(ben);
    const list = (await (await ben.request('/api/songs')).json()) as { songs: { id: string }[] };
    expect(list.songs.map((s) => s.id)).toEqual([mine.id]);
  });

  it('answers 403 to the wrong role', async () => {
    const fac = await browser(app, 'fac');
    const ana = await browser(app, 'ana');
    expect((await ana.request('/api/users')).status).toBe(403);
    expect((await ana.request('/api/shared')).status).toBe(403);
    expect((await ana.request(`/api/users/${fac.id}`, { method: 'PATCH', json: { role: 'participant' } })).status).toBe(403);
    expect((await fac.request('/api/users')).status).toBe(200);
  });
});

describe('personal mode', () => {
  it('has no accounts and needs no session', async () => {
    const personal = createApp({ db: t.db, config: loadConfig({ INNERCHORD_LOG: 'silent' }), log: createLogger('silent') });
    expect(await (await personal.request('/api/auth/me')).json()).toEqual({ mode: 'personal', user: null, csrfToken: null });
    expect((await personal.request('/api/songs', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' })).status).toBe(201);
    const login = await personal.request('/api/auth/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'ana', password: 'a long enough password' }) });
    expect(login.status).toBe(404);
  });
});
