/**
 * Sing it in a real browser: Chromium's fake microphone plays a synthesised hum
 * (--use-file-for-fake-audio-capture), the page records it only after Record is pressed, finds its
 * notes in a worker, shows them on the piano roll, lets them be corrected (delete, drag), and makes
 * a version built around them whose Melody track holds exactly the notes on the roll.
 * Needs the built web/dist and /usr/bin/chromium; otherwise skipped.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser } from 'playwright-core';
import { encodeWav } from '../../music/render/wav.ts';
import type { Sketch } from '../../music/sketch.ts';
import { synthesizeHum, VOICES } from '../../music/transcribe/hum.ts';
import { scoreTranscription } from '../../music/transcribe/score.ts';
import { axeViolations, browserSkipReason, CHROMIUM, openPage, startApp, type OpenedPage, type RunningApp } from '../support/browser.ts';

const skip = browserSkipReason();
if (skip) console.warn(`capture e2e: ${skip}`);

const SEED = 4242;
const hum = synthesizeHum({ seed: SEED, voice: VOICES[3]!, tempo: 100, key: 'G', mode: 'major', notes: 10, sampleRate: 48000 });
const tuneSeconds = hum.samples.length / hum.sampleRate;

interface RollNote {
  pitch: number;
  start: number;
}

describe.skipIf(skip !== null)('Sing it in Chromium: a fake microphone becomes notes on the page', () => {
  let app: RunningApp;
  let browser: Browser;
  let opened: OpenedPage;
  let songId = '';

  beforeAll(async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'innerchord-capture-'));
    const wav = path.join(dir, 'hum.wav');
    writeFileSync(wav, encodeWav({ numberOfChannels: 1, sampleRate: hum.sampleRate, length: hum.samples.length, getChannelData: () => hum.samples }));
    app = await startApp();
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        '--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync',
        '--autoplay-policy=no-user-gesture-required',
        '--use-fake-device-for-media-stream',
        '--use-fake-ui-for-media-stream',
        // %noloop: the hum plays once from when the page opens the microphone, then silence.
        `--use-file-for-fake-audio-capture=${wav}%noloop`,
      ],
    });
    const post = async (p: string, body: unknown) =>
      (await (await fetch(app.url + p, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })).json()) as { id: string; sketch: Sketch };
    songId = (await post('/api/songs', { title: 'Hummed' })).id;
    await post(`/api/songs/${songId}/versions`, { params: { key: 'G', mode: 'major', tempo: 100, sections: [{ name: 'verse', bars: 4 }, { name: 'chorus', bars: 4 }] }, seed: 2, request: 'first sketch' });
    opened = await openPage(browser, `${app.url}/#/songs/${songId}`);
    // Count microphone requests from the very first script on the page.
    await opened.page.addInitScript(() => {
      const w = window as unknown as { __micAsks: number };
      w.__micAsks = 0;
      const original = navigator.mediaDevices.getUserMedia.bind(navigator.mediaDevices);
      navigator.mediaDevices.getUserMedia = (c) => (w.__micAsks++, original(c));
    });
    await opened.page.reload();
  }, 90_000);

  afterAll(async () => {
    await opened?.context.close();
    await browser?.close();
    await app?.close();
  });

  it('asks for the microphone only on Record, hears the hum as notes, takes corrections and builds a version around them', async () => {
    const { page } = opened;
    await page.getByTestId('open-sing').waitFor({ timeout: 20_000 });
    await page.getByTestId('open-sing').click();
    const panel = page.getByTestId('capture-panel');
    await panel.waitFor({ timeout: 20_000 });
    await expect(panel.textContent()).resolves.toContain('the sound stays on this computer');
    expect(await page.evaluate(() => (window as unknown as { __micAsks: number }).__micAsks)).toBe(0);

    await page.getByTestId('capture-record').click();
    await page.getByTestId('capture-stop').waitFor({ timeout: 20_000 });
    expect(await page.evaluate(() => (window as unknown as { __micAsks: number }).__micAsks)).toBe(1);
    // Wait on the recording's own length: the whole hum and half a second of the silence after it.
    await page.waitForFunction((s) => ((window as unknown as { __innerchordCapture?: { recordedSeconds?: number } }).__innerchordCapture?.recordedSeconds ?? 0) > s, tuneSeconds + 0.5, { timeout: 60_000, polling: 100 });
    await page.getByTestId('capture-stop').click();
    await page.getByTestId('capture-heard').waitFor({ timeout: 60_000 });

    const readRoll = () => page.getByTestId('capture-note').evaluateAll((els) => els.map((e) => ({ pitch: Number(e.getAttribute('data-pitch')), start: Number(e.getAttribute('data-start')) })));
    const heard: RollNote[] = await readRoll();
    const score = scoreTranscription(hum.notes, heard.map((n) => ({ ...n, duration: 1, velocity: 1 })), 60);
    const why = `seed ${SEED}: ${JSON.stringify(score)} heard ${JSON.stringify(heard)}`;
    expect(score.pitchesInOrder / score.reference, why).toBeGreaterThanOrEqual(0.9);
    expect(score.extra / score.reference, why).toBeLessThanOrEqual(0.2);
    expect(await axeViolations(page), 'Sing it panel with the roll').toEqual([]);
    const timing = await page.evaluate(() => (window as unknown as { __innerchordCapture: { ms: number; seconds: number } }).__innerchordCapture);
    console.log(`capture e2e: Chromium transcribed ${timing.seconds.toFixed(1)} s of audio in ${timing.ms.toFixed(0)} ms (${(timing.ms / timing.seconds).toFixed(1)} ms per second of audio)`);

    // Delete the last note from the keyboard, then drag the first one up a semitone.
    await page.getByTestId('capture-note').last().focus();
    await page.keyboard.press('Delete');
    await page.waitForFunction((n) => document.querySelectorAll('[data-testid="capture-note"]').length === n, heard.length - 1);
    const first = page.getByTestId('capture-note').first();
    // The mouse works in viewport coordinates: bring the note on screen first.
    await first.scrollIntoViewIfNeeded();
    const box = (await first.boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2 - 12, { steps: 4 });
    await page.mouse.up();
    await page.waitForFunction((p) => document.querySelector('[data-testid="capture-note"]')?.getAttribute('data-pitch') === String(p), heard[0]!.pitch + 1);
    const corrected = await readRoll();
    expect(corrected.map((n) => n.pitch)).toEqual([heard[0]!.pitch + 1, ...heard.slice(1, -1).map((n) => n.pitch)]);

    await page.getByTestId('capture-use-whole').click();
    const versions = async () => ((await (await fetch(`${app.url}/api/songs/${songId}/versions`)).json()) as { versions: unknown[] }).versions.length;
    await expect.poll(versions, { timeout: 60_000, interval: 200 }).toBe(2);
    const list = (await (await fetch(`${app.url}/api/songs/${songId}/versions`)).json()) as { versions: { id: string; request: string }[] };
    const v2 = (await (await fetch(`${app.url}/api/versions/${list.versions[1]!.id}`)).json()) as { sketch: Sketch; request: string };
    expect(v2.request).toMatch(/as the whole melody/);
    const melody = v2.sketch.tracks.find((t) => t.id === 'melody')!.notes;
    const base = corrected[0]!.start;
    expect(melody.map((n) => [n.pitch, n.start - melody[0]!.start])).toEqual([...corrected].sort((a, b) => a.start - b.start || a.pitch - b.pitch).map((n) => [n.pitch, n.start - base]));
    expect(opened.errors).toEqual([]);
  }, 180_000);
});
