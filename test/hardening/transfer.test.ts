/**
 * Transfer (issue #17 item 7): the web app goes out as the brotli or gzip twin the build wrote,
 * negotiated by Accept-Encoding; hashed assets are cached for a year (immutable), the page is
 * revalidated (no-cache + ETag → 304); API JSON is gzip-compressed when accepted, SSE is not.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../server/app.ts';
import { loadConfig } from '../../server/config.ts';
import { IMMUTABLE, REVALIDATE } from '../../server/http/web.ts';
import { createLogger } from '../../server/log.ts';
import { precompressDir } from '../../web/precompress.ts';
import { sharedPglite } from '../support/db.ts';

const t = sharedPglite();
let dist = '';
// Varied text so the compressed sizes are realistic, not a run of one letter.
const SCRIPT = Array.from({ length: 400 }, (_, i) => `export const v${i} = ${JSON.stringify(`value ${i * 7919} of the sketch`)};`).join('\n');
const HTML = `<!doctype html><html><head><script type="module" src="/assets/index-Ab3dE9fQ.js"></script></head><body>${'<p>Innerchord</p>'.repeat(60)}</body></html>`;

beforeAll(() => {
  dist = mkdtempSync(path.join(tmpdir(), 'innerchord-dist-'));
  mkdirSync(path.join(dist, 'assets'));
  writeFileSync(path.join(dist, 'index.html'), HTML);
  writeFileSync(path.join(dist, 'assets', 'index-Ab3dE9fQ.js'), SCRIPT);
  writeFileSync(path.join(dist, 'assets', 'tiny-Zz9yXw8v.js'), 'export {};');
  expect(precompressDir(dist)).toBe(2);
});
afterAll(() => rmSync(dist, { recursive: true, force: true }));

const app = () => createApp({ db: t.db, config: loadConfig({ INNERCHORD_OFFLINE: '1', INNERCHORD_LOG: 'silent' }), log: createLogger('silent') }, { webDist: dist });
const get = (p: string, headers: Record<string, string> = {}) => app().request(`http://localhost${p}`, { headers });

describe('the web app on the wire', () => {
  it('sends brotli when accepted, else gzip, else the plain file — always the same bytes once decoded', async () => {
    const br = await get('/assets/index-Ab3dE9fQ.js', { 'accept-encoding': 'gzip, deflate, br' });
    expect(br.headers.get('content-encoding')).toBe('br');
    const brBytes = Buffer.from(await br.arrayBuffer());
    expect(brotliDecompressSync(brBytes).toString()).toBe(SCRIPT);
    expect(brBytes.byteLength).toBeLessThan(SCRIPT.length / 4);
    const gz = await get('/assets/index-Ab3dE9fQ.js', { 'accept-encoding': 'gzip' });
    expect(gz.headers.get('content-encoding')).toBe('gzip');
    expect(gunzipSync(Buffer.from(await gz.arrayBuffer())).toString()).toBe(SCRIPT);
    const plain = await get('/assets/index-Ab3dE9fQ.js');
    expect(plain.headers.get('content-encoding')).toBeNull();
    expect(await plain.text()).toBe(SCRIPT);
    for (const res of [br, gz, plain]) {
      expect(res.headers.get('content-type')).toMatch(/javascript/);
      expect(res.headers.get('vary')).toMatch(/Accept-Encoding/i);
    }
  });

  it('caches hashed assets for a year and revalidates the page', async () => {
    for (const p of ['/assets/index-Ab3dE9fQ.js', '/assets/tiny-Zz9yXw8v.js']) expect((await get(p, { 'accept-encoding': 'br' })).headers.get('cache-control'), p).toBe(IMMUTABLE);
    expect(IMMUTABLE).toBe('public, max-age=31536000, immutable');
    for (const p of ['/', '/index.html', '/songs/abc']) {
      const res = await get(p, { 'accept-encoding': 'br' });
      expect(res.status, p).toBe(200);
      expect(res.headers.get('cache-control'), p).toBe(REVALIDATE);
    }
  });

  it('answers an unchanged page 304 to a revalidation', async () => {
    const first = await get('/', { 'accept-encoding': 'gzip' });
    const tag = first.headers.get('etag');
    expect(tag).toBeTruthy();
    const again = await get('/', { 'accept-encoding': 'gzip', 'if-none-match': tag! });
    expect(again.status).toBe(304);
  });

  it('gzips API JSON when the client accepts it, and leaves it plain otherwise', async () => {
    const zipped = await get('/api/openapi.json', { 'accept-encoding': 'gzip' });
    expect(zipped.headers.get('content-encoding')).toBe('gzip');
    const doc = JSON.parse(gunzipSync(Buffer.from(await zipped.arrayBuffer())).toString()) as { openapi: string };
    expect(doc.openapi).toBe('3.1.0');
    expect((await get('/api/openapi.json')).headers.get('content-encoding')).toBeNull();
    expect(zipped.headers.get('cache-control')).toBe('no-store');
  });
});
