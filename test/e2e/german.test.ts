/**
 * The page in German from end to end, in a real browser against the real offline app: switch the
 * language, start a song, talk to the guide in German, get a sketch, open the journal — and on every
 * screen, no English message of the page's own is left (visible text, screen-reader text and
 * aria-labels, checked against the English catalogue, plus everyday English words). The language
 * also follows the browser, is remembered, sets <html lang>, and is sent to the server.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { appAndBrowser, browserSkipReason, openPage, say, screenshot, settled } from '../support/browser.ts';
import { catalogue, ENGLISH_WORDS, englishMatchers, pageText } from '../support/i18n.ts';
import { detectLanguage } from '../../server/i18n/language.ts';

const skip = browserSkipReason();
if (skip) console.log(skip);

const de = catalogue('de');
const en = catalogue('en');
const msg = (key: string) => de.get(key) ?? '';
/** Proper nouns and music symbols that read the same in every language. */
const ALLOWED = new Set(['Innerchord', 'MIDI', 'WAV', 'BPM', 'A/B', 'Jam']);

/** Every string of the page's own that is still English, with the message or word that gave it away. */
async function englishLeft(page: Page, code = 'de'): Promise<{ strings: number; left: string[] }> {
  const matchers = englishMatchers(code);
  const texts = (await pageText(page)).filter((t) => !ALLOWED.has(t.text));
  const left: string[] = [];
  for (const { text, where } of texts) {
    const hit = matchers.find((m) => m.re.test(text));
    if (hit) left.push(`${where}: "${text}" (en ${hit.key})`);
    else if (ENGLISH_WORDS.test(text)) left.push(`${where}: "${text}" (English word)`);
  }
  return { strings: texts.length, left };
}

describe.skipIf(skip !== null)('the page in German', () => {
  const world = appAndBrowser();

  it('can tell English chrome from German (the check itself can fail)', async () => {
    const { page, context } = await openPage(world.browser, world.app.url, { locale: 'en-US' });
    await page.getByRole('button', { name: en.get('templates.start') }).waitFor();
    const english = await englishLeft(page);
    expect(english.left.length).toBeGreaterThan(10);
    await context.close();
  });

  it('switches to German and keeps it through a conversation, a sketch and the journal', { timeout: 120_000 }, async () => {
    const { page, errors, context } = await openPage(world.browser, world.app.url, { locale: 'en-US' });
    const languages: string[] = [];
    page.on('request', (r) => {
      if (r.url().includes('/api/')) languages.push(`${r.method()} ${new URL(r.url()).pathname} ${r.headers()['accept-language'] ?? ''}`);
    });
    await page.getByRole('button', { name: en.get('templates.start') }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');

    // Switch with the language control from the keyboard: a native select, whose arrow keys change it
    // (English, then Deutsch: the languages after English are in code order).
    await page.getByLabel(en.get('language.label')!).focus();
    await page.keyboard.press('ArrowDown');
    await page.getByRole('button', { name: msg('templates.start') }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('de');
    languages.length = 0;
    expect(await page.getByTestId('ai-disclosure').textContent()).toContain('kein Therapeut');
    await expect.poll(() => page.getByTestId('destination').textContent()).toBe(msg('top.offline'));
    let check = await englishLeft(page);
    expect(check.left, 'welcome').toEqual([]);
    expect(check.strings).toBeGreaterThan(20);
    await screenshot(page, 'de-01-welcome');

    // A conversation in German until the guide proposes what the song is for.
    await page.getByRole('button', { name: msg('templates.start') }).click();
    await page.getByLabel(msg('chat.replyLabel')).waitFor();
    const proposal = page.getByTestId('proposed-intention');
    const answers = [
      'Ich möchte ein trauriges Lied über meinen Großvater schreiben',
      'traurig, aber auch dankbar für die Zeit mit ihm',
      'dass er nie ganz weg ist',
      'seine Werkstatt, der Geruch von Holz und Kaffee am Morgen',
      'für meine Mutter und mich',
      'eher leise, mit Klavier',
      'einfach etwas Ruhiges',
      'warm und ruhig, wie ein Abend in seiner Werkstatt',
    ];
    // The guide may propose what the song is for first, or (having heard enough) sketch at once.
    const sketch = page.getByTestId('sketch-panel');
    const waiting = async () => !(await proposal.isVisible()) && !(await sketch.isVisible());
    for (let i = 0; i < answers.length && (await waiting()); i++) await say(page, answers[i]!);
    check = await englishLeft(page);
    expect(check.left, 'conversation').toEqual([]);
    await screenshot(page, 'de-02-conversation');
    // Every call since the switch (the typed client's and the streamed turns) told the server the page speaks German.
    expect(languages.some((l) => l.startsWith('POST') && l.includes('/turns'))).toBe(true);
    expect(languages.filter((l) => !/ de(,|$)/.test(l))).toEqual([]);

    // Agree, and a sketch arrives.
    if (await proposal.isVisible()) await proposal.getByRole('button', { name: msg('proposal.yes') }).click();
    await sketch.waitFor();
    await settled(page);
    await expect.poll(() => page.getByTestId('version-item').count()).toBe(1);
    check = await englishLeft(page);
    expect(check.left, 'sketch').toEqual([]);
    await screenshot(page, 'de-03-sketch');
    // The guide's own words, not only the page's chrome: its replies are German, and so is the reply
    // to a revision asked for in German (read by the same detector the server uses, with no prior).
    await say(page, 'weniger Schlagzeug im Refrain');
    await expect.poll(() => page.getByTestId('version-item').count(), { timeout: 30_000 }).toBe(2);
    const replies = await page.locator('li:not(.opening) > .msg[data-role="assistant"] .text').allTextContents();
    expect(replies.length).toBeGreaterThan(1);
    const german = replies.filter((r) => detectLanguage(r) === 'de');
    expect(german.length / replies.length, replies.join('\n---\n')).toBeGreaterThanOrEqual(0.9);
    expect(detectLanguage(replies.at(-1)!), replies.at(-1)).toBe('de');
    // The tools beside the sketch: the jam (pad, sliders, takes) and the WAV export.
    await page.getByTestId('open-jam').click();
    await page.getByTestId('jam-pad').waitFor();
    await page.getByTestId('open-wav').click();
    await page.getByTestId('wav-download').waitFor();
    check = await englishLeft(page);
    expect(check.left, 'jam and WAV').toEqual([]);
    await page.getByTestId('open-jam').click();

    // The journal: the song's timeline, then the song list after a reload (the choice is remembered).
    await page.getByRole('button', { name: msg('timeline.tab') }).click();
    await page.getByRole('region', { name: msg('timeline.label') }).or(page.getByLabel(msg('timeline.label'))).first().waitFor();
    check = await englishLeft(page);
    expect(check.left, 'timeline').toEqual([]);
    await page.reload();
    expect(await page.evaluate(() => localStorage.getItem('innerchord.language'))).toBe('de');
    const song = page.getByRole('list', { name: msg('journal.songs') }).getByRole('button').first();
    await song.waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('de');
    expect(await song.textContent()).toContain('2 Fassungen');
    await song.click();
    await page.getByTestId('sketch-panel').waitFor();
    check = await englishLeft(page);
    expect(check.left, 'journal after a reload').toEqual([]);
    await screenshot(page, 'de-04-journal');

    expect(errors).toEqual([]);
    await context.close();
  });

  it('follows the browser’s language when none was chosen, and says the footer in it', async () => {
    for (const [locale, code, words] of [['de-AT', 'de', 'kein Therapeut'], ['fr-FR', 'fr', 'pas un thérapeute'], ['es-MX', 'es', 'no es un terapeuta'], ['ja-JP', 'en', 'not a therapist']] as const) {
      const { page, context } = await openPage(world.browser, world.app.url, { locale });
      await page.getByTestId('ai-disclosure').filter({ hasText: words }).waitFor();
      expect(await page.evaluate(() => document.documentElement.lang), locale).toBe(code);
      if (code !== 'en') expect((await englishLeft(page, code)).left, locale).toEqual([]);
      await context.close();
    }
  });
});
