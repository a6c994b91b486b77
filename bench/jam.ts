/**
 * Jam regeneration speed: how long the browser takes to remake the 4-bar loop after a pad move
 * (the engine runs in the page), p50/p99 over ~200 arrow-key moves in headless Chromium while the
 * jam plays, against the budget a change has: one bar at 180 bpm in 4/4 (1333 ms). Then the same
 * generations in Node. Builds web/ into a temp dir so the figures match the source. Prints only.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseParams, type SongParametersInput } from '../music/params.ts';
import { clampPoint, type PadPoint } from '../music/jam/index.ts';
import { CHROMIUM, launchBrowser } from '../test/support/browser.ts';
import { makeLoop } from '../web/src/jam/engine.ts';
import { benchApp } from './support.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const BAR_AT_180_MS = (4 * 60_000) / 180;
const SEED = 3;
const PARAMS: SongParametersInput = { valence: 0, arousal: 0, key: 'A', mode: 'minor', tempo: 96, instruments: { melody: 'flute', chords: 'piano', bass: 'electric bass' } };

/** A walk round a square on the pad (8 steps a side), so every key press moves the point. */
const KEYS = Array.from({ length: 200 }, (_, i) => (['ArrowRight', 'ArrowUp', 'ArrowLeft', 'ArrowDown'] as const)[Math.floor(i / 8) % 4]!);
const STEP: Record<(typeof KEYS)[number], [number, number]> = { ArrowRight: [0.1, 0], ArrowUp: [0, 0.1], ArrowLeft: [-0.1, 0], ArrowDown: [0, -0.1] };

/** The pad points the walk visits (as JamPad computes them). */
function walk(): PadPoint[] {
  let p: PadPoint = { valence: 0, arousal: 0 };
  return KEYS.map((k) => (p = clampPoint({ valence: p.valence + STEP[k][0], arousal: p.arousal + STEP[k][1] })));
}

const pct = (xs: number[], q: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))]!;
const line = (where: string, xs: number[]) => {
  const p50 = pct(xs, 0.5);
  const p99 = pct(xs, 0.99);
  return `${where}: regeneration of a 4-bar loop over ${xs.length} pad moves — p50 ${p50.toFixed(1)} ms, p99 ${p99.toFixed(1)} ms, max ${Math.max(...xs).toFixed(1)} ms; ` +
    `one bar at 180 bpm is ${BAR_AT_180_MS.toFixed(0)} ms → p99 uses ${((p99 / BAR_AT_180_MS) * 100).toFixed(1)}% of it ${p99 < BAR_AT_180_MS ? 'OK' : 'OVER'}`;
};

async function inBrowser(dist: string): Promise<void> {
  const served = await benchApp(dist);
  const { url } = served;
  const browser = await launchBrowser();
  try {
    const song = await served.songWith('Jam bench', PARAMS, SEED);
    const page = await (await browser.newContext()).newPage();
    await page.goto(`${url}/#/songs/${song.id}`);
    await page.getByTestId('open-jam').click({ timeout: 20_000 });
    await page.getByTestId('jam-panel').waitFor({ timeout: 20_000 });
    await page.getByTestId('jam-play').click();
    await page.waitForFunction(() => (window as unknown as { __innerchordJam: { bars: number } }).__innerchordJam.bars > 0, undefined, { timeout: 20_000 });
    const count = () => page.evaluate(() => (window as unknown as { __innerchordJam: { generationMs: number[] } }).__innerchordJam.generationMs.length);
    const pad = page.getByTestId('jam-pad');
    await pad.focus();
    for (const key of KEYS) {
      const before = await count();
      await pad.press(key);
      // One regeneration per move: wait for it before the next press (moves within a frame coalesce).
      await page.waitForFunction((n) => (window as unknown as { __innerchordJam: { generationMs: number[] } }).__innerchordJam.generationMs.length > n, before);
    }
    const { ms, swaps, bars } = await page.evaluate(() => {
      const d = (window as unknown as { __innerchordJam: { generationMs: number[]; swaps: number; bars: number } }).__innerchordJam;
      return { ms: d.generationMs.slice(1), swaps: d.swaps, bars: d.bars };
    });
    console.log(line('Chromium (while the jam plays)', ms));
    console.log(`  ${KEYS.length} moves over ${bars} bars landed as ${swaps} swaps (at most one per bar: a burst collapses to its last point)`);
  } finally {
    await browser.close();
    await served.close();
  }
}

function inNode(): void {
  const base = parseParams(PARAMS);
  makeLoop(base, SEED, { valence: 0, arousal: 0 }, 0); // warm-up (module init, JIT)
  const ms = walk().map((p, i) => makeLoop(base, SEED, p, i + 1).ms);
  console.log(line('Node', ms));
}

export async function run(): Promise<void> {
  inNode();
  if (!existsSync(CHROMIUM)) return console.log(`Chromium figures: skipped (${CHROMIUM} is not installed)`);
  const dist = mkdtempSync(path.join(tmpdir(), 'innerchord-jam-'));
  try {
    const { build } = await import('vite');
    await build({ configFile: path.join(ROOT, 'web', 'vite.config.ts'), logLevel: 'silent', build: { outDir: dist, emptyOutDir: true } });
    await inBrowser(dist);
  } finally {
    rmSync(dist, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await run();
