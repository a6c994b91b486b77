/**
 * The sketch player in a real browser: a song with one version (made through the real API and
 * engine), Play starts the AudioContext and schedules notes, the playhead moves, a section jump
 * lands in that section, Stop stops scheduling, Space toggles, and the console stays clean.
 * Needs the built web/dist and /usr/bin/chromium; otherwise skipped with the reason printed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { ARTIFACTS, browserSkipReason, injectAxe, launchBrowser, openPage, screenshot, startApp, type OpenedPage, type RunningApp } from '../support/browser.ts';
import type { Version } from '../../web/src/lib/types.ts';

const skip = browserSkipReason();
if (skip) console.warn(`player e2e: ${skip}`);

const PARAMS = {
  key: 'D',
  mode: 'minor',
  tempo: 120,
  meter: '4/4',
  instruments: { melody: 'piano', chords: 'piano', bass: 'electric bass' },
  sections: [
    { name: 'intro', bars: 2, energy: 0.3 },
    { name: 'verse', bars: 4, energy: 0.5 },
    { name: 'chorus', bars: 4, energy: 0.8, valenceOffset: 0.2, arousalOffset: 0.3 },
    { name: 'outro', bars: 1, energy: 0.3 },
  ],
  rationale: [{ aspect: 'mode', choice: 'D minor', because: 'minor because you said the house is quiet now', quote: 'the house is quiet now' }],
};

interface Debug {
  status: string;
  scheduledCount: number;
  contextState: string;
  tick: number;
}

/** Wait until the page's audio clock has run `seconds` past now: time as the music counts it. */
async function audioSeconds(page: Page, seconds: number): Promise<void> {
  const from = await page.evaluate(() => (window as unknown as { __innerchordPlayer: { tick: number; status: string; audioTime: number } }).__innerchordPlayer.audioTime);
  await page.waitForFunction(([t, s]) => (window as unknown as { __innerchordPlayer: { tick: number; status: string; audioTime: number } }).__innerchordPlayer.audioTime >= t + s, [from, seconds] as const, { timeout: 30_000 });
}

/** Wait until the playhead's tick is past (`>`), at or past (`>=`) or before (`<`) a tick. */
async function playhead(page: Page, op: '>' | '>=' | '<', tick: number): Promise<void> {
  await page.waitForFunction(
    ([o, t]) => {
      const now = (window as unknown as { __innerchordPlayer: { tick: number } }).__innerchordPlayer.tick;
      return o === '>' ? now > t : o === '>=' ? now >= t : now < t;
    },
    [op, tick] as const,
    { timeout: 30_000 },
  );
}

async function debug(page: Page): Promise<Debug> {
  return page.evaluate(() => {
    const d = (window as unknown as { __innerchordPlayer?: Debug }).__innerchordPlayer;
    if (!d) throw new Error('no player on the page');
    return { status: d.status, scheduledCount: d.scheduledCount, contextState: d.contextState, tick: d.tick };
  });
}

async function waitForStatus(page: Page, status: string, timeout = 20_000): Promise<void> {
  await page.waitForFunction(
    (s) => (window as unknown as { __innerchordPlayer?: { status: string } }).__innerchordPlayer?.status === s,
    status,
    { timeout },
  );
}

describe.skipIf(skip !== null)('sketch player in Chromium', () => {
  let app: RunningApp;
  let browser: Browser;
  let opened: OpenedPage;
  let version: Version;
  let songUrl: string;
  let songId: string;

  beforeAll(async () => {
    app = await startApp();
    browser = await launchBrowser();
    const song = (await (await fetch(`${app.url}/api/songs`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ title: 'Player test' }),
    })).json()) as { id: string };
    const res = await fetch(`${app.url}/api/songs/${song.id}/versions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ params: PARAMS, seed: 7, request: 'first sketch' }),
    });
    expect(res.status).toBe(201);
    version = (await res.json()) as Version;
    songId = song.id;
    songUrl = `${app.url}/#/songs/${song.id}`;
    opened = await openPage(browser, songUrl);
    await opened.page.getByTestId('play').waitFor({ timeout: 15_000 });
  }, 90_000);

  afterAll(async () => {
    await opened?.context.close();
    await browser?.close();
    await app?.close();
  });

  it('draws the pictures before anything plays (the synth is made when the sketch arrives, silent)', async () => {
    const { page } = opened;
    await expect(page.getByRole('img', { name: /Piano roll of 11 bars/ }).count()).resolves.toBe(1);
    await expect(page.getByRole('img', { name: /Emotion map/ }).count()).resolves.toBe(1);
    await expect(page.getByText('the house is quiet now').count()).resolves.toBeGreaterThan(0);
    // Tone and the GM synth are made as the sketch arrives (a fast first note), but nothing plays.
    const before = await debug(page);
    expect(before.status).not.toBe('playing');
    expect(before.scheduledCount).toBe(0);
    await screenshot(page, 'player-ready');
  });

  it('plays: the AudioContext runs, notes are scheduled and the playhead moves', async () => {
    const { page } = opened;
    await page.getByTestId('play').click();
    await waitForStatus(page, 'playing');
    const first = await debug(page);
    expect(first.contextState).toBe('running');
    await page.waitForFunction(() => ((window as unknown as { __innerchordPlayer: { scheduledCount: number } }).__innerchordPlayer.scheduledCount > 0));
    await playhead(page, '>', first.tick);
    const later = await debug(page);
    expect(later.scheduledCount).toBeGreaterThan(0);
    expect(later.tick).toBeGreaterThan(first.tick);
    const marks = await page.evaluate(() => performance.getEntriesByType('mark').map((m) => m.name));
    expect(marks).toEqual(expect.arrayContaining(['innerchord:play-click', 'innerchord:first-note-scheduled']));
    await screenshot(page, 'player-playing');
  });

  it('jumps to a section when its marker is clicked', async () => {
    const { page } = opened;
    const chorus = version.sketch.sections.find((s) => s.name === 'chorus')!;
    await page.getByRole('button', { name: /Jump to chorus/ }).click();
    await playhead(page, '>=', chorus.startTick);
    const d = await debug(page);
    expect(d.status).toBe('playing');
    expect(d.tick).toBeGreaterThanOrEqual(chorus.startTick);
    await expect(page.getByRole('button', { name: /Jump to chorus/ }).getAttribute('aria-current')).resolves.toBe('true');
  });

  it('mutes a track on its Tone.Channel from the mixer', async () => {
    const { page } = opened;
    await page.getByText('Mixer').click();
    const mute = page.getByRole('button', { name: 'Mute Melody' });
    await mute.click();
    await expect(mute.getAttribute('aria-pressed')).resolves.toBe('true');
    const channel = () =>
      page.evaluate(() => (window as unknown as { __innerchordPlayer: { channel(t: string): { mute: boolean } | null } }).__innerchordPlayer.channel('melody'));
    await expect(channel()).resolves.toMatchObject({ mute: true });
    await mute.click();
    await expect(channel()).resolves.toMatchObject({ mute: false });
  });

  it('stops: no more notes are scheduled after Stop', async () => {
    const { page } = opened;
    await page.getByTestId('play').click();
    await waitForStatus(page, 'ready');
    const stopped = await debug(page);
    await audioSeconds(page, 0.5);
    expect((await debug(page)).scheduledCount).toBe(stopped.scheduledCount);
  });

  it('toggles with Space when focus is not in a control', async () => {
    const { page } = opened;
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await page.keyboard.press('Space');
    await waitForStatus(page, 'playing');
    await page.keyboard.press('Space');
    await waitForStatus(page, 'ready');
  });

  it('loops back to the top when Loop is on, and stops at the end when it is off', async () => {
    const { page } = opened;
    const outro = version.sketch.sections.find((s) => s.name === 'outro')!;
    const loop = page.getByRole('button', { name: 'Loop' });
    await loop.click();
    await page.getByRole('button', { name: /Jump to outro/ }).click();
    await page.getByTestId('play').click();
    await waitForStatus(page, 'playing');
    // The one-bar outro lasts 2 s at 120 bpm; then the playhead wraps to the top.
    await playhead(page, '<', outro.startTick);
    const wrapped = await debug(page);
    expect(wrapped.status).toBe('playing');
    expect(wrapped.tick).toBeLessThan(outro.startTick);
    await loop.click();
    await page.getByRole('button', { name: /Jump to outro/ }).click();
    await waitForStatus(page, 'ready', 15_000); // 2 s of outro; the margin is for a loaded CI machine
    expect((await debug(page)).tick).toBe(0);
  });

  it('moves the playhead beat by beat when reduced motion is asked for', async () => {
    const calm = await openPage(browser, songUrl, { reducedMotion: 'reduce' });
    try {
      await calm.page.getByTestId('play').click();
      await waitForStatus(calm.page, 'playing');
      const ticks: number[] = [];
      for (let i = 0; i < 6; i++) {
        // The next beat the playhead shows, whatever the machine's speed.
        await playhead(calm.page, '>', ticks.at(-1) ?? -1);
        ticks.push((await debug(calm.page)).tick);
      }
      await calm.page.getByTestId('play').click();
      expect(ticks.every((t) => t % version.sketch.ppq === 0)).toBe(true);
      expect(ticks.at(-1)).toBeGreaterThan(0);
      expect(calm.errors).toEqual([]);
    } finally {
      await calm.context.close();
    }
  });

  it('has no serious or critical axe violations in the sketch panel', async () => {
    const { page } = opened;
    await injectAxe(page);
    const violations = await page.evaluate(async () => {
      const axe = (window as unknown as { axe: { run(ctx: unknown): Promise<{ violations: { id: string; impact: string; nodes: unknown[] }[] }> } }).axe;
      const result = await axe.run({ include: [['[data-testid="sketch-panel"]']] });
      return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id} (${v.nodes.length})`);
    });
    expect(violations).toEqual([]);
  });

  it('logged no console errors', () => {
    expect(opened.errors).toEqual([]);
  });

  it('replaces the sounds when another version is shown mid-play, and plays the new one', async () => {
    const res = await fetch(`${app.url}/api/songs/${songId}/versions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ params: { ...PARAMS, tempo: 90 }, seed: 8, parentId: version.id, request: 'slower' }),
    });
    expect(res.status).toBe(201);
    const other = await openPage(browser, songUrl); // opens on the newest version, v2
    try {
      const { page } = other;
      await page.getByRole('heading', { name: /^v2 ·/ }).waitFor({ timeout: 15_000 });
      await page.getByTestId('play').click();
      await waitForStatus(page, 'playing');
      await page.locator('[data-testid="version-item"][data-number="1"]').getByRole('button', { name: 'Show' }).click();
      await page.getByRole('heading', { name: /^v1 ·/ }).waitFor();
      const replaced = await debug(page);
      expect(replaced.status).toBe('idle');
      expect(replaced.tick).toBe(0);
      await audioSeconds(page, 0.3);
      expect((await debug(page)).scheduledCount).toBe(replaced.scheduledCount); // the old Parts are gone
      await page.getByTestId('play').click();
      await waitForStatus(page, 'playing');
      await page.waitForFunction((n) => (window as unknown as { __innerchordPlayer: { scheduledCount: number } }).__innerchordPlayer.scheduledCount > n, replaced.scheduledCount);
      await page.getByTestId('play').click();
      expect(other.errors).toEqual([]);
    } finally {
      await other.context.close();
    }
  });

  it('draws the whole panel in the dark theme too (screenshots for a person to look at)', async () => {
    const dark = await openPage(browser, songUrl, { colorScheme: 'dark', viewport: { width: 1360, height: 1800 } });
    try {
      const panel = dark.page.getByTestId('sketch-panel');
      await panel.waitFor({ timeout: 15_000 });
      await panel.screenshot({ path: `${ARTIFACTS}/player-panel-dark.png` });
      await opened.page.getByTestId('sketch-panel').screenshot({ path: `${ARTIFACTS}/player-panel-light.png` });
      expect(dark.errors).toEqual([]);
    } finally {
      await dark.context.close();
    }
  });
});
