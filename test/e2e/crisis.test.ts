/**
 * A crisis reply in the real page: the music playing pauses where it was, and the calm card shows
 * the help lines the server chose for the browser's locale (not numbers baked into the page), and
 * they are still there when the page is reloaded.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RESOURCES } from '../../server/safety/resources/index.ts';
import { browserSkipReason, launchBrowser, openPage, say, screenshot, startApp, type RunningApp } from '../support/browser.ts';

const skip = browserSkipReason();
if (skip) console.log(`crisis e2e: ${skip}`);

const PARAMS = { key: 'C', mode: 'major', tempo: 100, meter: '4/4', sections: [{ name: 'verse', bars: 8, energy: 0.5 }] };

const player = (page: Page) =>
  page.evaluate(() => {
    const d = (window as unknown as { __innerchordPlayer?: { status: string; tick: number } }).__innerchordPlayer;
    return d ? { status: d.status, tick: d.tick } : null;
  });

describe.skipIf(skip !== null)('a crisis reply in the page', () => {
  let app: RunningApp;
  let browser: Browser;

  beforeAll(async () => {
    app = await startApp();
    browser = await launchBrowser();
  }, 90_000);
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it('pauses the sketch in place and shows the German help lines to a German browser, again after a reload', async () => {
    const post = (path: string, body: unknown) => fetch(`${app.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    const song = (await (await post('/api/songs', { title: 'Crisis test' })).json()) as { id: string };
    expect((await post(`/api/songs/${song.id}/versions`, { params: PARAMS, seed: 3, request: 'first sketch' })).status).toBe(201);
    const { page, errors } = await openPage(browser, `${app.url}/#/songs/${song.id}`, { locale: 'de-DE' });

    await page.getByTestId('play').click();
    await page.waitForFunction(() => (window as unknown as { __innerchordPlayer?: { status: string; tick: number } }).__innerchordPlayer?.tick! > 0, null, { timeout: 20_000 });
    expect((await player(page))!.status).toBe('playing');

    await say(page, 'ich kann nicht mehr, I want to die');
    const card = page.getByTestId('crisis-card');
    await card.waitFor();
    await expect.poll(async () => (await player(page))!.status).toBe('ready');
    // Paused, not rewound: the playhead stays where the music was when the reply came.
    expect((await player(page))!.tick).toBeGreaterThan(0);

    const text = (await card.textContent()) ?? '';
    expect(await card.getAttribute('data-locale')).toBe('de-DE');
    expect(text).toContain(RESOURCES['de-DE'].emergency);
    for (const h of RESOURCES['de-DE'].helplines) expect(text).toContain(h.contact);
    // None of the other countries' numbers the card used to print whatever the locale.
    for (const other of ['988', '116 123', '911']) expect(text).not.toContain(other);
    await screenshot(page, '10b-crisis-de');

    // Reopened (a reload reads the song back from GET /api/songs/:id): the same card, the same lines.
    await page.reload();
    const reopened = page.getByTestId('crisis-card');
    await reopened.waitFor();
    expect(await reopened.count()).toBe(1);
    expect(await reopened.getAttribute('data-locale')).toBe('de-DE');
    expect(await reopened.textContent()).toBe(text);
    expect(errors).toEqual([]);
  });
});
