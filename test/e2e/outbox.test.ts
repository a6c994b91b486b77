/**
 * Words are never lost, in real Chromium against the real offline app: a message written offline
 * stays on the page as unsent (through a reload) and is sent once and answered once when the
 * browser is back online; a connection dropped after the server answered shows the stored answer,
 * not an error; a paste too long for a message is refused whole, named, and can be kept as a note.
 */
import { sql } from 'drizzle-orm';
import type { Page, Route } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { createSong, listMessages, listNotes } from '../../server/journal/index.ts';
import { MAX_MESSAGE_CHARS } from '../../server/journal/limits.ts';
import { appAndBrowser, axeViolations, browserSkipReason, openPage, screenshot, settled } from '../support/browser.ts';

const skip = browserSkipReason();
if (skip) console.log(skip);

const TURNS = '**/api/songs/*/turns';
const REPLIES = 'li:not(.opening) > .msg[data-role="assistant"]';
/** Chromium logs every aborted or offline request as a console error; those are the point of these tests. */
const realErrors = (errors: string[]) => errors.filter((e) => !/Failed to load resource/.test(e));

async function send(page: Page, text: string) {
  const composer = page.getByLabel('Your reply to the guide');
  await composer.fill(text);
  await composer.press('Enter');
}

/** While closed, the server is unreachable for turns: each is answered 503 before the app sees it, and counted. */
const turnsGate = { closed: false, refused: 0 };
const TURN_PATH = /^\/api\/songs\/[^/]+\/turns$/;

describe.skipIf(skip !== null)('words are never lost', () => {
  const world = appAndBrowser(undefined, (req) => {
    if (!turnsGate.closed || req.method !== 'POST' || !TURN_PATH.test(new URL(req.url).pathname)) return undefined;
    turnsGate.refused++;
    return Response.json({ error: { code: 'UNAVAILABLE', message: 'the server cannot be reached' } }, { status: 503 });
  });

  it('keeps a message written offline as unsent through a reload, then sends it once and it is answered once', { timeout: 90_000 }, async () => {
    const song = await createSong(world.app.db, { title: 'Harbour' });
    const { context, page, errors } = await openPage(world.browser, `${world.app.url}/#/songs/${song.id}`);
    await page.getByLabel('Your reply to the guide').waitFor();
    // The offline shell (web/public/sw.js) is what lets the page open again without a network.
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null);

    // Offline in the browser, and unreachable at the server too: Chromium's offline emulation (and
    // page routes) let a service-worker-controlled page's request through while a reloaded document
    // starts; a clean CI run saw the outbox send during the reload.
    turnsGate.closed = true;
    await context.setOffline(true);
    await expect.poll(() => page.evaluate(() => navigator.onLine)).toBe(false);
    await send(page, 'It is about the harbour at night, the boats knocking.');
    const unsent = page.getByTestId('unsent');
    await unsent.waitFor();
    expect(await unsent.textContent()).toContain('the harbour at night');
    expect(await unsent.textContent()).toContain('not sent yet — will send when you are back online');
    expect(await page.getByTestId('turn-failure').count()).toBe(0); // no "Your words are saved" that is not true
    expect(await listMessages(world.app.db, song.id)).toEqual([]);
    await screenshot(page, 'outbox-01-offline');
    expect(await axeViolations(page, 'main')).toEqual([]);

    // Reload, still offline: the words are still there, still unsent.
    await page.reload();
    await unsent.waitFor();
    expect(await unsent.textContent()).toContain('the harbour at night');
    expect(await unsent.textContent()).toContain('not sent yet — will send when you are back online');
    expect(await listMessages(world.app.db, song.id)).toEqual([]);

    // Online again, but the server cannot be reached for turns yet: the page tries, keeps the words.
    const refusedOffline = turnsGate.refused;
    await context.setOffline(false);
    await expect.poll(() => turnsGate.refused, { timeout: 30_000 }).toBeGreaterThan(refusedOffline);
    await unsent.waitFor();
    expect(await unsent.count()).toBe(1);
    expect(await listMessages(world.app.db, song.id)).toEqual([]);

    // The server is back: the outbox sends, once.
    turnsGate.closed = false;
    await expect.poll(() => page.locator(REPLIES).count(), { timeout: 30_000 }).toBe(1);
    await settled(page);
    await expect.poll(() => unsent.count()).toBe(0);
    const stored = await listMessages(world.app.db, song.id);
    expect(stored.map((m) => m.role)).toEqual(['user', 'assistant']);
    expect(stored[0]!.text).toBe('It is about the harbour at night, the boats knocking.');
    expect(await page.locator('.msg[data-role="user"]', { hasText: 'the harbour at night' }).count()).toBe(1);
    expect(await page.locator(REPLIES).first().textContent()).toContain(stored[1]!.text);
    const keys = await world.app.db.orm.execute(sql`select idempotency_key from messages where song_id = ${song.id} and role = 'user'`);
    expect((keys as unknown as { rows: { idempotency_key: string | null }[] }).rows[0]!.idempotency_key).toMatch(/^[0-9a-f-]{36}$/);

    // And after another reload it is still there once, answered, with nothing left to send.
    await page.reload();
    await expect.poll(() => page.locator(REPLIES).count()).toBe(1);
    expect(await page.locator('.msg[data-role="user"]', { hasText: 'the harbour at night' }).count()).toBe(1);
    expect(await unsent.count()).toBe(0);
    expect((await listMessages(world.app.db, song.id)).length).toBe(2);
    await screenshot(page, 'outbox-02-sent');
    expect(realErrors(errors)).toEqual([]);
  });

  it('shows the stored answer, not an error, when the connection drops after the server answered', { timeout: 60_000 }, async () => {
    const song = await createSong(world.app.db, { title: 'Dropped' });
    const { page, errors } = await openPage(world.browser, `${world.app.url}/#/songs/${song.id}`);
    await page.getByLabel('Your reply to the guide').waitFor();
    let calls = 0;
    let answeredBeforeDrop = 0;
    await page.route(TURNS, async (route: Route) => {
      if (++calls > 1) return route.continue();
      // The server takes the whole turn — stores it, answers it — and then the connection dies.
      const res = await route.fetch();
      await res.body();
      answeredBeforeDrop = (await listMessages(world.app.db, song.id)).length;
      await route.abort('connectionreset');
    });
    await send(page, 'A song about the lighthouse keeper, my grandfather.');
    await expect.poll(() => page.locator(REPLIES).count(), { timeout: 30_000 }).toBe(1);
    await settled(page);
    expect(answeredBeforeDrop).toBe(2);
    expect(calls).toBe(2); // sent again with the same key, and given the first answer
    const stored = await listMessages(world.app.db, song.id);
    expect(stored.map((m) => m.role)).toEqual(['user', 'assistant']);
    expect(await page.locator(REPLIES).first().textContent()).toContain(stored[1]!.text);
    expect(await page.getByTestId('turn-failure').count()).toBe(0);
    expect(await page.getByTestId('unsent').count()).toBe(0);
    expect(await page.locator('.msg[data-role="user"]', { hasText: 'lighthouse keeper' }).count()).toBe(1);
    expect(realErrors(errors)).toEqual([]);
  });

  it('gives words the server refuses back to the composer with its reason, instead of dropping them', { timeout: 60_000 }, async () => {
    const song = await createSong(world.app.db, { title: 'Refused' });
    const { page, errors } = await openPage(world.browser, `${world.app.url}/#/songs/${song.id}`);
    const composer = page.getByLabel('Your reply to the guide');
    await composer.waitFor();
    await page.route(TURNS, (route: Route) =>
      route.fulfill({ status: 400, contentType: 'application/json', body: JSON.stringify({ error: { code: 'INVALID_INPUT', message: 'text: the server says no', field: 'text' } }) }),
    );
    await send(page, 'Words the server will not take.');
    await expect.poll(() => page.getByTestId('composer-refused').textContent()).toContain('the server says no');
    expect(await composer.inputValue()).toBe('Words the server will not take.');
    expect(await page.getByTestId('unsent').count()).toBe(0);
    expect(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('innerchord.outbox.')))).toEqual([]);
    expect(realErrors(errors)).toEqual([]);
  });

  it('counts near the limit, refuses a paste over it whole, and keeps it as a note when asked', { timeout: 60_000 }, async () => {
    const song = await createSong(world.app.db, { title: 'Long sheet' });
    const { page, errors } = await openPage(world.browser, `${world.app.url}/#/songs/${song.id}`);
    const composer = page.getByLabel('Your reply to the guide');
    await composer.waitFor();
    const limit = MAX_MESSAGE_CHARS.toLocaleString('en-US');

    // A long lyric sheet that fits: counted, and sendable.
    const line = 'and the tide comes in, and the tide goes out\n';
    const near = line.repeat(Math.ceil(MAX_MESSAGE_CHARS * 0.9 / line.length));
    await composer.fill(near);
    await expect.poll(() => page.getByTestId('composer-count').textContent()).toContain(`/ ${limit}`);
    expect(await page.getByRole('button', { name: 'Send' }).isEnabled()).toBe(true);
    // One character over: the counter says so and Send waits.
    await composer.fill('x'.repeat(MAX_MESSAGE_CHARS + 1));
    await expect.poll(() => page.getByTestId('composer-count').textContent()).toMatch(/1 over: split it, or keep it as a note/);
    expect(await page.getByRole('button', { name: 'Send' }).isDisabled()).toBe(true);
    await composer.fill('');

    // A 20,000-character paste: refused whole, nothing typed in, nothing sent, the limit named.
    const sheet = line.repeat(Math.ceil(20_000 / line.length)).slice(0, 19_999) + '.';
    await composer.focus();
    await page.evaluate((text) => {
      const data = new DataTransfer();
      data.setData('text/plain', text);
      document.getElementById('composer')!.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    }, sheet);
    const refusal = page.getByTestId('paste-refused');
    await refusal.waitFor();
    expect(await refusal.textContent()).toContain(`a message can hold ${limit}`);
    expect(await refusal.textContent()).toContain('20,000 characters');
    expect(await refusal.textContent()).toMatch(/Split it into parts.*keep it as a note/);
    expect(await composer.inputValue()).toBe('');
    await screenshot(page, 'outbox-03-paste-refused');
    expect(await axeViolations(page, 'main')).toEqual([]);

    await refusal.getByRole('button', { name: 'Keep it as a note' }).click();
    await expect.poll(async () => (await listNotes(world.app.db, song.id)).map((n) => n.text.length)).toEqual([20_000]);
    expect((await listNotes(world.app.db, song.id))[0]!.text).toBe(sheet);
    expect(await listMessages(world.app.db, song.id)).toEqual([]);
    expect(realErrors(errors)).toEqual([]);
  });
});
