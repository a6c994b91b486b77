/**
 * Playing along, measured (prints only):
 * 1. Loop re-harmonisation timing in Node, 200 simulated chord changes (seeded): the player's chord
 *    is named (Tonal), the loop remade in that chord and key, and handed to the jam's own schedule
 *    with Tone's look-ahead modelled (the Transport reads 0.1 s ahead of the audio, steps are
 *    queued up to a further update interval ahead). Counts the swaps landing on the first barline
 *    not yet handed to the voices, those landing on the very next barline the musician hears, and
 *    loops whose chords track sounds the chord played.
 * 2. In headless Chromium: key-to-sound latency for musical typing (200 key presses) and for a
 *    stand-in MIDI keyboard (200 notes) — the input event's dispatch, the scheduling and the
 *    context's reported output latency — then a run of real chord changes with Follow me on.
 * `npm run bench -- live`. Seed with LIVE_BENCH_SEED, the browser's changes with LIVE_BENCH_CHANGES.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { createSchedule, detectChord, detectKey, followParams, nextBarline, requestChange, scheduleBar, type JamSchedule } from '../music/jam/index.ts';
import { parseParams, type SongParametersInput } from '../music/params.ts';
import { createRng } from '../music/rng.ts';
import { romanToChord } from '../music/theory/chord.ts';
import { scaleInfo } from '../music/theory/scale.ts';
import { PPQ } from '../music/sketch.ts';
import { CHROMIUM, launchBrowser } from '../test/support/browser.ts';
import { makeLoop } from '../web/src/jam/engine.ts';
import { benchApp } from './support.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SEED = Number(process.env.LIVE_BENCH_SEED ?? 19);
const CHANGES = 200;
const BROWSER_CHANGES = Number(process.env.LIVE_BENCH_CHANGES ?? 24);
const PARAMS: SongParametersInput = { valence: 0.2, arousal: 0, key: 'C', mode: 'major', tempo: 100, instruments: { melody: 'flute', chords: 'piano', bass: 'electric bass' } };
/** Tone's defaults: the Transport reads this far ahead of the audio, and wakes every half of it. */
const LOOKAHEAD_S = 0.1;
const UPDATE_S = LOOKAHEAD_S / 2;
const STEP = PPQ / 4;
/** Chords a player might hold, as MIDI voicings (root position and inversions). */
const VOICINGS: number[][] = [
  [57, 60, 64], [53, 57, 60], [48, 52, 55], [55, 59, 62], [50, 53, 57], [52, 55, 59], [52, 55, 60], [45, 52, 57, 60],
  [43, 59, 62, 65], [50, 53, 57, 60], [58, 62, 65], [56, 60, 63], [49, 53, 56], [54, 58, 61], [47, 51, 54], [59, 62, 66],
];

const pct = (xs: number[], q: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))]!;

function inNode(): void {
  const rng = createRng(SEED);
  const base = parseParams(PARAMS);
  let firstFree = 0;
  let heard = 0;
  let harmonyOk = 0;
  const lateBy: number[] = [];
  for (let i = 0; i < CHANGES; i++) {
    const first = makeLoop(base, SEED, { valence: 0.2, arousal: 0 }, 0);
    const tempo = first.loop.tempo;
    const bar = first.loop.ticksPerBar;
    const ticksPerSecond = (tempo / 60) * PPQ;
    // The audio is at `a` when the chord's last note goes down, somewhere in bars 4–7.
    const a = 4 * bar + Math.floor(rng.next() * 4 * bar);
    const transportNow = a + LOOKAHEAD_S * ticksPerSecond;
    const processedTo = transportNow + rng.next() * UPDATE_S * ticksPerSecond;
    let s: JamSchedule = createSchedule(first.loop, 0);
    let step = 0;
    // The scheduler has queued every step that starts before processedTo; bars plan at their first step.
    for (; step <= processedTo; step += STEP) if (step % bar === 0) s = scheduleBar(s, step).schedule;
    const firstFreeBar = Math.ceil(step / bar) * bar;
    const voicing = VOICINGS[rng.int(0, VOICINGS.length - 1)]!;
    const key = detectKey(voicing.map((pitch, j) => ({ pitch, start: j, duration: 480, velocity: 0.7 })))!;
    const chord = detectChord(voicing, key)!;
    const made = makeLoop(base, SEED, { valence: 0.2, arousal: 0 }, i + 1, (p) => followParams(p, key, chord));
    s = requestChange(s, made.loop, transportNow);
    let swapAt: number | null = null;
    for (; swapAt === null; step += STEP) {
      if (step % bar !== 0) continue;
      const r = scheduleBar(s, step);
      s = r.schedule;
      if (r.bar.swapped) swapAt = step;
    }
    if (swapAt === firstFreeBar) firstFree++;
    if (swapAt === nextBarline(a, bar)) heard++;
    else lateBy.push(swapAt - nextBarline(a, bar));
    // The loop that took over plays the chord the player held (its chords track, pitch classes).
    const want = new Set(romanToChord(scaleInfo('C', 'major'), chord).chromas);
    const got = new Set(made.sketch.tracks.find((t) => t.id === 'chords')!.notes.map((n) => n.pitch % 12));
    if ([...got].every((pc) => want.has(pc)) && got.size > 0) harmonyOk++;
  }
  console.log(`Node, ${CHANGES} simulated chord changes (seed ${SEED}), Tone's look-ahead modelled:`);
  console.log(`  landed on the first barline not yet handed to the voices: ${firstFree}/${CHANGES} ${firstFree === CHANGES ? 'OK' : 'MISSED'}`);
  console.log(`  landed on the very next barline the musician hears: ${heard}/${CHANGES} (the rest came within the ~${((LOOKAHEAD_S + UPDATE_S) * 1000).toFixed(0)} ms look-ahead before a barline and landed one bar later: ${lateBy.length ? `${Math.min(...lateBy)}–${Math.max(...lateBy)} ticks` : 'none'})`);
  console.log(`  the new loop's chords track plays only the chord held: ${harmonyOk}/${CHANGES}`);
}

const debug = <T>(page: Page, name: string) => page.evaluate((n) => JSON.parse(JSON.stringify((window as unknown as Record<string, unknown>)[n])) as T, name);

async function inBrowser(dist: string): Promise<void> {
  const served = await benchApp(dist);
  const { url } = served;
  const browser = await launchBrowser();
  try {
    const song = await served.songWith('Live bench', PARAMS, SEED);
    const context = await browser.newContext();
    // A string, not a function: tsx would wrap a function in helpers the page does not have.
    await context.addInitScript(`
      const input = Object.assign(new EventTarget(), { id: 'kb', name: 'Bench keyboard', type: 'input', state: 'connected' });
      window.__midiKey = (bytes) => {
        const e = new Event('midimessage');
        Object.defineProperty(e, 'data', { value: new Uint8Array(bytes) });
        input.dispatchEvent(e);
      };
      Object.defineProperty(navigator, 'requestMIDIAccess', { configurable: true, value: async () => ({ inputs: new Map([['kb', input]]), outputs: new Map(), onstatechange: null }) });
    `);
    const page = await context.newPage();
    page.on('pageerror', (e) => console.log(`  page error: ${e.message}`));
    await page.goto(`${url}/#/songs/${song.id}`);
    await page.getByTestId('open-jam').click({ timeout: 20_000 });
    await page.getByTestId('play-midi').click({ timeout: 20_000 });
    await page.getByTestId('play-ports').waitFor({ timeout: 10_000 });
    const played = () => page.evaluate(() => (window as unknown as { __innerchordPlay: { notesPlayed: number } }).__innerchordPlay.notesPlayed);
    const raw = await page.evaluate(() => {
      const ctx = new AudioContext({ latencyHint: 'interactive' });
      const r = { base: ctx.baseLatency, output: ctx.outputLatency };
      void ctx.close();
      return r;
    });
    await page.getByTestId('play-legend').click();
    for (let i = 0; i < 200; i++) {
      const n = await played();
      await page.keyboard.down('a');
      await page.waitForFunction((k) => (window as unknown as { __innerchordPlay: { notesPlayed: number } }).__innerchordPlay.notesPlayed > k, n);
      await page.keyboard.up('a');
    }
    const { latencies: typedLatencies, engine } = await debug<{ latencies: number[]; engine: string }>(page, '__innerchordPlay');
    const typing = typedLatencies.slice(-200);
    for (let i = 0; i < 200; i++) {
      const n = await played();
      await page.evaluate(() => (window as unknown as { __midiKey: (b: number[]) => void }).__midiKey([0x90, 64, 90]));
      await page.waitForFunction((k) => (window as unknown as { __innerchordPlay: { notesPlayed: number } }).__innerchordPlay.notesPlayed > k, n);
      await page.evaluate(() => (window as unknown as { __midiKey: (b: number[]) => void }).__midiKey([0x80, 64, 0]));
    }
    const midi = (await debug<{ latencies: number[] }>(page, '__innerchordPlay')).latencies.slice(-200);
    const show = (xs: number[]) => `p50 ${pct(xs, 0.5).toFixed(1)} ms, p99 ${pct(xs, 0.99).toFixed(1)} ms, max ${Math.max(...xs).toFixed(1)} ms ${pct(xs, 0.99) <= 30 ? 'OK (≤ 30 ms)' : 'OVER 30 ms'}`;
    console.log(`Chromium key-to-sound (input event → note start at the audio clock's now + the context's output latency; an 'interactive' context here reports base ${(raw.base * 1000).toFixed(1)} ms, output ${(raw.output * 1000).toFixed(1)} ms; live engine: ${engine}):`);
    console.log(`  musical typing, 200 key presses: ${show(typing)}`);
    console.log(`  MIDI keyboard (stand-in input), 200 notes: ${show(midi)}`);

    // Real chord changes with Follow me on: where each swap lands against the chord's last note-on.
    await page.getByTestId('jam-play').click();
    await page.waitForFunction(() => (window as unknown as { __innerchordJam: { bars: number } }).__innerchordJam.bars > 0, undefined, { timeout: 20_000 });
    await page.getByTestId('play-follow').click();
    const rng = createRng(SEED + 1);
    let heard = 0;
    let free = 0;
    const order = [[57, 60, 64], [53, 57, 60], [48, 52, 55], [55, 59, 62]];
    for (let i = 0; i < BROWSER_CHANGES; i++) {
      const bar = 1920; // 4/4
      const tick = await page.evaluate(() => (window as unknown as { __innerchordJam: { tick: number } }).__innerchordJam.tick);
      const target = (Math.floor(tick / bar) + 1) * bar + Math.floor(rng.next() * bar);
      await page.waitForFunction((t) => (window as unknown as { __innerchordJam: { tick: number } }).__innerchordJam.tick >= t, target, { timeout: 20_000, polling: 'raf' });
      const voicing = order[i % order.length]!;
      const swaps = await page.evaluate(() => (window as unknown as { __innerchordJam: { swaps: number } }).__innerchordJam.swaps);
      for (const p of voicing) await page.evaluate((b) => (window as unknown as { __midiKey: (b: number[]) => void }).__midiKey(b), [0x90, p, 90]);
      await page.waitForFunction((n) => (window as unknown as { __innerchordJam: { swaps: number } }).__innerchordJam.swaps > n, swaps, { timeout: 20_000 });
      const { lastSwapTick, onsets } = await page.evaluate(() => ({
        lastSwapTick: (window as unknown as { __innerchordJam: { lastSwapTick: number } }).__innerchordJam.lastSwapTick,
        onsets: [...(window as unknown as { __innerchordPlay: { onsets: number[] } }).__innerchordPlay.onsets],
      }));
      const at = onsets.at(-1)!;
      if (lastSwapTick === nextBarline(at, bar)) heard++;
      if (lastSwapTick <= nextBarline(at, bar) + bar) free++;
      for (const p of voicing) await page.evaluate((b) => (window as unknown as { __midiKey: (b: number[]) => void }).__midiKey(b), [0x80, p, 0]);
    }
    console.log(`Chromium, ${BROWSER_CHANGES} chord changes played with Follow me on: ${heard}/${BROWSER_CHANGES} on the very next barline after the chord, ${free}/${BROWSER_CHANGES} within one more bar (look-ahead)`);
  } finally {
    await browser.close();
    await served.close();
  }
}

export async function run(): Promise<void> {
  if (!process.env.LIVE_BENCH_SKIP_NODE) inNode();
  if (!existsSync(CHROMIUM)) return console.log(`Chromium figures: skipped (${CHROMIUM} is not installed)`);
  const dist = mkdtempSync(path.join(tmpdir(), 'innerchord-live-'));
  try {
    const { build } = await import('vite');
    await build({ configFile: path.join(ROOT, 'web', 'vite.config.ts'), logLevel: 'silent', build: { outDir: dist, emptyOutDir: true } });
    await inBrowser(dist);
  } finally {
    rmSync(dist, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await run();
