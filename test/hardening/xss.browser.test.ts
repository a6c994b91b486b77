/**
 * Model text with HTML renders as text. The (fake, real-HTTP) model answers with an <img onerror>
 * and a <script>; in Chromium the page must show those characters literally, create no element
 * from them and open no dialog. The same page then plays the sketch under the strict CSP: Tone.js
 * worklets and the local samples load with no CSP violation in the console.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserSkipReason, launchBrowser, openPage, say, screenshot, startApp, type OpenedPage, type RunningApp } from '../support/browser.ts';
import { startFakeLlm, type FakeLlm } from '../support/fake-llm.ts';

const skip = browserSkipReason();
if (skip) console.warn(`xss browser test: ${skip}`);

const HOSTILE = 'Here you go <img src=x onerror=alert(1)><script>window.__pwned = true; alert(2)</script> <b id="injected">bold?</b>';

describe.skipIf(skip !== null)('model HTML renders as text (Chromium)', () => {
  let llm: FakeLlm;
  let app: RunningApp;
  let browser: Browser;
  let opened: OpenedPage;
  const dialogs: string[] = [];

  beforeAll(async () => {
    // Every guide reply is the hostile text; structured calls get valid parameters.
    llm = await startFakeLlm({
      defaultReply: (request) => (request.body.response_format ? { kind: 'json', value: { key: 'D', mode: 'minor', tempo: 90 } } : { kind: 'text', text: HOSTILE }),
    });
    app = await startApp({ OPENAI_BASE_URL: llm.url, OPENAI_API_KEY: 'test', OPENAI_MODEL: 'fake-model', INNERCHORD_LOG: 'silent' });
    browser = await launchBrowser();
    opened = await openPage(browser, app.url);
    opened.page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
  }, 90_000);

  afterAll(async () => {
    await opened?.context.close();
    await browser?.close();
    await app?.close();
    await llm?.close();
  });

  it('shows the reply\'s tags as characters: no <img>, <script> or <b> is created, no dialog opens', async () => {
    const { page } = opened;
    await page.getByRole('button', { name: 'Start a new song' }).click();
    await page.getByLabel('Your reply to the guide').waitFor();
    await say(page, 'just make something sad in D minor');
    await page.getByText('onerror=alert(1)', { exact: false }).first().waitFor({ timeout: 15_000 });
    const found = await page.evaluate(() => ({
      imgX: document.querySelectorAll('img[src="x"]').length,
      injected: document.querySelectorAll('#injected').length,
      scripts: [...document.querySelectorAll('script')].filter((s) => s.textContent?.includes('__pwned')).length,
      pwned: (window as unknown as { __pwned?: boolean }).__pwned ?? false,
      text: document.body.innerText,
    }));
    expect(found).toMatchObject({ imgX: 0, injected: 0, scripts: 0, pwned: false });
    expect(found.text).toContain('<img src=x onerror=alert(1)>');
    expect(found.text).toContain('<script>');
    await page.waitForTimeout(300);
    expect(dialogs).toEqual([]);
    await screenshot(page, 'hardening-xss-as-text');
  }, 60_000);

  it('plays the sketch under the strict CSP with no violation in the console', async () => {
    const { page, errors } = opened;
    const violations: string[] = [];
    await page.exposeFunction('__cspViolation', (v: string) => violations.push(v));
    await page.evaluate(() =>
      document.addEventListener('securitypolicyviolation', (e) => (window as unknown as { __cspViolation: (v: string) => void }).__cspViolation(`${e.violatedDirective} ${e.blockedURI}`)),
    );
    const play = page.getByTestId('play');
    await play.waitFor({ timeout: 15_000 });
    await play.click();
    await page.waitForFunction(() => (window as unknown as { __innerchordPlayer?: { status: string } }).__innerchordPlayer?.status === 'playing', undefined, { timeout: 20_000 });
    await page.waitForTimeout(800);
    expect(violations).toEqual([]);
    expect(errors.filter((e) => /Content Security Policy|Refused to/i.test(e))).toEqual([]);
  }, 60_000);
});
