/**
 * Transfer figures (issue #17 item 7): build the web app into a temp dir (with its brotli/gzip
 * twins), serve it from the real app over a real socket, and count the bytes on the wire for what
 * the first page load needs — the HTML and the initial JS and CSS — as a browser asking
 * `Accept-Encoding: br, gzip` gets them (target: initial JS ≤ 60 KiB). Also prints each response's
 * encoding and Cache-Control, and the lazy chunks' wire sizes. Prints, never asserts.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve, type ServerType } from '@hono/node-server';
import { openDatabase } from '../db/client.ts';
import { createApp } from '../server/app.ts';
import { loadConfig } from '../server/config.ts';
import { createLogger } from '../server/log.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const KiB = (n: number) => `${(n / 1024).toFixed(1)} KiB`;

interface Wire {
  bytes: number;
  encoding: string;
  cacheControl: string;
}

/** GET `p` and count the raw (still encoded) body bytes. */
function wire(port: number, p: string, encoding = 'br, gzip'): Promise<Wire> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path: p, headers: { 'accept-encoding': encoding, host: `localhost:${port}` } }, (res) => {
      let bytes = 0;
      res.on('data', (d: Buffer) => (bytes += d.byteLength));
      res.on('end', () => resolve({ bytes, encoding: String(res.headers['content-encoding'] ?? 'identity'), cacheControl: String(res.headers['cache-control'] ?? '') }));
    });
    req.on('error', reject);
    req.end();
  });
}

export async function run(): Promise<void> {
  const dist = mkdtempSync(path.join(tmpdir(), 'innerchord-transfer-'));
  const db = await openDatabase();
  let server: ServerType | undefined;
  try {
    const { build } = await import('vite');
    await build({ configFile: path.join(ROOT, 'web', 'vite.config.ts'), logLevel: 'silent', build: { outDir: dist, emptyOutDir: true } });
    const app = createApp({ db, config: loadConfig({ INNERCHORD_OFFLINE: '1', INNERCHORD_LOG: 'silent' }), log: createLogger('silent') }, { webDist: dist });
    server = await new Promise<ServerType>((resolve) => {
      const s = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s));
    });
    const port = (server.address() as AddressInfo).port;
    const html = readFileSync(path.join(dist, 'index.html'), 'utf8');
    const initialJs = [...html.matchAll(/<(?:script[^>]*src|link[^>]*rel="modulepreload"[^>]*href)="(\/[^"]+\.js)"/g)].map((m) => m[1]!);
    const initialCss = [...html.matchAll(/<link[^>]*rel="stylesheet"[^>]*href="(\/[^"]+\.css)"/g)].map((m) => m[1]!);
    console.log('| first load | raw | br on the wire | gzip on the wire | Cache-Control |');
    console.log('|---|---:|---:|---:|---|');
    let jsWire = 0;
    let jsGzip = 0;
    for (const p of ['/', ...initialJs, ...initialCss]) {
      const [raw, br, gz] = [await wire(port, p, 'identity'), await wire(port, p), await wire(port, p, 'gzip')];
      if (p.endsWith('.js')) {
        jsWire += br.bytes;
        jsGzip += gz.bytes;
      }
      console.log(`| ${p} | ${KiB(raw.bytes)} | ${KiB(br.bytes)} (${br.encoding}) | ${KiB(gz.bytes)} (${gz.encoding}) | ${br.cacheControl} |`);
    }
    console.log(`initial page JS on the wire: ${KiB(jsWire)} brotli, ${KiB(jsGzip)} gzip (target ≤ 60 KiB) ${jsWire <= 60 * 1024 ? 'OK' : 'OVER'}`);
    const lazy = readdirSync(path.join(dist, 'assets')).filter((f) => /\.(js|css)$/.test(f) && !initialJs.includes(`/assets/${f}`) && !initialCss.includes(`/assets/${f}`));
    let lazyRaw = 0;
    let lazyWire = 0;
    for (const f of lazy) {
      lazyRaw += (await wire(port, `/assets/${f}`, 'identity')).bytes;
      lazyWire += (await wire(port, `/assets/${f}`)).bytes;
    }
    console.log(`lazy chunks (${lazy.length}): ${KiB(lazyRaw)} raw → ${KiB(lazyWire)} brotli on the wire`);
    const api = await wire(port, '/api/openapi.json', 'gzip, br');
    console.log(`GET /api/openapi.json: ${KiB(api.bytes)} (${api.encoding}; ${api.cacheControl})`);
  } finally {
    if (server) await new Promise<void>((resolve) => server!.close(() => resolve()));
    await db.close();
    rmSync(dist, { recursive: true, force: true });
  }
}
