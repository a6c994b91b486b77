/**
 * Playing along in a real browser: a stand-in MIDI keyboard (navigator.requestMIDIAccess injected
 * before the page loads, its input dispatching midimessage events) plays through the sketch's
 * instrument (the output meter leaves silence), musical typing does too and keeps out of text
 * boxes, Follow me lands the chord on the next barline, Answer me replies to a phrase on the
 * next phrase boundary (read on the jam's own clock), and the performance view sends MIDI clock.
 * Waits are on conditions and the music's clocks, never on sleeps. Needs web/dist and /usr/bin/chromium.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { Browser } from 'playwright-core';
import { axeViolations, browserSkipReason, launchBrowser, screenshot, startApp, type RunningApp } from '../support/browser.ts';

const skip = browserSkipReason();
if (skip) console.warn(`play e2e: ${skip}`);

const PARAMS = { valence: 0.3, arousal: -0.2, key: 'C', mode: 'major', tempo: 100, meter: '4/4', sections: [{ name: 'verse', bars: 4, energy: 0.5 }] };
const BAR = 1920;
const BEAT = 480;

interface PlayDebug {
  notesPlayed: number;
  latencies: number[];
  level: number;
  engine: string;
  chord: string | null;
  key: string | null;
  performance: { pitch: number; start: number; duration: number; velocity: number }[];
  answers: { restAt: number; earliest: number; at: number; notes: number; variation: string }[];
  ports: string[];
}
interface JamDebug {
  running: boolean;
  swaps: number;
  lastSwapTick: number | null;
  tick: number;
  extraStarts: number[];
}

const play = (page: Page): Promise<PlayDebug> =>
  page.evaluate(() => {
    const d = (window as unknown as { __innerchordPlay: PlayDebug }).__innerchordPlay;
    return { notesPlayed: d.notesPlayed, latencies: [...d.latencies], level: d.level, engine: d.engine, chord: d.chord, key: d.key, performance: [...d.performance], answers: [...d.answers], ports: [...d.ports] };
  });
const jam = (page: Page): Promise<JamDebug> =>
  page.evaluate(() => {
    const d = (window as unknown as { __innerchordJam: JamDebug }).__innerchordJam;
    return { running: d.running, swaps: d.swaps, lastSwapTick: d.lastSwapTick, tick: d.tick, extraStarts: [...d.extraStarts] };
  });
/** Send raw MIDI bytes from the stand-in keyboard. */
const key = (page: Page, bytes: number[]) => page.evaluate((b) => (window as unknown as { __midiKey: (b: number[]) => void }).__midiKey(b), bytes);
/** Wait until the jam's Transport reaches `tick` (its own clock). */
const untilTick = (page: Page, tick: number) =>
  page.waitForFunction((t) => (window as unknown as { __innerchordJam: JamDebug }).__innerchordJam.tick >= t, tick, { timeout: 20_000, polling: 'raf' });

describe.skipIf(skip !== null)('playing along in Chromium', () => {
  let app: RunningApp;
  let browser: Browser;
  let page: Page;
  let versionId: string;
  let songId: string;
  const errors: string[] = [];

  beforeAll(async () => {
    app = await startApp();
    browser = await launchBrowser();
    const post = async (path: string, body: unknown) =>
      (await (await fetch(app.url + path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })).json()) as { id: string };
    songId = (await post('/api/songs', { title: 'Play along' })).id;
    versionId = (await post(`/api/songs/${songId}/versions`, { params: PARAMS, seed: 11, request: 'first sketch' })).id;
    const context = await browser.newContext({ viewport: { width: 1360, height: 900 } });
    // One stand-in keyboard in and one stand-in synth out (this machine has no MIDI device).
    await context.addInitScript(() => {
      const input = new EventTarget() as EventTarget & { id: string; name: string; type: string; state: string };
      Object.assign(input, { id: 'kb-1', name: 'Test keyboard', type: 'input', state: 'connected' });
      const sent: { bytes: number[]; ts: number }[] = [];
      const output = { id: 'out-1', name: 'Test synth', send: (bytes: number[], ts: number) => void sent.push({ bytes: [...bytes], ts }) };
      const w = window as unknown as { __midiKey: (b: number[]) => void; __midiSent: typeof sent };
      w.__midiSent = sent;
      w.__midiKey = (bytes) => {
        const e = new Event('midimessage');
        Object.defineProperty(e, 'data', { value: new Uint8Array(bytes) });
        input.dispatchEvent(e);
      };
      Object.defineProperty(navigator, 'requestMIDIAccess', {
        configurable: true,
        value: async () => ({ inputs: new Map([['kb-1', input]]), outputs: new Map([['out-1', output]]), sysexEnabled: false, onstatechange: null }),
      });
    });
    page = await context.newPage();
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => void (m.type() === 'error' && errors.push(m.text())));
    await page.goto(`${app.url}/#/songs/${songId}`);
    await page.getByTestId('open-jam').click({ timeout: 20_000 });
    await page.getByTestId('play-panel').waitFor({ timeout: 15_000 });
  }, 90_000);

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it('plays a MIDI keyboard through the sketch instrument: the output meter leaves silence, then falls back', async () => {
    await page.getByTestId('play-midi').click();
    await page.getByTestId('play-ports').filter({ hasText: 'Test keyboard' }).waitFor({ timeout: 10_000 });
    expect((await play(page)).level).toBe(0);
    await key(page, [0x90, 60, 100]);
    await page.waitForFunction(() => (window as unknown as { __innerchordPlay: PlayDebug }).__innerchordPlay.level > 0.001, undefined, { timeout: 10_000 });
    const on = await play(page);
    expect(on.notesPlayed).toBe(1);
    // The sketch's bank came with the sketch: the key sounds through the GM synth, as the song does.
    expect(on.engine).toBe('soundfont');
    // Key-to-sound as the page measured it (dispatch + scheduling + the context's output latency).
    expect(on.latencies).toHaveLength(1);
    await key(page, [0x80, 60, 0]);
    await key(page, [0x90, 64, 0]); // a note-on at velocity 0 is a note-off, and plays nothing
    await page.waitForFunction(() => (window as unknown as { __innerchordPlay: PlayDebug }).__innerchordPlay.level < 0.0005, undefined, { timeout: 15_000 });
    expect((await play(page)).notesPlayed).toBe(1);
  });

  it('has no serious or critical axe violations in the play-along panel', async () => {
    expect(await axeViolations(page, '[data-testid="play-panel"]')).toEqual([]);
  });

  it('plays musical typing from the home row, but not while typing in a text box', async () => {
    const before = (await play(page)).notesPlayed;
    await page.getByTestId('play-legend').click();
    await page.keyboard.down('a');
    await page.waitForFunction(() => (window as unknown as { __innerchordPlay: PlayDebug }).__innerchordPlay.level > 0.001, undefined, { timeout: 10_000 });
    await page.keyboard.up('a');
    await page.keyboard.press('x'); // octave up: the legend says so
    await page.getByTestId('play-legend').filter({ hasText: 'Octave 5' }).waitFor();
    await page.keyboard.press('z');
    expect((await play(page)).notesPlayed).toBe(before + 1);
    await page.locator('#composer').fill('');
    await page.locator('#composer').pressSequentially('asdf');
    await expect(page.locator('#composer').inputValue()).resolves.toBe('asdf');
    expect((await play(page)).notesPlayed).toBe(before + 1);
    await page.locator('#composer').fill('');
  });

  it('follows a chord: the jam takes it at the next barline', async () => {
    await page.getByTestId('jam-play').click();
    await page.waitForFunction(() => (window as unknown as { __innerchordJam: JamDebug }).__innerchordJam.running, undefined, { timeout: 15_000 });
    await page.getByTestId('play-follow').click();
    const swaps = (await jam(page)).swaps;
    // Early in a bar, so "the next barline" is not in doubt.
    const start = (Math.floor((await jam(page)).tick / BAR) + 1) * BAR;
    await untilTick(page, start + 60);
    const sent = (await jam(page)).tick;
    expect(sent - start).toBeLessThan(BAR / 2);
    for (const p of [57, 60, 64]) await key(page, [0x90, p, 90]);
    await page.getByTestId('play-readout').filter({ hasText: 'You play Am' }).waitFor({ timeout: 5_000 });
    await page.waitForFunction((n) => (window as unknown as { __innerchordJam: JamDebug }).__innerchordJam.swaps > n, swaps, { timeout: 15_000 });
    expect((await jam(page)).lastSwapTick).toBe(start + BAR);
    expect((await jam(page)).swaps).toBe(swaps + 1);
    for (const p of [57, 60, 64]) await key(page, [0x80, p, 0]);
    await page.getByTestId('play-follow').click();
  }, 60_000);

  it('answers a phrase on the next phrase boundary, with as many notes, on the jam clock', async () => {
    await page.getByTestId('play-respond').click();
    const before = await play(page);
    const start = (Math.floor((await jam(page)).tick / BAR) + 1) * BAR;
    await untilTick(page, start);
    // A three-note call, a sixteenth-ish each, early in the bar; then silence.
    for (const p of [67, 65, 64]) {
      const t = (await jam(page)).tick;
      await key(page, [0x90, p, 80]);
      await untilTick(page, t + 120);
      await key(page, [0x80, p, 0]);
    }
    await page.waitForFunction((n) => (window as unknown as { __innerchordPlay: PlayDebug }).__innerchordPlay.answers.length > n, before.answers.length, { timeout: 20_000 });
    const after = await play(page);
    const answer = after.answers.at(-1)!;
    const call = after.performance.slice(-3);
    expect(call.map((n) => n.pitch)).toEqual([67, 65, 64]);
    // The rest is complete a beat after the call's last note ends; the answer starts on the first barline from there.
    const end = Math.max(...call.map((n) => n.start + n.duration));
    expect(answer.restAt).toBe(end + BEAT);
    // The rest was noticed within the bar, at a step not yet past the next barline (the call ended early in its bar) …
    expect(answer.earliest - answer.restAt).toBeLessThan(BAR);
    // … and the answer starts on the first barline from there that the voices had not yet been handed.
    expect(answer.at).toBe(Math.ceil(Math.max(answer.restAt, answer.earliest) / BAR) * BAR);
    expect(answer.notes).toBe(3);
    // And the jam really started those notes there, on its own clock.
    await page.waitForFunction((at) => (window as unknown as { __innerchordJam: JamDebug }).__innerchordJam.extraStarts.filter((t) => t >= at).length >= 3, answer.at, { timeout: 20_000 });
    const starts = (await jam(page)).extraStarts.filter((t) => t >= answer.at);
    expect(starts[0]).toBe(answer.at);
    expect(starts.map((t) => t - answer.at)).toEqual(call.map((n) => n.start - call[0]!.start));
    await page.getByTestId('play-respond').click();
  }, 90_000);

  it('sets the loop tempo from taps on Tap tempo (keyboard), at a barline', async () => {
    const tempo = await page.evaluate(() => Number(/(\d+) bpm/.exec(document.querySelector('[data-testid="jam-readout"]')?.textContent ?? '')?.[1]));
    const swaps = (await jam(page)).swaps;
    await page.getByTestId('play-tap').focus();
    // Five taps a beat apart on the jam's own clock: the median gap is the jam's beat.
    for (let i = 0; i < 5; i++) {
      const t = (await jam(page)).tick;
      await page.keyboard.press('Enter');
      if (i < 4) await untilTick(page, t + BEAT);
    }
    const readout = await page.getByTestId('play-readout').textContent();
    const tapped = Number(/(\d+) bpm/.exec(readout ?? '')?.[1]);
    expect(Math.abs(tapped - tempo) / tempo).toBeLessThan(0.15);
    await page.waitForFunction((n) => (window as unknown as { __innerchordJam: JamDebug }).__innerchordJam.swaps > n, swaps, { timeout: 15_000 });
    expect((await jam(page)).lastSwapTick! % BAR).toBe(0);
    await page.getByTestId('jam-readout').filter({ hasText: `${tapped} bpm` }).waitFor({ timeout: 10_000 });
  }, 60_000);

  it('records the played line in a take, plays it again on replay, and offers it to the song', async () => {
    await page.getByTestId('take-record').click();
    await page.waitForFunction(() => (window as unknown as { __innerchordTakes?: { recording: boolean } }).__innerchordTakes?.recording === true);
    const origin = await page.evaluate(() => (window as unknown as { __innerchordTakes: { origin: number } }).__innerchordTakes.origin);
    await untilTick(page, origin + BAR);
    for (const p of [60, 62, 64, 65]) {
      const t = (await jam(page)).tick;
      await key(page, [0x90, p, 100]);
      await untilTick(page, t + 240);
      await key(page, [0x80, p, 0]);
    }
    const played = (await play(page)).performance.slice(-4);
    await page.getByTestId('take-record').click();
    await page.getByTestId('take-status').filter({ hasText: /^Saved Take 1/ }).waitFor({ timeout: 15_000 });
    const { takes } = (await (await fetch(`${app.url}/api/versions/${versionId}/takes`)).json()) as { takes: { take: { played?: { pitch: number; start: number; duration: number }[] } }[] };
    const line = takes[0]!.take.played!;
    // Exactly the notes played, on the take's own ticks (from its first barline).
    expect(line.map((n) => [n.pitch, n.start, n.duration])).toEqual(played.map((n) => [n.pitch, n.start - origin, n.duration]));
    await page.getByTestId('line-capture').filter({ hasText: 'Your line in this take: 4 notes' }).waitFor();
    // Replay starts the jam from the top and hands the line back to the voices at its ticks.
    await page.getByTestId('take-replay').click();
    await page.waitForFunction((ticks) => {
      const started = (window as unknown as { __innerchordJam: JamDebug }).__innerchordJam.extraStarts;
      return ticks.every((t) => started.includes(t));
    }, line.map((n) => n.start), { timeout: 30_000 });
    await page.getByTestId('take-replay').click();
    const spec = (await (await fetch(`${app.url}/api/openapi.json`)).json()) as { paths: Record<string, unknown> };
    if (!spec.paths['/api/versions/{vid}/melody']) {
      console.warn('play e2e: the melody route is not on this branch; the line is offered but not sent');
      return;
    }
    await page.getByTestId('line-use').click();
    await page.getByTestId('line-status').filter({ hasText: /^Saved as v2$/ }).waitFor({ timeout: 20_000 });
    const { versions } = (await (await fetch(`${app.url}/api/songs/${songId}/versions`)).json()) as { versions: { id: string; number: number }[] };
    const v2 = (await (await fetch(`${app.url}/api/versions/${versions.find((v) => v.number === 2)!.id}`)).json()) as { params: { givenMelody?: { use: string; notes: { pitch: number }[] } } };
    expect(v2.params.givenMelody?.use).toBe('whole');
    expect(v2.params.givenMelody?.notes.map((n) => n.pitch)).toEqual([60, 62, 64, 65]);
  }, 90_000);

  it('opens the performance view with large controls, sends MIDI clock from it, and leaves on Escape', async () => {
    await page.getByTestId('play-stage').click();
    const stage = page.getByTestId('play-stage-view');
    await stage.waitFor();
    await page.getByRole('button', { name: 'Send MIDI clock' }).click();
    const from = (await jam(page)).tick;
    await untilTick(page, from + BAR);
    const sent = await page.evaluate(() => (window as unknown as { __midiSent: { bytes: number[]; ts: number }[] }).__midiSent);
    const clocks = sent.filter((m) => m.bytes[0] === 0xf8);
    expect(sent.some((m) => m.bytes[0] === 0xfa)).toBe(true);
    // 24 a quarter note: a bar of 4/4 is 96 (the ones queued ahead of the bar included).
    expect(clocks.length).toBeGreaterThanOrEqual(90);
    for (let i = 1; i < clocks.length; i++) expect(clocks[i]!.ts).toBeGreaterThanOrEqual(clocks[i - 1]!.ts);
    const box = await page.getByRole('button', { name: 'Follow me' }).last().boundingBox();
    expect(box!.height).toBeGreaterThanOrEqual(60);
    await screenshot(page, 'play-stage');
    expect(await axeViolations(page, '[data-testid="play-stage-view"]')).toEqual([]);
    // Every control is a button reached with Tab, inside the view.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => !!document.activeElement?.closest('[data-testid="play-stage-view"]') && document.activeElement?.tagName)).toBe('BUTTON');
    await page.keyboard.press('Escape');
    await stage.waitFor({ state: 'detached' });
    await page.getByTestId('jam-play').click();
    await page.waitForFunction(() => !(window as unknown as { __innerchordJam: JamDebug }).__innerchordJam.running);
    expect(errors).toEqual([]);
  }, 60_000);
});
