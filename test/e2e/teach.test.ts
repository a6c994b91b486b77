/**
 * The teaching layer, the printable summary and session templates in a real browser: the Theory
 * panel shows each chord's roman numeral (as music/teach computes it) with keyboard-reachable
 * glossary popovers; "Print summary" renders intention, chord chart, notes and versions, and
 * under print media nothing else; a chosen template asks its own first question. Needs the built
 * web/dist and /usr/bin/chromium; otherwise skipped.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { explainChord } from '../../music/teach/harmony.ts';
import { BUILTIN_TEMPLATES } from '../../server/templates/builtin.ts';
import { browserSkipReason, launchBrowser, openPage, screenshot, startApp, type RunningApp } from '../support/browser.ts';
import { setupCode } from '../../server/auth/invites.ts';

const skip = browserSkipReason();
if (skip) console.warn(`teach e2e: ${skip}`);

const AXE = fileURLToPath(new URL('../../node_modules/axe-core/axe.min.js', import.meta.url));

/** Serious and critical axe violations inside `selector` (axe evaluated: the CSP refuses inline scripts). */
async function axe(page: Page, selector: string): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(readFileSync(AXE, 'utf8'));
  return page.evaluate(async (sel) => {
    const a = (window as unknown as { axe: { run(ctx: unknown): Promise<{ violations: { id: string; impact: string; nodes: unknown[] }[] }> } }).axe;
    const result = await a.run({ include: [[sel]] });
    return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id} (${v.nodes.length})`);
  }, selector);
}

const PARAMS = { key: 'A', mode: 'minor', tempo: 84, meter: '3/4', sections: [{ name: 'verse', bars: 4 }, { name: 'chorus', bars: 4 }] };

describe.skipIf(skip !== null)('theory, print and templates in Chromium', () => {
  let app: RunningApp;
  let browser: Browser;
  let songId: string;
  let chords: { symbol: string }[];

  beforeAll(async () => {
    app = await startApp();
    browser = await launchBrowser();
    const send = async (method: string, path: string, body: unknown) =>
      (await (await fetch(app.url + path, { method, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })).json()) as Record<string, unknown>;
    songId = (await send('POST', '/api/songs', { title: 'Theory test' })).id as string;
    await send('PUT', `/api/songs/${songId}/intention`, { text: 'A song for my brother about the long drive home', confirmed: true });
    const version = await send('POST', `/api/songs/${songId}/versions`, { params: PARAMS, seed: 3, request: 'first sketch' });
    if (!version.sketch) throw new Error(`creating the version failed: ${JSON.stringify(version)}`);
    chords = (version.sketch as { chords: { symbol: string }[] }).chords;
    await send('POST', `/api/songs/${songId}/notes`, { text: 'Try the chorus an octave up' });
  }, 90_000);

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it('shows roman numerals and chord functions in the Theory panel, with glossary popovers by keyboard', async () => {
    const { page, context, errors } = await openPage(browser, `${app.url}/#/songs/${songId}`);
    const panel = page.getByTestId('theory-panel');
    await panel.waitFor({ timeout: 20_000 });
    await expect(panel.getByRole('heading', { name: 'Mode: A minor' }).count()).resolves.toBe(1);
    const first = chords[0]!.symbol;
    const roman = explainChord(first, 'A', 'minor')!.roman;
    const row = panel.getByRole('row').filter({ has: page.getByRole('rowheader', { name: first, exact: true }) }).first();
    await expect(row.textContent()).resolves.toContain(roman);
    await expect(panel.textContent()).resolves.toMatch(/waltz/);

    const term = panel.getByRole('button', { name: 'Roman numeral' }).first();
    await term.focus();
    await page.keyboard.press('Enter');
    const pop = page.locator('[popover]:popover-open');
    await pop.waitFor({ timeout: 5000 });
    await expect(pop.textContent()).resolves.toMatch(/scale step/);
    await page.keyboard.press('Escape');
    await expect(page.locator('[popover]:popover-open').count()).resolves.toBe(0);
    await screenshot(page, 'teach-theory');
    expect(await axe(page, '[data-testid="theory-panel"]')).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('renders the printable summary, and prints it alone', async () => {
    const { page, context, errors } = await openPage(browser, `${app.url}/#/songs/${songId}`);
    await page.getByRole('button', { name: 'Print summary' }).click();
    const summary = page.getByTestId('print-summary');
    await summary.waitFor({ timeout: 10_000 });
    const text = (await summary.textContent()) ?? '';
    expect(text).toContain('A song for my brother about the long drive home');
    expect(text).toContain('Try the chorus an octave up');
    expect(text).toContain(first(chords));
    expect(text).toContain('first sketch');
    await page.emulateMedia({ media: 'print' });
    await expect(page.locator('.shell').isVisible()).resolves.toBe(false);
    await expect(summary.isVisible()).resolves.toBe(true);
    await expect(page.getByRole('button', { name: 'Print', exact: true }).isVisible()).resolves.toBe(false);
    expect(await axe(page, '[data-testid="print-summary"]')).toEqual([]);
    const pdf = await page.pdf({ format: 'A4' });
    expect(pdf.byteLength).toBeGreaterThan(1000);
    await page.emulateMedia({ media: 'screen' });
    await screenshot(page, 'teach-print');
    await page.keyboard.press('Escape');
    await expect(summary.count()).resolves.toBe(0);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('starts a song from a chosen template with that template\'s first question', async () => {
    const { page, context, errors } = await openPage(browser, app.url);
    const picker = page.getByTestId('template-picker');
    await picker.waitFor({ timeout: 15_000 });
    await page.getByRole('button', { name: 'Write session templates' }).click();
    await page.getByTestId('template-editor').waitFor();
    expect(await axe(page, '.welcome')).toEqual([]);
    // Write a template in the editor: it joins the picker at once.
    const editor = page.getByTestId('template-editor');
    await editor.getByLabel('Name').fill('Class warm-up');
    await editor.getByLabel('Wording').fill('Name a sound you heard on the way here today.');
    await editor.getByRole('button', { name: 'Save as new' }).click();
    await editor.getByRole('status').filter({ hasText: 'Saved “Class warm-up”.' }).waitFor({ timeout: 5000 });
    await expect(picker.locator('option', { hasText: 'Class warm-up' }).count()).resolves.toBe(1);
    await picker.selectOption('builtin:light-opener');
    await page.getByRole('button', { name: 'Start a new song' }).click();
    const opener = BUILTIN_TEMPLATES.find((t) => t.id === 'builtin:light-opener')!;
    const bubble = page.locator('.msg[data-role="assistant"]').first();
    await bubble.waitFor({ timeout: 15_000 });
    await expect(bubble.textContent()).resolves.toContain(opener.questions[0]!.question);
    await expect(page.locator('li.opening').count()).resolves.toBe(0);
    await screenshot(page, 'teach-template');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('shows a facilitator a discreet check-in (person and time, never the words) in group mode', async () => {
    const group = await startApp({ INNERCHORD_OFFLINE: '1', INNERCHORD_MODE: 'group' });
    try {
      const signup = async (username: string, invite: string) => {
        const context = await browser.newContext();
        const res = await context.request.post(`${group.url}/api/auth/signup`, { data: { username, password: 'a long enough password', invite }, headers: { origin: group.url } });
        expect(res.status()).toBe(201);
        return { context, csrf: ((await res.json()) as { csrfToken: string }).csrfToken };
      };
      // Groups are invite-only: the first facilitator uses the one-time setup code the server prints
      // at start-up, then invites the participant.
      const fac = await signup('fac', (await setupCode(group.db))!);
      const invite = await fac.context.request.post(`${group.url}/api/invites`, { data: {}, headers: { origin: group.url, 'x-csrf-token': fac.csrf } });
      expect(invite.status()).toBe(201);
      const ana = await signup('ana', ((await invite.json()) as { code: string }).code);
      const headers = { origin: group.url, 'x-csrf-token': ana.csrf };
      const song = (await (await ana.context.request.post(`${group.url}/api/songs`, { data: { title: 'mine' }, headers })).json()) as { id: string };
      const turn = await ana.context.request.post(`${group.url}/api/songs/${song.id}/turns`, { data: { text: 'I want to die' }, headers });
      expect(((await turn.json()) as { crisis: boolean }).crisis).toBe(true);

      const page = await fac.context.newPage();
      await page.goto(group.url);
      const alerts = page.getByTestId('safety-alerts');
      await alerts.getByText('Check-ins (1)').click({ timeout: 15_000 });
      await expect(alerts.textContent()).resolves.toContain('ana');
      await expect(alerts.textContent()).resolves.not.toMatch(/want to die/);
      expect(await axe(page, '[data-testid="safety-alerts"]')).toEqual([]);
      await alerts.getByRole('button', { name: 'Mark as followed up' }).click();
      await alerts.getByText('Check-ins', { exact: true }).waitFor({ timeout: 5000 });
      await fac.context.close();
      await ana.context.close();
    } finally {
      await group.close();
    }
  }, 60_000);
});

function first(list: { symbol: string }[]): string {
  return list[0]!.symbol;
}
