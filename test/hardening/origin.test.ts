/**
 * Personal mode bound to its own origin (issue #20 item 2) and the response headers of item 8:
 * a foreign Host gets 421 (DNS rebinding), a cross-site write gets 403, HSTS only over TLS,
 * no-store on the private API, 415 with its own code, and Connection: close after an early 413.
 */
import { request as httpRequest } from 'node:http';
import { connect } from 'node:net';
import type { AddressInfo } from 'node:net';
import { serve, type ServerType } from '@hono/node-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../server/app.ts';
import { loadConfig } from '../../server/config.ts';
import { allowedHosts, hostName } from '../../server/http/origin.ts';
import { createLogger } from '../../server/log.ts';
import { sharedPglite } from '../support/db.ts';

const t = sharedPglite();
const appWith = (env: Record<string, string> = {}) => createApp({ db: t.db, config: loadConfig({ INNERCHORD_OFFLINE: '1', INNERCHORD_LOG: 'silent', ...env }), log: createLogger('silent') });
const json = (body: unknown, headers: Record<string, string> = {}) => ({ method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });

describe('host names', () => {
  it('strips ports and brackets IPv6 the way a Host header carries them', () => {
    expect(hostName('Example.org:8787')).toBe('example.org');
    expect(hostName('[::1]:80')).toBe('[::1]');
    expect(hostName('::1')).toBe('[::1]');
    expect(hostName('localhost')).toBe('localhost');
  });

  it('allows loopback, HOST when it names one, and INNERCHORD_ALLOWED_HOSTS', () => {
    expect([...allowedHosts({ host: '0.0.0.0', allowedHosts: [] })].sort()).toEqual(['127.0.0.1', '[::1]', 'localhost']);
    expect(allowedHosts({ host: '192.168.1.20', allowedHosts: ['studio.local:8787'] })).toEqual(new Set(['localhost', '127.0.0.1', '[::1]', '192.168.1.20', 'studio.local']));
  });
});

describe('personal mode answers only to its own names (DNS rebinding)', () => {
  it.each(['http://attacker.example/api/songs', 'http://attacker.example:8787/api/health', 'http://localhost.attacker.example/', 'http://10.0.0.5/api/songs'])('%s → 421', async (url) => {
    const res = await appWith().request(url);
    expect(res.status).toBe(421);
    if (url.includes('/api/')) expect(((await res.json()) as { error: { code: string } }).error.code).toBe('MISDIRECTED_REQUEST');
  });

  it.each(['http://localhost/api/songs', 'http://127.0.0.1:8787/api/songs', 'http://[::1]:9000/api/songs'])('%s → 200', async (url) => {
    expect((await appWith().request(url)).status).toBe(200);
  });

  it('answers to the names in INNERCHORD_ALLOWED_HOSTS and to HOST', async () => {
    const room = appWith({ HOST: '192.168.1.20', INNERCHORD_ALLOWED_HOSTS: 'studio.local, music.example' });
    for (const url of ['http://studio.local:8787/api/songs', 'http://music.example/api/songs', 'http://192.168.1.20:8787/api/songs']) expect((await room.request(url)).status, url).toBe(200);
    expect((await room.request('http://attacker.example/api/songs')).status).toBe(421);
  });

  it('checks the real Host header on a real socket', async () => {
    const server = serve({ fetch: appWith().fetch, hostname: '127.0.0.1', port: 0 });
    await new Promise<void>((resolve) => server.once('listening', resolve));
    const { port } = server.address() as AddressInfo;
    const get = (host: string) =>
      new Promise<{ status: number; body: string }>((resolve, reject) => {
        const req = httpRequest({ host: '127.0.0.1', port, path: '/api/songs', headers: { host } }, (res) => {
          let body = '';
          res.on('data', (d: Buffer) => (body += d.toString()));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
        });
        req.on('error', reject);
        req.end();
      });
    try {
      const foreign = await get('attacker.example');
      expect(foreign.status).toBe(421);
      expect(foreign.body).not.toContain('"songs"');
      expect((await get(`127.0.0.1:${port}`)).status).toBe(200);
      expect((await get(`localhost:${port}`)).status).toBe(200);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it('group mode leaves the Host to the operator unless INNERCHORD_ALLOWED_HOSTS is set', async () => {
    expect((await appWith({ INNERCHORD_MODE: 'group' }).request('http://music.example.org/api/health')).status).toBe(200);
    expect((await appWith({ INNERCHORD_MODE: 'group', INNERCHORD_ALLOWED_HOSTS: 'music.example.org' }).request('http://other.example/api/health')).status).toBe(421);
  });
});

describe('personal mode refuses cross-site writes', () => {
  const HOSTILE: Record<string, Record<string, string>> = {
    'Origin + Sec-Fetch-Site': { origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' },
    'Sec-Fetch-Site only': { 'sec-fetch-site': 'cross-site' },
    'same-site (another port on localhost)': { origin: 'http://localhost:3000', 'sec-fetch-site': 'same-site' },
    'Origin only': { origin: 'https://evil.example' },
    'Origin null (sandboxed frame)': { origin: 'null' },
  };
  it.each(Object.keys(HOSTILE))('%s → 403 and nothing stored', async (name) => {
    const app = appWith();
    const before = ((await (await app.request('/api/songs')).json()) as { songs: unknown[] }).songs.length;
    const res = await app.request('http://localhost/api/songs', json({ title: 'Planted' }, HOSTILE[name]));
    expect(res.status).toBe(403);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('FORBIDDEN');
    const imp = await app.request('http://localhost/api/import', { method: 'POST', headers: { 'content-type': 'application/zip', ...HOSTILE[name] }, body: new Uint8Array(8) });
    expect(imp.status).toBe(403);
    expect(((await (await app.request('/api/songs')).json()) as { songs: unknown[] }).songs.length).toBe(before);
  });

  it('lets the page itself, and tools that are not browsers, write', async () => {
    const app = appWith();
    expect((await app.request('http://localhost:8787/api/songs', json({ title: 'Mine' }, { origin: 'http://localhost:8787', 'sec-fetch-site': 'same-origin' }))).status).toBe(201);
    expect((await app.request('http://localhost/api/songs', json({ title: 'From curl' }))).status).toBe(201);
    expect((await app.request('http://localhost/api/songs', json({ title: 'Typed URL' }, { 'sec-fetch-site': 'none' }))).status).toBe(201);
  });

  it('still lets another site link to a page (a GET is not a write)', async () => {
    expect((await appWith().request('http://localhost/api/songs', { headers: { 'sec-fetch-site': 'cross-site' } })).status).toBe(200);
  });
});

describe('headers', () => {
  it('sends HSTS only when the request came over TLS', async () => {
    const app = appWith();
    expect((await app.request('http://localhost/api/health')).headers.get('strict-transport-security')).toBeNull();
    expect((await app.request('https://localhost/api/health')).headers.get('strict-transport-security')).toMatch(/max-age=\d+/);
    expect((await app.request('http://localhost/api/health', { headers: { 'x-forwarded-proto': 'https' } })).headers.get('strict-transport-security')).toMatch(/max-age=/);
  });

  it('marks private API responses no-store, errors included', async () => {
    const app = appWith();
    for (const path of ['/api/songs', '/api/songs/nope', '/api/account/export']) expect((await app.request(path)).headers.get('cache-control'), path).toBe('no-store');
  });

  it('answers an unsupported body type 415 UNSUPPORTED_MEDIA_TYPE', async () => {
    const res = await appWith().request('/api/songs', { method: 'POST', headers: { 'content-type': 'text/plain' }, body: 'x' });
    expect(res.status).toBe(415);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('UNSUPPORTED_MEDIA_TYPE');
  });
});

describe('an early 413 on a keep-alive socket', () => {
  let server: ServerType;
  let port = 0;
  beforeAll(async () => {
    server = serve({ fetch: appWith().fetch, hostname: '127.0.0.1', port: 0 });
    await new Promise<void>((resolve) => server.once('listening', resolve));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(() => new Promise((resolve) => server.close(resolve)));

  it('says Connection: close instead of dropping the socket silently', async () => {
    const socket = connect(port, '127.0.0.1');
    let raw = '';
    socket.on('data', (d) => (raw += d.toString()));
    const closed = new Promise<void>((resolve) => socket.on('close', () => resolve()));
    socket.on('error', () => {});
    await new Promise<void>((resolve) => socket.once('connect', resolve));
    // Announce 2 MiB but send only the head: the limit answers before reading the body.
    socket.write(`POST /api/songs HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nConnection: keep-alive\r\nContent-Type: application/json\r\nContent-Length: ${2 * 1024 * 1024}\r\n\r\n{"title":"`);
    await closed;
    expect(raw).toMatch(/^HTTP\/1\.1 413/);
    expect(raw.toLowerCase()).toContain('connection: close');
    expect(raw).toContain('PAYLOAD_TOO_LARGE');
  });
});
