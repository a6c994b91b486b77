/**
 * Web figures: gzip size of the initial JS (what web/dist/index.html loads; target ≤ 60 kB) and of
 * the lazily loaded chunks (the sketch panel, Tone.js); then, in headless Chromium against the real
 * app, the time from the Play click to the first scheduled note (performance marks), cold and with
 * Tone and the samples cached (target ≤ 300 ms, median). Builds web/ into a temp dir first so the
 * figures match the source. Prints, never asserts.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { CHROMIUM, launchBrowser } from '../test/support/browser.ts';
import { benchApp } from './support.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const RUNS = 7;
const kb = (n: number) => `${(n / 1024).toFixed(1)} kB`;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function buildWeb(outDir: string): Promise<void> {
  const { build } = await import('vite');
  await build({ configFile: path.join(ROOT, 'web', 'vite.config.ts'), logLevel: 'silent', build: { outDir, emptyOutDir: true } });
}

/** Print the gzip size of the initial JS and of every lazy chunk. */
function printSizes(dist: string): void {
  const html = readFileSync(path.join(dist, 'index.html'), 'utf8');
  const initial = [...html.matchAll(/<(?:script[^>]*src|link[^>]*rel="modulepreload"[^>]*href)="\/?([^"]+\.js)"/g)].map((m) => m[1]!);
  const gz = (file: string) => gzipSync(readFileSync(path.join(dist, file))).byteLength;
  const initialBytes = initial.reduce((n, f) => n + gz(f), 0);
  console.log(`initial JS (${initial.join(', ')}): ${kb(initialBytes)} gzip (target ≤ 60 kB) ${initialBytes <= 60 * 1024 ? 'OK' : 'OVER'}`);
  const lazy = readdirSync(path.join(dist, 'assets')).filter((f) => f.endsWith('.js') && !initial.includes(`assets/${f}`));
  for (const f of lazy) {
    const text = readFileSync(path.join(dist, 'assets', f), 'utf8');
    const what = text.includes('getTransport') && text.includes('ToneAudioBuffer') ? 'Tone.js (loaded on first Play)' : 'lazy chunk';
    console.log(`  ${what} ${f}: ${kb(gz(`assets/${f}`))} gzip`);
  }
}

/** Milliseconds between the two player marks of the last play. */
function latency(page: Page): Promise<number> {
  return page.evaluate(() => {
    const click = performance.getEntriesByName('innerchord:play-click').at(-1);
    const note = performance.getEntriesByName('innerchord:first-note-scheduled').at(-1);
    return click && note ? note.startTime - click.startTime : Number.NaN;
  });
}

async function playOnce(page: Page): Promise<number> {
  await page.getByTestId('play').click();
  await page.waitForFunction(() => performance.getEntriesByName('innerchord:first-note-scheduled').length > 0, undefined, { timeout: 30_000 });
  const ms = await latency(page);
  await page.getByTestId('play').click(); // stop
  await page.waitForFunction(() => (window as unknown as { __innerchordPlayer?: { status: string } }).__innerchordPlayer?.status === 'ready');
  return ms;
}

async function measureLatency(dist: string): Promise<void> {
  const served = await benchApp(dist);
  const { url } = served;
  const browser = await launchBrowser();
  try {
    const song = await served.songWith('Bench', { instruments: { melody: 'piano', chords: 'piano' } }, 1);
    const page = await (await browser.newContext()).newPage();
    await page.goto(`${url}/#/songs/${song.id}`);
    await page.getByTestId('play').waitFor({ timeout: 20_000 });
    const cold = await playOnce(page);
    const warm: number[] = [];
    for (let i = 0; i < RUNS; i++) warm.push(await playOnce(page));
    const m = median(warm);
    console.log(`play → first scheduled note: cold (loads Tone.js + samples) ${cold.toFixed(0)} ms; ` +
      `warm median of ${RUNS} ${m.toFixed(0)} ms (min ${Math.min(...warm).toFixed(0)}, max ${Math.max(...warm).toFixed(0)}; target ≤ 300 ms) ${m <= 300 ? 'OK' : 'OVER'}`);
  } finally {
    await browser.close();
    await served.close();
  }
}

export async function run(): Promise<void> {
  const dist = mkdtempSync(path.join(tmpdir(), 'innerchord-web-'));
  try {
    await buildWeb(dist);
    printSizes(dist);
    if (!existsSync(CHROMIUM)) console.log(`play latency: skipped (${CHROMIUM} is not installed)`);
    else await measureLatency(dist);
  } finally {
    rmSync(dist, { recursive: true, force: true });
  }
}
