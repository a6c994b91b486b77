/**
 * WAV export in a real browser, as the musician hears it: the version is rendered from the
 * player's own General MIDI bank (the sketch's subset, spessasynth_core in the page), or — when
 * the bank cannot load — by the player's synthesised fallback in a Tone.js OfflineContext. Proves
 * the file is a well-formed 44.1 kHz stereo WAV exactly as long as the song plus its release
 * tail, that it is not silent, that it comes from the bank (and that the fallback's piano needs
 * its samples), and that the progress bar moves forward through several steps to 100%.
 * Needs the built web/dist and /usr/bin/chromium; otherwise skipped.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Download, Page } from 'playwright-core';
import { renderSeconds, songSeconds } from '../../music/render/timing.ts';
import type { Sketch } from '../../music/sketch.ts';
import { browserSkipReason, launchBrowser, openPage, startApp, type OpenedPage, type RunningApp } from '../support/browser.ts';

const skip = browserSkipReason();
if (skip) console.warn(`wav e2e: ${skip}`);

/** Eight bars of 4/4 at 120 bpm (16 s), piano on melody and chords, so the sampler must be used. */
const PARAMS = {
  key: 'G',
  mode: 'major',
  tempo: 120,
  meter: '4/4',
  instruments: { melody: 'piano', chords: 'piano', bass: 'acoustic bass' },
  sections: [
    { name: 'verse', bars: 4, energy: 0.5 },
    { name: 'chorus', bars: 4, energy: 0.8 },
  ],
};
const RATE = 44_100;
const SAMPLES = '/samples/piano/';

interface Wav {
  channels: number;
  sampleRate: number;
  bits: number;
  frames: number;
  pcm: Int16Array;
}

/** Read a canonical PCM WAV (what encodeWav writes), checking every header field on the way. */
function parseWav(bytes: Buffer): Wav {
  expect(bytes.subarray(0, 4).toString('ascii')).toBe('RIFF');
  expect(bytes.readUInt32LE(4)).toBe(bytes.byteLength - 8);
  expect(bytes.subarray(8, 12).toString('ascii')).toBe('WAVE');
  expect(bytes.subarray(12, 16).toString('ascii')).toBe('fmt ');
  expect(bytes.readUInt16LE(20)).toBe(1); // integer PCM
  const channels = bytes.readUInt16LE(22);
  const sampleRate = bytes.readUInt32LE(24);
  const bits = bytes.readUInt16LE(34);
  expect(bytes.readUInt32LE(28)).toBe(sampleRate * channels * (bits / 8));
  expect(bytes.subarray(36, 40).toString('ascii')).toBe('data');
  const dataBytes = bytes.readUInt32LE(40);
  expect(dataBytes).toBe(bytes.byteLength - 44);
  const pcm = new Int16Array(bytes.buffer.slice(bytes.byteOffset + 44, bytes.byteOffset + 44 + dataBytes));
  return { channels, sampleRate, bits, frames: dataBytes / (channels * (bits / 8)), pcm };
}

async function bytesOf(download: Download): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of await download.createReadStream()) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}

/** Root mean square of a stretch of 16-bit samples, as a fraction of full scale. */
function rms(pcm: Int16Array, from = 0, to = pcm.length): number {
  let sum = 0;
  for (let i = from; i < to; i++) sum += (pcm[i]! / 32768) ** 2;
  return Math.sqrt(sum / Math.max(1, to - from));
}

/** Record every value the WAV progress bar shows, from now on, into window.__wavProgress. */
async function recordProgress(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { __wavProgress: number[] };
    w.__wavProgress = [];
    const look = () => {
      const bar = document.querySelector<HTMLProgressElement>('[data-testid="wav-download"] progress');
      const seen = w.__wavProgress;
      if (bar && seen[seen.length - 1] !== bar.value) seen.push(bar.value);
    };
    // Every DOM change (the bar's "NN%" text moves with its value) and a fast poll besides.
    new MutationObserver(look).observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
    setInterval(look, 5);
  });
}

describe.skipIf(skip !== null)('WAV export in Chromium', () => {
  let app: RunningApp;
  let browser: Browser;
  let opened: OpenedPage;
  let sketch: Sketch;

  beforeAll(async () => {
    app = await startApp();
    browser = await launchBrowser();
    const post = async (path: string, body: unknown) =>
      (await (await fetch(app.url + path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })).json()) as { id: string; sketch: Sketch };
    const song = await post('/api/songs', { title: 'Wav test' });
    sketch = (await post(`/api/songs/${song.id}/versions`, { params: PARAMS, seed: 3, request: 'first sketch' })).sketch;
    opened = await openPage(browser, `${app.url}/#/songs/${song.id}`);
    await opened.page.getByTestId('open-wav').waitFor({ timeout: 15_000 });
    await opened.page.getByTestId('open-wav').click();
  }, 90_000);

  afterAll(async () => {
    await opened?.context.close();
    await browser?.close();
    await app?.close();
  });

  it('without the bank falls back to the synthesised voices, which cannot play the piano without its samples, and says so', async () => {
    // A page of its own: the main page already holds the bank it fetched when the sketch arrived.
    const own = await openPage(browser, 'about:blank');
    const { page } = own;
    const refused: string[] = [];
    await page.route('**/soundbank/**', (route) => route.fulfill({ status: 404, contentType: 'application/json', body: '{"error":{"code":"SOUNDBANK_MISSING","message":"no bank"}}' }));
    await page.route(`**${SAMPLES}**`, (route) => {
      refused.push(route.request().url());
      return route.fulfill({ status: 404, body: 'gone' });
    });
    try {
      await page.goto(opened.page.url());
      await page.getByTestId('open-wav').click();
      await page.getByRole('button', { name: 'Download WAV' }).click();
      const alert = page.getByTestId('wav-download').getByRole('alert');
      await expect(alert.textContent({ timeout: 30_000 })).resolves.toMatch(/^The WAV could not be made: Could not load the piano sample .+v10\.mp3 \(404\)\.$/);
      await expect(page.getByTestId('wav-fallback').textContent()).resolves.toMatch(/\(no bank\)/);
      expect(refused.length).toBeGreaterThan(0);
    } finally {
      await own.context.close();
    }
  }, 60_000);

  it('renders the song from the sound bank, as long as the song plus its tail, with a forward-only bar to 100%', async () => {
    const { page } = opened;
    const errorsBefore = opened.errors.length;
    const fetched: string[] = [];
    page.on('requestfinished', (request) => {
      if (new URL(request.url()).pathname.startsWith(SAMPLES)) fetched.push(decodeURIComponent(new URL(request.url()).pathname.slice(SAMPLES.length)));
    });
    await recordProgress(page);
    const warnings: string[] = [];
    page.on('console', (msg) => void (msg.type() === 'warning' && warnings.push(msg.text())));
    const started = Date.now();
    const [download] = await Promise.all([
      page.waitForEvent('download', { timeout: 60_000 }),
      page.getByRole('button', { name: 'Download WAV' }).click(),
    ]);
    const took = (Date.now() - started) / 1000;
    await expect(page.getByTestId('wav-download').getByRole('status').textContent()).resolves.toBe('Saved Wav-test-v1.wav');
    expect(download.suggestedFilename()).toBe('Wav-test-v1.wav');

    // The bank's piano, not the fallback's samples: the sketch's subset bank was fetched, no sample file was.
    expect(fetched).toEqual([]);
    const banks = await page.evaluate(() => performance.getEntriesByType('resource').map((e) => new URL(e.name).pathname).filter((p) => p.startsWith('/soundbank/')));
    expect(banks.length).toBeGreaterThan(0);
    expect(await page.getByTestId('wav-fallback').count()).toBe(0);

    const wav = parseWav(await bytesOf(download));
    expect({ channels: wav.channels, sampleRate: wav.sampleRate, bits: wav.bits }).toEqual({ channels: 2, sampleRate: RATE, bits: 16 });
    // Eight bars at 120 bpm, plus the release tail, to within one render quantum.
    expect(songSeconds(sketch)).toBe(16);
    expect(Math.abs(wav.frames - renderSeconds(sketch) * RATE)).toBeLessThanOrEqual(128);

    const whole = rms(wav.pcm);
    const firstBar = rms(wav.pcm, 0, 2 * RATE * 2);
    const tailEnd = rms(wav.pcm, wav.pcm.length - 2 * Math.round(0.2 * RATE), wav.pcm.length);
    console.log(`wav e2e: ${wav.frames / RATE} s rendered in ${took.toFixed(1)} s; RMS whole ${whole.toFixed(4)}, first bar ${firstBar.toFixed(4)}, last 0.2 s ${tailEnd.toFixed(4)}`);
    // Every second of the song sounds: the render schedules a little ahead at a time, and a missed
    // step would leave a silent gap.
    const perSecond = Array.from({ length: songSeconds(sketch) }, (_, s) => rms(wav.pcm, s * RATE * 2, (s + 1) * RATE * 2));
    console.log(`wav e2e: RMS per second ${perSecond.map((v) => v.toFixed(3)).join(' ')}`);
    expect(whole).toBeGreaterThan(0.01);
    expect(firstBar).toBeGreaterThan(0.005);
    expect(Math.min(...perSecond)).toBeGreaterThan(0.002);
    // The song ends before the file does: its last moments are the release dying away.
    expect(tailEnd).toBeLessThan(whole);

    const seen = await page.evaluate(() => (window as unknown as { __wavProgress: number[] }).__wavProgress);
    console.log(`wav e2e: progress seen ${seen.map((v) => v.toFixed(2)).join(' ')}`);
    for (let i = 1; i < seen.length; i++) expect(seen[i]!).toBeGreaterThanOrEqual(seen[i - 1]!);
    expect(new Set(seen.filter((v) => v > 0 && v < 1)).size).toBeGreaterThanOrEqual(5);
    expect(seen[seen.length - 1]).toBe(1);
    await expect(page.getByRole('progressbar', { name: 'Rendering the WAV' }).evaluate((bar) => (bar as HTMLProgressElement).value)).resolves.toBe(1);
    // Nothing went wrong on the page meanwhile: no exception, no console error (a refused fetch or a
    // Content-Security-Policy violation would be one).
    expect(opened.errors.slice(errorsBefore)).toEqual([]);
    expect(opened.errors.filter((e) => e.startsWith('page:'))).toEqual([]);
    // Nor a warning: Tone warns when it takes the render for a live context that was never started
    // (and then holds its signal sources back, which dulls the first notes).
    expect(warnings).toEqual([]);
  }, 90_000);

  it('leaves the live player alone: a WAV made while the song plays does not stop or steal its clock', async () => {
    const { page } = opened;
    const errorsBefore = opened.errors.length;
    type Debug = { status: string; scheduledCount: number; contextState: string };
    const player = () => page.evaluate(() => {
      const d = (window as unknown as { __innerchordPlayer: Debug }).__innerchordPlayer;
      return { status: d.status, scheduledCount: d.scheduledCount, contextState: d.contextState };
    });
    await page.getByTestId('play').click();
    await page.waitForFunction(() => (window as unknown as { __innerchordPlayer?: Debug }).__innerchordPlayer?.status === 'playing', undefined, { timeout: 15_000 });
    const before = await player();
    const [download] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), page.getByRole('button', { name: 'Download WAV' }).click()]);
    // The player keeps scheduling while the export renders: wait until it has scheduled more.
    await page.waitForFunction((n) => (window as unknown as { __innerchordPlayer: Debug }).__innerchordPlayer.scheduledCount > n, before.scheduledCount, { timeout: 30_000 });
    const after = await player();
    expect(after.status).toBe('playing');
    expect(after.contextState).toBe('running');
    expect(after.scheduledCount).toBeGreaterThan(before.scheduledCount);
    await page.getByTestId('play').click();
    const wav = parseWav(await bytesOf(download));
    expect(Math.abs(wav.frames - renderSeconds(sketch) * RATE)).toBeLessThanOrEqual(128);
    expect(rms(wav.pcm)).toBeGreaterThan(0.01);
    expect(opened.errors.slice(errorsBefore)).toEqual([]);
  }, 90_000);
});
