/**
 * INNERCHORD_OFFLINE=1 means no outbound request, even with an API key and base URL configured.
 * The whole app runs over real HTTP on loopback while a tripwire refuses and records every
 * non-loopback connection, fetch, http(s) request or DNS lookup; the test asserts it recorded
 * nothing, and proves the tripwire works by catching deliberate attempts (and the same
 * conversation without the offline flag). Also: the built page references no third-party origin.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve, type ServerType } from '@hono/node-server';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../../db/client.ts';
import { createApp } from '../../server/app.ts';
import { loadConfig } from '../../server/config.ts';
import { createLogger } from '../../server/log.ts';
import type { TurnResult } from '../../server/turns/shapes.ts';
import { ANSWERS } from '../turns/helpers.ts';
import { installEgressGuard, type EgressGuard } from './egress-guard.ts';

/** Looks real, points far away: if anything used it, the guard would see it. */
const REMOTE_LLM = { OPENAI_API_KEY: 'sk-not-a-real-key', OPENAI_BASE_URL: 'https://api.openai.com/v1', OPENAI_MODEL: 'gpt-4o-mini' };

let db: Database;
let guard: EgressGuard;
const servers: ServerType[] = [];

async function serveApp(env: Record<string, string>): Promise<string> {
  const app = createApp({ db, config: loadConfig({ INNERCHORD_LOG: 'silent', ...env }), log: createLogger('silent') });
  const server: ServerType = await new Promise((resolve) => {
    const s = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s));
  });
  servers.push(server);
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

async function call(base: string, method: string, route: string, body?: unknown, accept = 'application/json'): Promise<Response> {
  return fetch(base + route, { method, headers: { 'content-type': 'application/json', accept }, body: body === undefined ? undefined : JSON.stringify(body) });
}

/** Talk a new song all the way to a first sketch and a revision; returns the versions made. */
async function conversationToSketch(base: string): Promise<number> {
  const song = (await (await call(base, 'POST', '/api/songs', { title: 'Offline' })).json()) as { id: string };
  let versions = 0;
  for (const text of [...ANSWERS, 'yes', 'slower']) {
    const res = await call(base, 'POST', `/api/songs/${song.id}/turns`, { text });
    expect(res.status, text).toBe(200);
    if (((await res.json()) as TurnResult).version) versions++;
  }
  // The streaming path too, and the downloads.
  const streamed = await call(base, 'POST', `/api/songs/${song.id}/turns`, { text: 'add a bridge' }, 'text/event-stream');
  expect(await streamed.text()).toContain('event: done');
  const detail = (await (await call(base, 'GET', `/api/songs/${song.id}`)).json()) as { versions: { id: string }[] };
  expect((await call(base, 'GET', `/api/versions/${detail.versions[0]!.id}/midi`)).status).toBe(200);
  expect((await call(base, 'GET', `/api/songs/${song.id}/export`)).status).toBe(200);
  expect((await call(base, 'GET', '/api/privacy')).status).toBe(200);
  return versions;
}

beforeAll(async () => {
  guard = installEgressGuard();
  db = await openDatabase();
});
afterEach(() => {
  guard.attempts.length = 0;
});
afterAll(async () => {
  for (const s of servers) await new Promise<void>((resolve) => s.close(() => resolve()));
  await db?.close();
  guard?.uninstall();
});

describe('INNERCHORD_OFFLINE=1', () => {
  it('runs a whole conversation to a sketch without one outbound connection attempt', async () => {
    const base = await serveApp({ INNERCHORD_OFFLINE: '1', ...REMOTE_LLM });
    expect(((await (await call(base, 'GET', '/api/health')).json()) as { guide: { mode: string } }).guide.mode).toBe('offline');
    expect(await conversationToSketch(base)).toBeGreaterThanOrEqual(2);
    expect(guard.attempts).toEqual([]);
  });

  it('is guarded by a tripwire that really catches outbound attempts', async () => {
    await expect(fetch('https://example.com/')).rejects.toThrow(/no-egress guard/);
    expect(() => net.connect(443, '93.184.216.34')).toThrow(/no-egress guard/);
    expect(() => net.connect({ host: 'example.org', port: 80 })).toThrow(/no-egress guard/);
    const { lookup } = await import('node:dns/promises');
    await expect(lookup('example.net')).rejects.toThrow(/no-egress guard/);
    const { request } = await import('node:https');
    expect(() => request('https://example.com/')).toThrow(/no-egress guard/);
    expect(guard.attempts).toEqual(['fetch example.com', 'socket 93.184.216.34', 'socket example.org', 'dns example.net', 'https.request example.com']);
  });

  it('catches the LLM calls of the same conversation when the offline flag is not set', async () => {
    const base = await serveApp({ ...REMOTE_LLM, INNERCHORD_LLM_TIMEOUT_MS: '30000' });
    await conversationToSketch(base);
    expect(guard.attempts.length).toBeGreaterThan(0);
    expect(guard.attempts.every((a) => a.endsWith('api.openai.com'))).toBe(true);
  });
});

const DIST = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'web', 'dist');
const distMissing = !existsSync(path.join(DIST, 'index.html'));
if (distMissing) console.log('built-page check skipped: web/dist is not built (npx vite build --config web/vite.config.ts)');

/** Every file of the built page, recursively. */
const distFiles = (dir = DIST): string[] => readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? distFiles(path.join(dir, e.name)) : [path.join(dir, e.name)]));

// Contexts in which a browser fetches a URL by itself (not a link the musician chooses to follow).
const FETCHING = [
  /<(?:script|img|iframe|audio|video|source|embed|track)\b[^>]*\bsrc\s*=\s*["'`]?\s*((?:https?:)?\/\/[^"'`\s>]+)/gi,
  /<link\b[^>]*\bhref\s*=\s*["'`]?\s*((?:https?:)?\/\/[^"'`\s>]+)/gi,
  /url\(\s*["']?((?:https?:)?\/\/[^"')\s]+)/gi,
  /@import\s+["']((?:https?:)?\/\/[^"']+)/gi,
  /\b(?:fetch|import|sendBeacon|EventSource|WebSocket|Worker|open)\s*\(\s*(?:["'`]\s*[A-Z]+["'`]\s*,\s*)?["'`]((?:https?:|wss?:)?\/\/[^"'`]+)/g,
  /\.src\s*=\s*["'`]((?:https?:)?\/\/[^"'`]+)/g,
];

describe.skipIf(distMissing)('the built page', () => {
  it('loads nothing from any other origin', () => {
    const found: string[] = [];
    for (const file of distFiles().filter((f) => /\.(html|js|css|svg|json|webmanifest)$/.test(f))) {
      const text = readFileSync(file, 'utf8');
      for (const pattern of FETCHING) for (const m of text.matchAll(pattern)) found.push(`${path.relative(DIST, file)}: ${m[1]}`);
    }
    expect(found).toEqual([]);
  });

  it('has a check that would notice a third-party script, font or beacon', () => {
    const bad = [
      '<script src="https://cdn.example.com/x.js"></script>',
      '<link rel="stylesheet" href="//fonts.googleapis.com/css2?family=Inter">',
      'body{background:url(https://tracker.example/p.gif)}',
      'navigator.sendBeacon("https://analytics.example/collect",d)',
      'fetch(`https://api.example.com/v1`)',
    ];
    for (const text of bad) expect(FETCHING.some((p) => [...text.matchAll(p)].length > 0), text).toBe(true);
    // A link the musician may follow is not a request the page makes.
    expect(FETCHING.some((p) => [...'<a href="https://findahelpline.com">'.matchAll(p)].length > 0)).toBe(false);
  });
});
