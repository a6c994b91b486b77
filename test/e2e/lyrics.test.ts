/**
 * The words in a real browser: a song whose chorus has words; the karaoke lights the syllable
 * being sung during playback; a line typed into the verse shows its syllable count, is saved as a
 * new version whose melody sings it, and playback starts again with the new tune; the MusicXML
 * download carries the words; the lead sheet is drawn by the lazily loaded notation library; a
 * draft replacing a line waits for confirmation; the compare view lists the changed line. Needs web/dist and /usr/bin/chromium.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { browserSkipReason, injectAxe, launchBrowser, openPage, screenshot, startApp, type OpenedPage, type RunningApp } from '../support/browser.ts';
import type { Version } from '../../web/src/lib/types.ts';

const skip = browserSkipReason();
if (skip) console.warn(`lyrics e2e: ${skip}`);

const PARAMS = {
  key: 'C',
  mode: 'major',
  tempo: 132,
  meter: '4/4',
  instruments: { melody: 'piano', chords: 'piano', bass: 'electric bass' },
  sections: [
    { name: 'verse', bars: 4, energy: 0.4 },
    { name: 'chorus', bars: 2, energy: 0.7, lyrics: ['Keep going, keep going home'] },
  ],
};
const NEW_LINE = 'Sunday walks along the river';

type Player = { status: string; tick: number };
const player = (page: Page) => page.evaluate(() => (window as unknown as { __innerchordPlayer: Player }).__innerchordPlayer);
const sungOf = (v: Version) => v.sketch.tracks.find((t) => t.id === 'melody')!.notes.filter((n) => n.lyric).map((n) => n.lyric!.text);

describe.skipIf(skip !== null)('lyrics in Chromium', () => {
  let app: RunningApp;
  let browser: Browser;
  let opened: OpenedPage;
  let first: Version;
  let songId: string;

  beforeAll(async () => {
    app = await startApp();
    browser = await launchBrowser();
    const song = (await (await fetch(`${app.url}/api/songs`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ title: 'Words test' }) })).json()) as { id: string };
    songId = song.id;
    const res = await fetch(`${app.url}/api/songs/${song.id}/versions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ params: PARAMS, seed: 5, request: 'first sketch' }) });
    expect(res.status).toBe(201);
    first = (await res.json()) as Version;
    const intention = await fetch(`${app.url}/api/songs/${song.id}/intention`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ text: 'A song about the empty chair at dinner', confirmed: true }) });
    expect(intention.status).toBe(200);
    opened = await openPage(browser, `${app.url}/#/songs/${song.id}`);
    await opened.page.getByTestId('lyrics-pane').waitFor({ timeout: 20_000 });
  }, 90_000);

  afterAll(async () => {
    await opened?.context.close();
    await browser?.close();
    await app?.close();
  });

  it('lights the syllable being sung during playback', async () => {
    const { page } = opened;
    expect(sungOf(first).join(' ')).toMatch(/^Keep go/);
    await page.getByRole('button', { name: /Jump to chorus/ }).click();
    await page.getByTestId('play').click();
    const lit = page.locator('[data-testid="karaoke"] .syl.now');
    await lit.first().waitFor({ timeout: 20_000 });
    const seen = new Set<string>();
    // Two different syllables lit in turn: the light follows the playhead.
    await page.waitForFunction(
      () => {
        const w = window as unknown as { __seen?: Set<string> };
        w.__seen ??= new Set();
        const t = document.querySelector('[data-testid="karaoke"] .syl.now')?.textContent;
        if (t) w.__seen.add(t);
        return w.__seen.size >= 2;
      },
      undefined,
      { timeout: 20_000, polling: 50 },
    );
    for (const s of await page.evaluate(() => [...((window as unknown as { __seen: Set<string> }).__seen)])) seen.add(s);
    expect([...seen].every((s) => sungOf(first).includes(s))).toBe(true);
    await screenshot(page, 'lyrics-karaoke');
  }, 60_000);

  it('reads a typed line back, saves it as a new version whose melody sings it, and plays the new tune from the top', async () => {
    const { page } = opened;
    // Looping, so the sketch is still playing when Save is pressed however long the typing takes
    // on a busy machine (a song that had ended would rightly not start again).
    const loop = page.getByTestId('sketch-panel').getByRole('button', { name: 'Loop', exact: true });
    if ((await loop.getAttribute('aria-pressed')) !== 'true') await loop.click();
    if ((await player(page)).status !== 'playing') await page.getByTestId('play').click();
    await expect.poll(async () => (await player(page)).status, { timeout: 20_000 }).toBe('playing');
    await page.getByTestId('open-lyrics').click();
    const verse = page.locator('[data-testid="lyric-section"][data-section="verse"]');
    await verse.waitFor({ timeout: 20_000 });
    await verse.getByRole('button', { name: 'Add a line' }).click();
    await verse.getByRole('textbox', { name: /Line 1 of Verse/i }).fill(NEW_LINE);
    // Sun-day walks a-long the ri-ver: 8 syllables, read back by the server.
    await verse.locator('[data-syllables="8"]').waitFor({ timeout: 20_000 });
    await page.getByTestId('save-lyrics').click();
    await page.getByTestId('sketch-panel').getByRole('heading', { name: /^v2/ }).waitFor({ timeout: 20_000 });

    const versions = (await (await fetch(`${app.url}/api/songs/${songId}/versions`)).json()) as { versions: { id: string; request: string }[] };
    const second = (await (await fetch(`${app.url}/api/versions/${versions.versions[1]!.id}`)).json()) as Version;
    expect(second.request).toBe('words: verse');
    expect(sungOf(second).slice(0, 2)).toEqual(['Sun', 'day']);
    const melody = (v: Version) => v.sketch.tracks.find((t) => t.id === 'melody')!.notes.map((n) => [n.start, n.pitch]);
    expect(melody(second)).not.toEqual(melody(first));

    // Playback went on with the new sketch from the top: the new verse's words light up.
    await page.waitForFunction(
      (words) => {
        const t = document.querySelector('[data-testid="karaoke"] .syl.now')?.textContent ?? '';
        return words.includes(t);
      },
      sungOf(second).slice(0, 5),
      // From the top means through the instrumental intro first, on the audio clock of a busy machine.
      { timeout: 45_000, polling: 50 },
    );
    expect((await player(page)).status).toBe('playing');
    await page.getByTestId('play').click();
  }, 90_000);

  it('downloads MusicXML that carries the words', async () => {
    const { page } = opened;
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download-musicxml').click()]);
    expect(download.suggestedFilename()).toMatch(/^Words-test-v2\.musicxml$/);
    const xml = readFileSync((await download.path())!, 'utf8');
    expect(xml).toContain('<lyric');
    expect(xml).toMatch(/<text>Sun<\/text>/);
    expect(xml).toMatch(/<syllabic>begin<\/syllabic>/);
  }, 30_000);

  it('draws the lead sheet with the notation library only when asked', async () => {
    const { page } = opened;
    const before = await page.evaluate(() => performance.getEntriesByType('resource').map((r) => r.name).filter((n) => n.includes('opensheetmusicdisplay')).length);
    expect(before).toBe(0);
    await page.getByTestId('open-lead-sheet').click();
    await page.locator('[data-testid="lead-sheet"][data-status="drawn"] svg').first().waitFor({ timeout: 30_000 });
    const after = await page.evaluate(() => performance.getEntriesByType('resource').map((r) => r.name).filter((n) => n.includes('opensheetmusicdisplay')).length);
    expect(after).toBe(1);
    await screenshot(page, 'lyrics-lead-sheet');
  }, 60_000);

  it('offers drafts as proposals and asks before one replaces the musician\'s line', async () => {
    const { page } = opened;
    const verse = page.locator('[data-testid="lyric-section"][data-section="verse"]');
    await verse.getByTestId('suggest-lines').click();
    const drafts = verse.getByTestId('drafts');
    await drafts.waitFor({ timeout: 20_000 });
    const line = verse.getByRole('textbox', { name: /Line 1 of Verse/i });
    await expect(line.inputValue()).resolves.toBe(NEW_LINE);
    const use = drafts.getByRole('button', { name: /^Use / }).first();
    const draft = ((await use.getAttribute('aria-label')) ?? '').replace(/^Use “|”$/g, '');
    // Aimed at their own line: a question first, and Cancel keeps their words.
    await line.focus();
    await use.click();
    // (ConfirmDialog names itself by a fixed id, so it is found by its open state and heading.)
    const dialog = page.locator('dialog[open]').filter({ hasText: 'Replace your line?' });
    await dialog.waitFor({ timeout: 10_000 });
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect(line.inputValue()).resolves.toBe(NEW_LINE);
    await use.click();
    await dialog.getByRole('button', { name: 'Replace' }).click();
    await page.waitForFunction(([sel, text]) => (document.querySelector(sel!) as HTMLInputElement | null)?.value === text, ['[data-section="verse"] input[type="text"]', draft] as const, { timeout: 10_000 });
  }, 60_000);

  it('shows the lyric edit in the compare view of v1 and v2', async () => {
    const { page } = opened;
    for (const n of [1, 2]) await page.locator(`[data-testid="version-item"][data-number="${n}"]`).getByRole('checkbox', { name: 'Compare' }).check();
    await page.getByRole('button', { name: 'Compare A/B' }).click();
    const diff = page.getByTestId('lyric-diff');
    await diff.waitFor({ timeout: 20_000 });
    await expect(diff.locator('ins').first().textContent()).resolves.toBe(NEW_LINE);
    await expect(diff.textContent()).resolves.toMatch(/Verse, line 1/);
    await page.getByRole('button', { name: 'Done' }).click().catch(() => undefined);
  }, 60_000);

  it('keeps the words pane free of serious axe violations and the console clean', async () => {
    const { page } = opened;
    await injectAxe(page);
    const violations = await page.evaluate(async () => {
      const axe = (window as unknown as { axe: { run(ctx: unknown): Promise<{ violations: { id: string; impact: string; nodes: unknown[] }[] }> } }).axe;
      const result = await axe.run({ include: [['[data-testid="lyrics-pane"]']] });
      return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id} (${v.nodes.length})`);
    });
    expect(violations).toEqual([]);
    expect(opened.errors).toEqual([]);
  }, 30_000);
});
