/**
 * Web security of every response: secure headers and a strict CSP (that still lets Tone.js run its
 * worklets from blob: URLs and fetch the local samples), body size limits, the rate limit on the
 * LLM-backed turn routes, and HttpOnly + SameSite session cookies.
 */
import type { AddressInfo } from 'node:net';
import { serve, type ServerType } from '@hono/node-server';
import { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../server/app.ts';
import { loadConfig } from '../../server/config.ts';
import { turnRateLimit } from '../../server/http/security.ts';
import { groupApp, inviteFor } from '../../server/auth/testing.ts';
import { createLogger } from '../../server/log.ts';
import { sharedPglite } from '../support/db.ts';
import { startFakeLlm, type FakeLlm } from '../support/fake-llm.ts';
import { makeApp, newSong, post } from '../turns/helpers.ts';

const t = sharedPglite();

/** "script-src 'self' blob:" → { 'script-src': ["'self'", 'blob:'] } */
function directives(csp: string): Record<string, string[]> {
  return Object.fromEntries(csp.split(';').map((d) => d.trim().split(/\s+/)).map(([name, ...values]) => [name!, values]));
}

describe('secure headers', () => {
  it.each(['/', '/api/health', '/api/songs/nope', '/samples/piano/C4v10.mp3'])('are on %s', async (path) => {
    const res = await makeApp(t.db).request(path);
    const csp = directives(res.headers.get('content-security-policy') ?? '');
    expect(csp['default-src']).toEqual(["'self'"]);
    // No inline or eval'd script, ever; blob: only for Tone.js worklets and its clock worker;
    // 'wasm-unsafe-eval' only lets WebAssembly compile (the soundfont synth's Vorbis decoder).
    expect(csp['script-src']).toEqual(["'self'", 'blob:', "'wasm-unsafe-eval'"]);
    expect(csp['worker-src']).toEqual(["'self'", 'blob:']);
    expect(csp['connect-src']).toEqual(["'self'"]);
    expect(csp['object-src']).toEqual(["'none'"]);
    expect(csp['frame-ancestors']).toEqual(["'none'"]);
    expect(csp['base-uri']).toEqual(["'self'"]);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('x-frame-options')).toBe('DENY');
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    expect(res.headers.get('cross-origin-opener-policy')).toBe('same-origin');
    expect(res.headers.get('x-powered-by')).toBeNull();
  });
});

describe('body size limits', () => {
  it('answers 413 PAYLOAD_TOO_LARGE past 1 MiB of JSON and past 20 MiB of zip', async () => {
    const app = makeApp(t.db);
    const big = await post(app, '/api/songs', { title: 'x'.repeat(1024 * 1024) });
    expect(big.status).toBe(413);
    const zip = await app.request('/api/import', { method: 'POST', headers: { 'content-type': 'application/zip' }, body: new Uint8Array(21 * 1024 * 1024) });
    expect(zip.status).toBe(413);
    expect(((await zip.json()) as { error: { code: string } }).error.code).toBe('PAYLOAD_TOO_LARGE');
  });
});

describe('rate limit on the LLM-backed turn routes', () => {
  it('lets a burst through, then answers 429 with Retry-After, and refills with time', async () => {
    let clock = 0;
    const app = new Hono()
      .use('*', turnRateLimit({ llm: { mode: 'offline', reason: 'not configured' } }, { limit: { burst: 3, perMinute: 6 }, key: () => 'me', now: () => clock }))
      .post('/api/songs/:id/turns', (c) => c.json({ ok: true }))
      .post('/api/songs', (c) => c.json({ ok: true }));
    const turn = () => app.request('/api/songs/s1/turns', { method: 'POST' });
    expect([(await turn()).status, (await turn()).status, (await turn()).status]).toEqual([200, 200, 200]);
    const limited = await turn();
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('10');
    expect(((await limited.json()) as { error: { code: string } }).error.code).toBe('RATE_LIMITED');
    // Other routes are not limited.
    expect((await app.request('/api/songs', { method: 'POST' })).status).toBe(200);
    clock += 10_000; // one token back (6 a minute)
    expect((await turn()).status).toBe(200);
    expect((await turn()).status).toBe(429);
  });

  describe('over real HTTP with a language model configured', () => {
    let llm: FakeLlm;
    let server: ServerType;
    let base = '';
    beforeAll(async () => {
      llm = await startFakeLlm();
      const config = loadConfig({ OPENAI_BASE_URL: llm.url, OPENAI_API_KEY: 'test', OPENAI_MODEL: 'fake-model', INNERCHORD_LOG: 'silent' });
      const app = createApp({ db: t.db, config, log: createLogger('silent') });
      server = await new Promise((resolve) => {
        const s = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 }, () => resolve(s));
      });
      base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    });
    afterAll(async () => {
      await new Promise((resolve) => server?.close(resolve));
      await llm?.close();
    });

    it('limits one address to 20 quick turns; offline apps are not limited', async () => {
      // All at once, each in its own song. The bucket refills one turn every 3 s, so on a slow machine
      // a turn or two more may pass while the requests arrive: allow exactly what the clock refilled.
      const ids: string[] = [];
      for (let i = 0; i < 25; i++) {
        const created = await fetch(`${base}/api/songs`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
        ids.push(((await created.json()) as { id: string }).id);
      }
      const started = Date.now();
      const statuses = await Promise.all(
        ids.map(async (id, i) => {
          const res = await fetch(`${base}/api/songs/${id}/turns`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ text: `line ${i}` }) });
          await res.arrayBuffer();
          return res.status;
        }),
      );
      const refilled = Math.floor((Date.now() - started) / 3000);
      const ok = statuses.filter((s) => s === 200).length;
      expect(statuses.filter((s) => s !== 200 && s !== 429)).toEqual([]);
      expect(ok).toBeGreaterThanOrEqual(20);
      expect(ok).toBeLessThanOrEqual(20 + refilled);
      expect(statuses).toContain(429);
      // The offline app (no model to pay for) has no limit.
      const offline = makeApp(t.db);
      const song = await newSong(offline);
      for (let i = 0; i < 25; i++) expect((await post(offline, `/api/songs/${song}/turns`, { text: `line ${i}` })).status).toBe(200);
    }, 60_000);
  });
});

describe('cookies (group mode)', () => {
  it('sets the session cookie HttpOnly + SameSite=Lax and the CSRF echo SameSite=Strict', async () => {
    const app = groupApp(t.db);
    const res = await app.request('http://localhost/api/auth/signup', {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: 'http://localhost' },
      body: JSON.stringify({ username: 'ana', password: 'a long enough password 123', invite: await inviteFor(app) }),
    });
    expect(res.status).toBe(201);
    const cookies = res.headers.getSetCookie();
    const session = cookies.find((c) => c.startsWith('innerchord_session='))!;
    const csrf = cookies.find((c) => c.startsWith('innerchord_csrf='))!;
    expect(session).toMatch(/; HttpOnly/);
    expect(session).toMatch(/; SameSite=Lax/);
    expect(csrf).toMatch(/; SameSite=Strict/);
  });
});
