/**
 * The browser's WAV render, as the musician gets it: in headless Chromium against the real app,
 * "Download WAV" on a version, timed from the click to the file (piano samples fetched and
 * decoded, Tone.js scheduling and the OfflineAudioContext render of the player's instruments,
 * WAV encoding), with the stages from web/src/export/wav.ts's performance marks. Builds web/ into
 * a temp dir first so the figures match the source. Prints, never asserts.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve, type ServerType } from '@hono/node-server';
import type { Browser } from 'playwright-core';
import { openDatabase } from '../db/client.ts';
import { songSeconds } from '../music/render/timing.ts';
import type { Sketch } from '../music/sketch.ts';
import { createApp } from '../server/app.ts';
import { loadConfig } from '../server/config.ts';
import { createLogger } from '../server/log.ts';
import { CHROMIUM, launchBrowser } from '../test/support/browser.ts';
import { WAV_MARKS } from '../web/src/export/wav.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** One version to render and how many times (the median is printed). */
export interface BrowserCase {
  label: string;
  params: unknown;
  runs: number;
}

/** Milliseconds between consecutive WAV marks: [samples, render, encode]. */
type Stages = [number, number, number];

async function renderOnce(browser: Browser, url: string): Promise<{ total: number; stages: Stages }> {
  const context = await browser.newContext({ acceptDownloads: true });
  try {
    const page = await context.newPage();
    await page.goto(url);
    await page.getByTestId('open-wav').click();
    const button = page.getByRole('button', { name: 'Download WAV' });
    await button.waitFor({ timeout: 20_000 });
    const started = Date.now();
    await Promise.all([page.waitForEvent('download', { timeout: 600_000 }), button.click()]);
    const total = Date.now() - started;
    const stages = await page.evaluate((names) => {
      const at = names.map((n) => performance.getEntriesByName(n).at(-1)?.startTime ?? Number.NaN);
      return [at[1]! - at[0]!, at[2]! - at[1]!, at[3]! - at[2]!];
    }, [...WAV_MARKS]);
    return { total, stages: stages as Stages };
  } finally {
    await context.close();
  }
}

/** Render each case in the browser and print seconds of music, times and × real time. */
export async function measureBrowserRender(cases: BrowserCase[]): Promise<void> {
  if (!existsSync(CHROMIUM)) {
    console.log(`browser WAV render: skipped (${CHROMIUM} is not installed)`);
    return;
  }
  const dist = mkdtempSync(path.join(tmpdir(), 'innerchord-render-web-'));
  const db = await openDatabase();
  let server: ServerType | null = null;
  let browser: Browser | null = null;
  try {
    const { build } = await import('vite');
    await build({ configFile: path.join(ROOT, 'web', 'vite.config.ts'), logLevel: 'silent', build: { outDir: dist, emptyOutDir: true } });
    const app = createApp({ db, config: loadConfig({ INNERCHORD_OFFLINE: '1', INNERCHORD_LOG: 'silent' }), log: createLogger('silent') }, { webDist: dist });
    server = await new Promise<ServerType>((resolve) => {
      const s = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s));
    });
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    browser = await launchBrowser();
    const post = async (p: string, body: unknown) =>
      (await (await fetch(url + p, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })).json()) as { id: string; sketch: Sketch };
    for (const c of cases) {
      const song = await post('/api/songs', { title: `Bench ${c.label}` });
      const { sketch } = await post(`/api/songs/${song.id}/versions`, { params: c.params, seed: 1 });
      const runs: { total: number; stages: Stages }[] = [];
      for (let i = 0; i < c.runs; i++) runs.push(await renderOnce(browser, `${url}/#/songs/${song.id}`));
      runs.sort((a, b) => a.total - b.total);
      const { total, stages } = runs[Math.floor(runs.length / 2)]!;
      const seconds = songSeconds(sketch);
      const notes = sketch.tracks.reduce((n, t) => n + t.notes.length, 0);
      console.log(
        `browser (player's instruments, Tone.js over an OfflineAudioContext) ${c.label}, ${notes} notes, ${seconds.toFixed(1)} s of music: ` +
          `click → file ${total} ms (${((seconds * 1000) / total).toFixed(1)}× real time; median of ${c.runs}) — ` +
          `samples ${stages[0].toFixed(0)} ms, schedule + render ${stages[1].toFixed(0)} ms (${((seconds * 1000) / stages[1]).toFixed(1)}×), encode ${stages[2].toFixed(0)} ms`,
      );
    }
  } finally {
    await browser?.close();
    if (server) await new Promise<void>((resolve) => server!.close(() => resolve()));
    await db.close();
    rmSync(dist, { recursive: true, force: true });
  }
}
