/**
 * npm run bench -- burst — does a burst of sketch turns stall the server? The real server (its own
 * process, offline guide, PGlite in a temp dir) gets 20 first-sketch turns at once on 20 songs
 * while GET /api/health is polled every 20 ms; printed for sketches made in worker threads (the
 * default) and on the request thread (INNERCHORD_ENGINE_THREADS=0), one after the other.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startServerProcess } from '../test/hardening/server-process.ts';

const SKETCHES = 20;

async function post(url: string, body: unknown): Promise<Record<string, unknown>> {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body), signal: AbortSignal.timeout(120_000) });
  return (await res.json()) as Record<string, unknown>;
}

const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;

async function measure(label: string, dir: string, env: Record<string, string>): Promise<void> {
  const server = await startServerProcess({ INNERCHORD_DATA_DIR: dir, ...env });
  try {
    // Warm: the first sketch loads the engine (and starts its worker).
    const warm = await post(`${server.url}/api/songs`, { title: 'warm' });
    await post(`${server.url}/api/songs/${warm['id'] as string}/turns`, { text: 'just make something sad in D minor' });
    const ids = await Promise.all(Array.from({ length: SKETCHES }, async (_, i) => (await post(`${server.url}/api/songs`, { title: `burst ${i}` }))['id'] as string));
    const health: number[] = [];
    let running = true;
    const poller = (async () => {
      while (running) {
        const start = performance.now();
        await fetch(`${server.url}/api/health`, { signal: AbortSignal.timeout(60_000) }).then((r) => r.arrayBuffer());
        health.push(performance.now() - start);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    })();
    const start = performance.now();
    const turns = await Promise.all(ids.map(async (id) => {
      const t0 = performance.now();
      const r = await post(`${server.url}/api/songs/${id}/turns`, { text: 'just make something tender in F major, slow, with strings' });
      return { ms: performance.now() - t0, version: Boolean(r['version']) };
    }));
    const wall = performance.now() - start;
    running = false;
    await poller;
    const h = [...health].sort((a, b) => a - b);
    const t = turns.map((x) => x.ms).sort((a, b) => a - b);
    console.log(`| ${label} | ${turns.filter((x) => x.version).length}/${SKETCHES} | ${pct(t, 0.5).toFixed(0)} | ${t.at(-1)!.toFixed(0)} | ${(SKETCHES / (wall / 1000)).toFixed(1)} | ${h.length} | ${pct(h, 0.5).toFixed(1)} | ${pct(h, 0.99).toFixed(1)} | ${h.at(-1)!.toFixed(1)} |`);
  } finally {
    await server.stop();
  }
}

export async function run(): Promise<void> {
  const dir = mkdtempSync(path.join(tmpdir(), 'innerchord-burst-'));
  try {
    console.log(`${SKETCHES} first-sketch turns at once, /api/health polled every 20 ms (ms):`);
    console.log('| sketches made | versions | turn p50 | turn max | sketches/s | health polls | health p50 | health p99 | health max |');
    console.log('|---|---:|---:|---:|---:|---:|---:|---:|---:|');
    await measure('in worker threads (default)', path.join(dir, 'a'), {});
    await measure('on the request thread (INNERCHORD_ENGINE_THREADS=0)', path.join(dir, 'b'), { INNERCHORD_ENGINE_THREADS: '0' });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await run();
