/**
 * Jam mode, MIDI out and WAV download in a real browser: open Jam on a song's version, start the
 * loop, move the pad with the keyboard and see the loop regenerate at the next barline (one swap
 * for a burst of moves), capture a journal version, download a WAV, and find no MIDI outputs
 * without console errors; then record a take of pad moves, reload, replay it (the same swaps on
 * the same bars) and capture a moment of it. Needs the built web/dist and /usr/bin/chromium.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { takeSwaps, type JamTake } from '../../music/jam/take.ts';
import { expectEveryNoteLetGo, fakeMidiPage, sendToTestSynth, waitForAllNotesOff, waitForAllParts } from '../support/midi.ts';
import { ARTIFACTS, browserSkipReason, launchBrowser, openPage, screenshot, startApp, type OpenedPage, type RunningApp } from '../support/browser.ts';

const skip = browserSkipReason();
if (skip) console.warn(`jam e2e: ${skip}`);

const PARAMS = {
  valence: -0.2,
  arousal: 0.1,
  key: 'D',
  mode: 'minor',
  tempo: 120,
  meter: '4/4',
  sections: [
    { name: 'verse', bars: 4, energy: 0.5 },
    { name: 'chorus', bars: 4, energy: 0.8 },
  ],
};
const BAR = 1920;
const AXE = fileURLToPath(new URL('../../node_modules/axe-core/axe.min.js', import.meta.url));

interface JamDebug {
  running: boolean;
  swaps: number;
  lastSwapTick: number | null;
  swapTicks: number[];
  bars: number;
  notesStarted: number;
  tick: number;
  audioTime: number;
  loopId: number;
  point: { valence: number; arousal: number };
}

function jam(page: Page): Promise<JamDebug> {
  return page.evaluate(() => {
    const d = (window as unknown as { __innerchordJam?: JamDebug }).__innerchordJam;
    if (!d) throw new Error('no jam on the page');
    return { running: d.running, swaps: d.swaps, lastSwapTick: d.lastSwapTick, swapTicks: [...d.swapTicks], bars: d.bars, notesStarted: d.notesStarted, tick: d.tick, audioTime: d.audioTime, loopId: d.loopId, point: d.point };
  });
}

describe.skipIf(skip !== null)('jam mode in Chromium', () => {
  let app: RunningApp;
  let browser: Browser;
  let opened: OpenedPage;
  let songId: string;

  beforeAll(async () => {
    app = await startApp();
    browser = await launchBrowser();
    const post = async (path: string, body: unknown) =>
      (await (await fetch(app.url + path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })).json()) as { id: string };
    songId = (await post('/api/songs', { title: 'Jam test' })).id;
    await post(`/api/songs/${songId}/versions`, { params: PARAMS, seed: 5, request: 'first sketch' });
    opened = await openPage(browser, `${app.url}/#/songs/${songId}`);
    await opened.context.grantPermissions(['midi'], { origin: app.url });
    await opened.page.getByTestId('play').waitFor({ timeout: 15_000 });
  }, 90_000);

  afterAll(async () => {
    await opened?.context.close();
    await browser?.close();
    await app?.close();
  });

  it('opens jam on the version and starts a looping four bars', async () => {
    const { page } = opened;
    await page.getByTestId('open-jam').click();
    await page.getByTestId('jam-panel').waitFor({ timeout: 15_000 });
    expect((await jam(page)).point).toEqual({ valence: -0.2, arousal: 0.1 });
    await page.getByTestId('jam-play').click();
    await page.waitForFunction(() => ((window as unknown as { __innerchordJam: JamDebug }).__innerchordJam.bars >= 2), undefined, { timeout: 15_000 });
    const d = await jam(page);
    expect(d.running).toBe(true);
    expect(d.notesStarted).toBeGreaterThan(0);
    expect(d.swaps).toBe(0);
  });

  it('regenerates the loop at the next barline after a burst of arrow-key moves: one swap, to the last point', async () => {
    const { page } = opened;
    const pad = page.getByTestId('jam-pad');
    await pad.focus();
    const before = await jam(page);
    for (const key of ['ArrowRight', 'ArrowRight', 'ArrowRight', 'ArrowUp', 'ArrowRight', 'ArrowUp']) await pad.press(key);
    const moved = await jam(page);
    expect(moved.point).toEqual({ valence: 0.2, arousal: 0.3 });
    await page.waitForFunction(() => ((window as unknown as { __innerchordJam: JamDebug }).__innerchordJam.swaps >= 1), undefined, { timeout: 10_000 });
    // A whole bar later (by the jam's own clock), still exactly one swap: the burst collapsed into one change.
    await page.waitForFunction((t) => (window as unknown as { __innerchordJam: JamDebug }).__innerchordJam.tick >= t, moved.tick + BAR, { timeout: 15_000 });
    const after = await jam(page);
    expect(after.swaps).toBe(1);
    expect(after.lastSwapTick! % BAR).toBe(0);
    expect(after.lastSwapTick!).toBeGreaterThan(before.tick - BAR);
    expect(after.lastSwapTick! - moved.tick).toBeLessThanOrEqual(BAR);
    expect(after.loopId).toBeGreaterThan(before.loopId);
    // The readout follows the counters on its own poll: wait for it to show the swap.
    await page.getByTestId('jam-readout').filter({ hasText: /changes 1\b/ }).waitFor({ timeout: 15_000 });
    await screenshot(page, 'jam-playing');
  });

  it('has no serious or critical axe violations in the jam panel and the tools bar', async () => {
    const { page } = opened;
    // Evaluated rather than added as a <script>: the app's CSP rightly refuses inline scripts.
    await page.evaluate(readFileSync(AXE, 'utf8'));
    const violations = await page.evaluate(async () => {
      const axe = (window as unknown as { axe: { run(ctx: unknown): Promise<{ violations: { id: string; impact: string; nodes: unknown[] }[] }> } }).axe;
      const result = await axe.run({ include: [['[data-testid="jam-panel"]'], ['[aria-label="More with this sketch"]']] });
      return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id} (${v.nodes.length})`);
    });
    expect(violations).toEqual([]);
  });

  it('draws the jam panel in the dark theme too (a screenshot for a person to look at)', async () => {
    // The theme follows prefers-color-scheme in CSS alone, so the open page switches in place
    // (a second page would load the whole app again: ~10 s of a loaded CI machine).
    const { page } = opened;
    await page.emulateMedia({ colorScheme: 'dark' });
    try {
      await expect.poll(() => page.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches)).toBe(true);
      await page.getByTestId('jam-panel').screenshot({ path: `${ARTIFACTS}/jam-panel-dark.png` });
    } finally {
      await page.emulateMedia({ colorScheme: 'light' });
    }
    expect(opened.errors).toEqual([]);
  });

  it('moves with the labelled sliders too', async () => {
    const { page } = opened;
    await page.getByLabel('Arousal (calm → excited)').fill('-0.5');
    expect((await jam(page)).point.arousal).toBe(-0.5);
  });

  it('captures the moment as a new journal version', async () => {
    const { page } = opened;
    await page.getByTestId('jam-capture').click();
    await page.getByTestId('jam-saved').filter({ hasText: /^Saved as v2$/ }).waitFor({ timeout: 15_000 });
    const { versions } = (await (await fetch(`${app.url}/api/songs/${songId}/versions`)).json()) as { versions: { id: string; number: number; request: string; valence: number; arousal: number }[] };
    expect(versions.map((v) => v.number)).toEqual([1, 2]);
    expect(versions[1]).toMatchObject({ request: 'jam capture (valence 0.2, arousal -0.5)', valence: 0.2, arousal: -0.5 });
    // The capture is the whole song (every section, its full length), not the 4-bar jam loop.
    type Full = { params: { sections: { name: string; bars: number }[] }; sketch: { totalTicks: number } };
    const [v1, v2] = await Promise.all(versions.map(async (v) => (await (await fetch(`${app.url}/api/versions/${v.id}`)).json()) as Full));
    expect(v2!.params.sections.map((s) => [s.name, s.bars])).toEqual(v1!.params.sections.map((s) => [s.name, s.bars]));
    expect(v2!.sketch.totalTicks).toBe(v1!.sketch.totalTicks);
    expect((await jam(page)).running).toBe(true); // capturing does not stop the music
  });

  it('stops the jam when the sketch player plays, and stops on its own button', async () => {
    const { page } = opened;
    await page.getByTestId('jam-play').click();
    await page.waitForFunction(() => !(window as unknown as { __innerchordJam: JamDebug }).__innerchordJam.running);
    const stopped = await jam(page);
    // Half a second of the audio clock after the stop (longer than the sixteenth notes are queued ahead).
    await page.waitForFunction((t) => (window as unknown as { __innerchordJam: JamDebug }).__innerchordJam.audioTime >= t, stopped.audioTime + 0.5, { timeout: 15_000 });
    // Notes are queued a sixteenth at a time, so nothing of the stopped bar plays on.
    expect((await jam(page)).bars).toBe(stopped.bars);
    expect((await jam(page)).notesStarted).toBe(stopped.notesStarted);
    await page.getByTestId('jam-play').click();
    await page.waitForFunction(() => (window as unknown as { __innerchordJam: JamDebug }).__innerchordJam.running);
    await page.getByTestId('play').click();
    await page.waitForFunction(() => !(window as unknown as { __innerchordJam: JamDebug }).__innerchordJam.running, undefined, { timeout: 5_000 });
    // The sketch player found the Transport free: it plays from its top, and the jam stays quiet.
    await page.waitForFunction(() => (window as unknown as { __innerchordPlayer?: { status: string } }).__innerchordPlayer?.status === 'playing', undefined, { timeout: 15_000 });
    const jamBars = (await jam(page)).bars;
    // Let the sketch player get into its first bar (its own clock, not the wall clock).
    await page.waitForFunction((t) => ((window as unknown as { __innerchordPlayer: { tick: number } }).__innerchordPlayer.tick ?? 0) >= t, BAR / 2, { timeout: 15_000 });
    const player = await page.evaluate(() => (window as unknown as { __innerchordPlayer: { tick: number; scheduledCount: number } }).__innerchordPlayer);
    expect(player.tick).toBeGreaterThan(0);
    expect(player.tick).toBeLessThan(2 * BAR);
    expect(player.scheduledCount).toBeGreaterThan(0);
    expect((await jam(page)).bars).toBe(jamBars);
    await page.getByTestId('play').click();
  });

  it('downloads the version as <title>-v<N>.wav after a progress bar', async () => {
    const { page } = opened;
    await page.getByTestId('open-wav').click();
    const button = page.getByRole('button', { name: 'Download WAV' });
    const [download] = await Promise.all([
      page.waitForEvent('download', { timeout: 30_000 }),
      page.getByRole('progressbar', { name: 'Rendering the WAV' }).waitFor({ state: 'attached', timeout: 30_000 }),
      button.click(),
    ]);
    await expect(page.getByTestId('wav-download').getByRole('status').textContent()).resolves.toBe('Saved Jam-test-v1.wav');
    expect(download.suggestedFilename()).toBe('Jam-test-v1.wav');
    const stream = await download.createReadStream();
    const chunks: Buffer[] = [];
    for await (const c of stream) chunks.push(c as Buffer);
    const bytes = Buffer.concat(chunks);
    expect(bytes.subarray(0, 4).toString('ascii')).toBe('RIFF');
    expect(bytes.subarray(8, 12).toString('ascii')).toBe('WAVE');
    // 8 bars at 120 bpm is 16 s, plus the release tail: well over 16 s of 16-bit stereo.
    expect(bytes.byteLength).toBeGreaterThan(16 * 44_100 * 4);
  });

  it('says clearly when there is no MIDI output to send to', async () => {
    const { page } = opened;
    await page.getByRole('button', { name: 'Send to MIDI device' }).click();
    await page.getByRole('button', { name: 'Find MIDI devices' }).click();
    const panel = page.getByTestId('midi-panel');
    await expect(panel.locator('[role="status"], [role="alert"]').first().textContent({ timeout: 10_000 })).resolves.toMatch(/No MIDI outputs found|MIDI/);
  });

  it('logged no console errors', () => {
    expect(opened.errors).toEqual([]);
  });

  it('records a take with the keyboard, keeps it over a reload, replays it on the same bars and captures a moment of it', async () => {
    const post = async (path: string, body: unknown) =>
      (await (await fetch(app.url + path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })).json()) as { id: string };
    const song = (await post('/api/songs', { title: 'Take test' })).id;
    const vid = (await post(`/api/songs/${song}/versions`, { params: PARAMS, seed: 5, request: 'first sketch' })).id;
    const takesPage = await openPage(browser, `${app.url}/#/songs/${song}`);
    const { page } = takesPage;
    const debug = () => page.evaluate(() => {
      const w = window as unknown as { __innerchordJam: JamDebug; __innerchordTakes: { recording: boolean; replaying: boolean; origin: number | null } };
      return { jam: { ...w.__innerchordJam, swapTicks: [...w.__innerchordJam.swapTicks], point: w.__innerchordJam.point }, takes: { recording: w.__innerchordTakes.recording, replaying: w.__innerchordTakes.replaying, origin: w.__innerchordTakes.origin } };
    });
    try {
      await page.getByTestId('open-jam').click({ timeout: 15_000 });
      await page.getByTestId('jam-panel').waitFor({ timeout: 15_000 });
      // Record starts the jam too; all by keyboard.
      await page.getByRole('button', { name: 'Record', exact: true }).focus();
      await page.keyboard.press('Enter');
      await page.waitForFunction(() => (window as unknown as { __innerchordTakes: { recording: boolean } }).__innerchordTakes.recording, undefined, { timeout: 15_000 });
      const pad = page.getByTestId('jam-pad');
      // Each move waits for the previous one to land at its barline (a condition, not a sleep): on a
      // busy machine the audio clock may lag, and two moves inside one bar would make one swap.
      const swapsNow = async () => (await debug()).jam.swaps;
      for (const keys of [['ArrowRight', 'ArrowRight'], ['ArrowUp', 'ArrowUp', 'ArrowUp'], ['Shift+ArrowLeft']]) {
        const before = await swapsNow();
        await pad.focus();
        for (const key of keys) await pad.press(key);
        await page.waitForFunction((n) => (window as unknown as { __innerchordJam: JamDebug }).__innerchordJam.swaps > n, before, { timeout: 30_000 });
      }
      const live = await debug();
      await page.getByRole('button', { name: 'Stop recording' }).focus();
      await page.keyboard.press('Enter');
      await page.getByTestId('take-status').filter({ hasText: /^Saved/ }).waitFor({ timeout: 10_000 });
      await expect(page.getByTestId('take-status').textContent()).resolves.toMatch(/^Saved Take 1: \d+ bars, \d+ changes?\.$/);
      const { takes } = (await (await fetch(`${app.url}/api/versions/${vid}/takes`)).json()) as { takes: { name: string; take: JamTake }[] };
      expect(takes.map((t) => t.name)).toEqual(['Take 1']);
      const take = takes[0]!.take;
      const expected = takeSwaps(take).map((s) => s.barTick);
      // The take says exactly what was heard live: the same swaps, counted from its first barline.
      const origin = live.takes.origin!;
      expect(live.jam.swapTicks.filter((t) => t > origin).map((t) => t - origin)).toEqual(expected);
      expect(expected.length).toBeGreaterThanOrEqual(2);

      await page.reload();
      await page.getByTestId('open-jam').click({ timeout: 15_000 });
      await page.getByTestId('take-select').locator('option').first().filter({ hasText: /^Take 1 · \d+ bars$/ }).waitFor({ state: 'attached', timeout: 15_000 });
      await page.getByTestId('take-replay').focus();
      await page.keyboard.press('Enter');
      await page.waitForFunction(() => (window as unknown as { __innerchordTakes: { replaying: boolean } }).__innerchordTakes.replaying, undefined, { timeout: 15_000 });
      await page.waitForFunction(() => !(window as unknown as { __innerchordTakes: { replaying: boolean } }).__innerchordTakes.replaying, undefined, { timeout: 60_000 });
      const replayed = await debug();
      expect(replayed.jam.swapTicks).toEqual(expected);
      expect(replayed.jam.running).toBe(false);
      const last = take.points.at(-1)!;
      expect(replayed.jam.point).toEqual({ valence: last.valence, arousal: last.arousal });
      await expect(page.getByTestId('take-status').textContent()).resolves.toBe('Replayed Take 1.');

      // Step to the take's last moment with the keyboard and keep it as a version.
      await page.getByTestId('take-moment').focus();
      await page.keyboard.press('End');
      await expect(page.getByTestId('take-moment-text').textContent()).resolves.toMatch(/^bar \d+, beat \d+: /);
      await page.getByTestId('take-capture').click();
      await page.getByTestId('jam-saved').filter({ hasText: /^Saved as v2$/ }).waitFor({ timeout: 15_000 });
      const { versions } = (await (await fetch(`${app.url}/api/songs/${song}/versions`)).json()) as { versions: { request: string; valence: number; arousal: number }[] };
      expect(versions[1]).toMatchObject({ valence: last.valence, arousal: last.arousal });
      expect(versions[1]!.request).toMatch(new RegExp(`^jam capture \\(valence ${last.valence}, arousal ${last.arousal}\\) from Take 1, bar \\d+, beat \\d+$`));
      await screenshot(page, 'jam-takes');

      // Rename the take in place (Enter saves), then delete it (after the confirmation).
      await page.getByTestId('take-rename').click();
      await page.getByTestId('take-name').fill('where it lifts');
      await page.keyboard.press('Enter');
      // Wait for the renamed option to appear (the rename is a request): textContent alone would race it.
      await page.getByTestId('take-select').filter({ hasText: 'where it lifts' }).waitFor({ timeout: 15_000 });
      const takesUrl = `${app.url}/api/versions/${vid}/takes`;
      const named = (await (await fetch(takesUrl)).json()) as { takes: { name: string }[] };
      expect(named.takes.map((x) => x.name)).toEqual(['where it lifts']);
      await page.getByTestId('take-delete').click();
      await page.getByRole('dialog').getByRole('button', { name: 'Delete take' }).click();
      await page.getByTestId('take-status').filter({ hasText: /^Deleted where it lifts\.$/ }).waitFor({ timeout: 15_000 });
      expect(((await (await fetch(takesUrl)).json()) as { takes: unknown[] }).takes).toEqual([]);
      expect(takesPage.errors).toEqual([]);
    } finally {
      await takesPage.context.close();
    }
  }, 150_000);

  it('sends the sketch to a MIDI output in step with Play, and lets every note go on Stop', async () => {
    const { context, page, errors } = await fakeMidiPage(browser);
    try {
      await sendToTestSynth(page, `${app.url}/#/songs/${songId}`);
      await page.getByTestId('play').click();
      await page.waitForFunction(() => (window as unknown as { __innerchordPlayer?: { status: string } }).__innerchordPlayer?.status === 'playing', undefined, { timeout: 15_000 });
      await waitForAllParts(page);
      await page.getByTestId('play').click();
      await waitForAllNotesOff(page);
      await expectEveryNoteLetGo(page);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
    // Its waits are on conditions (up to 30 s for every part: a quiet intro now rests the drums, so
    // the drum channel first sounds in the verse); the test's own budget must cover them.
  }, 90_000);

  it('sends the jam loop to the MIDI output too, through a swap, and lets every note go on Stop jam', async () => {
    const { context, page, errors } = await fakeMidiPage(browser);
    try {
      await sendToTestSynth(page, `${app.url}/#/songs/${songId}`);
      await page.getByTestId('open-jam').click();
      await page.getByTestId('jam-play').click({ timeout: 15_000 });
      await page.waitForFunction(() => (window as unknown as { __innerchordJam: JamDebug }).__innerchordJam.bars >= 2, undefined, { timeout: 15_000 });
      const pad = page.getByTestId('jam-pad');
      await pad.focus();
      for (const key of ['Shift+ArrowUp', 'Shift+ArrowRight']) await pad.press(key);
      await page.waitForFunction(() => (window as unknown as { __innerchordJam: JamDebug }).__innerchordJam.swaps >= 1, undefined, { timeout: 15_000 });
      const swapped = await jam(page);
      await page.waitForFunction((bars) => (window as unknown as { __innerchordJam: JamDebug }).__innerchordJam.bars >= bars + 1, swapped.bars, { timeout: 15_000 });
      await page.getByTestId('jam-play').click();
      await waitForAllNotesOff(page);
      const sent = await expectEveryNoteLetGo(page);
      // The sketch player never played: everything sent came from the jam loop, before and after the swap.
      expect(sent.filter((m) => (m.bytes[0]! & 0xf0) === 0x90).length).toBeGreaterThan(16);
      expect(sent.filter((m) => (m.bytes[0]! & 0xf0) === 0xc0).map((m) => m.bytes[0])).toEqual([0xc0, 0xc1, 0xc2]);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  }, 90_000);
});
