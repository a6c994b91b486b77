/**
 * Group mode in a real browser: the login screen with the privacy statement, sign-up, the account
 * bar, a participant sharing a song with the facilitator, who finds it under "Shared with me".
 * Every request the page makes is recorded: all of them go to the app's own origin.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setupCode } from '../../server/auth/invites.ts';
import { axeViolations, browserSkipReason, launchBrowser, openPage, screenshot, startApp, type RunningApp } from '../support/browser.ts';

const skip = browserSkipReason();
if (skip) console.log(skip);

describe.skipIf(skip !== null)('group mode in the browser', () => {
  let app: RunningApp;
  let browser: Browser;

  beforeAll(async () => {
    app = await startApp({ INNERCHORD_OFFLINE: '1', INNERCHORD_MODE: 'group', INNERCHORD_RETENTION_DAYS: '365' });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it('signs people up, lets a participant share a song, and shows it to the facilitator — all same-origin', async () => {
    const requests: string[] = [];
    // bypassCSP only so axe-core can be injected; the page itself runs under the real CSP for ana.
    const refused: string[] = [];
    const fac = await openPage(browser, app.url, { bypassCSP: true });
    fac.context.on('request', (r) => requests.push(r.url()));
    fac.context.on('response', (r) => {
      if (r.status() === 401) refused.push(r.url());
    });
    await fac.page.getByRole('heading', { name: 'Where your words go' }).waitFor();
    // The login page asks for nothing that needs a session.
    expect(refused).toEqual([]);
    expect(await fac.page.getByTestId('privacy-panel').textContent()).toMatch(/365 days/);
    expect(await axeViolations(fac.page)).toEqual([]);
    await screenshot(fac.page, 'g-01-login');
    // Invite-only: the first facilitator signs up with the one-time setup code the server prints.
    await fac.page.getByRole('button', { name: 'New here? Create an account' }).click();
    await fac.page.getByLabel('Username').fill('fac');
    await fac.page.getByLabel('Password').fill('a long enough password');
    await fac.page.getByLabel('Invite code').fill('WRONG-CODE-0000');
    await fac.page.getByRole('button', { name: 'Create account' }).click();
    await fac.page.getByRole('alert').getByText(/invite code/).waitFor();
    await fac.page.getByLabel('Invite code').fill((await setupCode(app.db))!);
    await fac.page.getByRole('button', { name: 'Create account' }).click();
    await fac.page.getByText('fac (facilitator)').waitFor();
    // On a shared server the header does not claim the words stay on "this computer".
    await fac.page.getByTestId('destination').getByText(/this group's server/).waitFor();
    expect(await fac.page.getByTestId('destination').textContent()).not.toMatch(/this computer/);

    // The facilitator makes an invite on the group page and hands out its code.
    await fac.page.getByTestId('group-panel').getByText('Group').click();
    await fac.page.getByRole('button', { name: 'New invite' }).click();
    const code = /([A-Z2-9]{4}(?:-[A-Z2-9]{4}){3})/.exec((await fac.page.getByTestId('new-invite').textContent()) ?? '')?.[1];
    expect(code).toBeTruthy();
    await screenshot(fac.page, 'g-01b-group-page');
    await fac.page.getByTestId('group-panel').getByText('Group').click();

    const ana = await openPage(browser, app.url);
    ana.context.on('request', (r) => requests.push(r.url()));
    await ana.page.getByRole('button', { name: 'New here? Create an account' }).click();
    await ana.page.getByLabel('Username').fill('ana');
    await ana.page.getByLabel('Password').fill('another long password');
    await ana.page.getByLabel('Invite code').fill(code!.toLowerCase());
    await ana.page.getByRole('button', { name: 'Create account' }).click();
    await ana.page.getByText('ana (participant)').waitFor();
    await ana.page.getByRole('button', { name: 'Start a new song' }).click();
    await ana.page.getByLabel('Your reply to the guide').waitFor();
    const share = ana.page.getByTestId('share-toggle').getByRole('checkbox', { name: 'fac' });
    await share.check();
    await expect.poll(async () => (await ana.page.request.get(`${app.url}/api/songs`)).ok()).toBe(true);
    await screenshot(ana.page, 'g-02-sharing');

    await fac.page.getByText('Shared with me').click();
    await fac.page.getByTestId('shared-with-me').getByText('by ana').waitFor();
    await screenshot(fac.page, 'g-03-shared-with-me');
    // Opened, the shared song is something to read: no composer, no editing controls.
    await fac.page.getByTestId('shared-with-me').getByRole('button').first().click();
    await fac.page.getByTestId('shared-song').getByText('Only they can change it').waitFor();
    expect(await fac.page.getByLabel('Your reply to the guide').count()).toBe(0);
    expect(await fac.page.getByTestId('shared-song').locator('textarea, input, select').count()).toBe(0);
    await screenshot(fac.page, 'g-03b-shared-read-only');
    await fac.page.getByRole('button', { name: 'Back to my songs' }).click();

    // Unsharing takes the song away at once.
    await share.uncheck();
    await fac.page.getByText('Shared with me').click();
    await fac.page.getByText('Shared with me').click();
    await fac.page.getByText('No one is sharing a song with you right now.').waitFor();

    // Export everything, then delete everything: ana is back at the login screen, and gone.
    await ana.page.getByText('ana (participant)').click();
    const [download] = await Promise.all([ana.page.waitForEvent('download'), ana.page.getByRole('link', { name: 'Export everything' }).click()]);
    expect(download.suggestedFilename()).toBe('innerchord-ana-everything.zip');
    await ana.page.getByRole('button', { name: 'Delete everything' }).click();
    await ana.page.getByRole('dialog', { name: 'Delete everything?' }).getByRole('button', { name: 'Delete everything' }).click();
    await ana.page.getByRole('heading', { name: 'Log in' }).waitFor();
    const login = await ana.page.request.post(`${app.url}/api/auth/login`, { data: { username: 'ana', password: 'another long password' } });
    expect(login.status()).toBe(401);

    expect(fac.errors.concat(ana.errors).filter((e) => !/401|403/.test(e))).toEqual([]);
    const origin = new URL(app.url).origin;
    expect(requests.filter((u) => !u.startsWith(origin) && !u.startsWith('data:') && !u.startsWith('blob:'))).toEqual([]);
    expect(requests.length).toBeGreaterThan(10);
  }, 60_000);
});
