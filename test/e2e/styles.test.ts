/**
 * The Style control beside the sketch, in a real browser against the real offline app: disabled
 * with its hint before the first sketch; then bossa nova blended with lo-fi hip hop, chosen by
 * keyboard and applied, arrives as an ordinary conversation turn and a new version whose params
 * carry the style and the blend. Axe checks the control in light and dark, and at phone width.
 * Also proves, without a browser, that every sentence the control can send, in each page language,
 * is one the offline interpreter understands exactly, and one the guide reads as that language
 * (and as a revision) so it answers in it.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { TEMPLATES } from '../../music/styles/templates.ts';
import { guideStep, parseState } from '../../server/guide/index.ts';
import { interpretOffline, reviseOffline } from '../../server/interpret/index.ts';
import { createMessages } from '../../web/src/i18n/messages.ts';
import { BLEND_STEPS, styleSentence, type Say } from '../../web/src/styles/phrase.ts';
import { appAndBrowser, axeViolations, browserSkipReason, openPage, say, screenshot, settled } from '../support/browser.ts';

const skip = browserSkipReason();
if (skip) console.log(skip);

describe('the sentences the Style control sends', () => {
  const base = interpretOffline('a song for my grandmother, tender, with piano').params;
  const LANGUAGES = ['en', 'de', 'fr', 'es'] as const;
  const messages = createMessages();
  for (const code of LANGUAGES) messages.add(code, JSON.parse(readFileSync(new URL(`../../lang/${code}/web.json`, import.meta.url), 'utf8')));
  /** The page's sentence templates in `code`, as the Style control looks them up. */
  const sayIn = (code: string): Say => (key, names) => messages.find(code, `style.say.${key}`, names);
  /** Every sentence the control can send in `code`, with the template, blend and amount it asks for. */
  function* sentences(code: string) {
    for (const a of TEMPLATES) {
      for (const b of [undefined, ...TEMPLATES.filter((t) => t !== a)]) {
        for (const pct of b ? BLEND_STEPS.filter((s) => s > 0) : [0 as const]) {
          yield { sentence: styleSentence(sayIn(code), a, b, pct), style: a.name, blend: b ? { with: b.name, amount: pct / 100 } : undefined };
        }
      }
    }
  }

  it('say in English what they said before, and in the page’s language otherwise', () => {
    const [bossa, lofi, afro] = ['bossa nova', 'lo-fi hip hop', 'afrobeat'].map((n) => TEMPLATES.find((t) => t.name === n)!);
    expect(styleSentence(sayIn('en'), bossa!)).toBe("Let's hear it in a bossa nova style.");
    expect(styleSentence(sayIn('en'), afro!)).toBe("Let's hear it in an afrobeat style.");
    expect(styleSentence(sayIn('en'), bossa!, lofi, 50)).toBe("Let's hear it in a bossa nova meets lo-fi hip hop style.");
    expect(styleSentence(sayIn('en'), bossa!, lofi, 25)).toBe("Let's hear it in a style that's mostly bossa nova with a bit of lo-fi hip hop.");
    expect(styleSentence(sayIn('es'), bossa!, lofi, 25)).toBe('Vamos a escucharla sobre todo en estilo bossa nova, con un toque de lo-fi hip hop.');
  });

  for (const code of LANGUAGES) {
    it(`are each understood as exactly that template, blend and amount, and nothing else (${code})`, () => {
      const misread: string[] = [];
      for (const { sentence, style, blend } of sentences(code)) {
        const { params, understood } = reviseOffline(base, sentence);
        if (params.style !== style || JSON.stringify(params.styleBlend) !== JSON.stringify(blend) || understood.length !== 1) {
          misread.push(`${sentence} → ${understood.join('; ')}`);
        }
      }
      expect(misread).toEqual([]);
    });

    // The guide answers in the language it detects (server/guide/offline.ts): with nothing else to
    // go on (no earlier turns, no page language) each sentence must read as its own language, and
    // after a sketch as a revision to make.
    it(`are each read by the guide as ${code} and as a revision`, () => {
      const listening = parseState({ stage: 'listening' });
      const misread: string[] = [];
      for (const { sentence } of sentences(code)) {
        const step = guideStep(listening, sentence);
        if (step.language !== code || step.action.kind !== 'revise') misread.push(`${sentence} → ${step.language} ${step.action.kind}`);
      }
      expect(misread).toEqual([]);
    });
  }
});

describe.skipIf(skip !== null)('the Style control', () => {
  const world = appAndBrowser();

  it('turns “bossa nova meets lo-fi hip hop” into a conversation turn and a new, blended version', async () => {
    const { page, errors } = await openPage(world.browser, world.app.url);
    await page.getByRole('button', { name: 'Start a new song' }).click();
    await page.getByLabel('Your reply to the guide').waitFor();

    // Before the first sketch: findable, disabled, and saying why.
    const locked = page.getByTestId('style-control');
    await locked.waitFor();
    expect(await locked.getByRole('button', { name: 'Apply style' }).isDisabled()).toBe(true);
    expect(await locked.textContent()).toContain('Available once the first sketch exists');
    expect(await axeViolations(page, '[data-testid="style-control"]')).toEqual([]);

    // A first sketch, the way the journey gets there.
    await say(page, 'A song for my grandmother, who died in spring. I want to remember her kitchen.');
    await say(page, 'tender, and a bit heavy in my chest');
    await say(page, "that you're not alone");
    await say(page, 'her kitchen at night, the radio on, the smell of bread');
    const proposal = page.getByTestId('proposed-intention');
    for (let i = 0; i < 5 && !(await proposal.isVisible()); i++) await say(page, 'something with piano, quiet and warm');
    await proposal.getByRole('button', { name: "Yes, that's it" }).click();
    await settled(page);
    const versions = page.getByTestId('version-item');
    await expect.poll(() => versions.count()).toBe(1);

    // The control in the sketch panel, used by keyboard.
    const control = page.getByTestId('sketch-panel').getByTestId('style-control');
    await control.waitFor();
    const main = control.getByLabel('Main style');
    await main.focus();
    await main.selectOption('bossa nova');
    expect(await control.textContent()).toContain('Brazilian, soft and cool');
    await control.getByLabel('Blend in').selectOption('lo-fi hip hop');
    const mix = control.getByLabel(/How much lo-fi hip hop/);
    expect(await mix.getAttribute('aria-valuetext')).toBe('half and half (50%)');
    await mix.focus();
    await page.keyboard.press('ArrowLeft');
    expect(await mix.getAttribute('aria-valuetext')).toBe('a bit (25%)');
    await page.keyboard.press('ArrowRight');
    expect(await mix.getAttribute('aria-valuetext')).toBe('half and half (50%)');
    const sentence = "Let's hear it in a bossa nova meets lo-fi hip hop style.";
    expect(await control.textContent()).toContain(`Sends: “${sentence}”`);
    expect(await axeViolations(page, '[data-testid="sketch-panel"] [data-testid="style-control"]')).toEqual([]);

    const apply = control.getByRole('button', { name: 'Apply style' });
    await apply.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => versions.count()).toBe(2);
    await settled(page);

    // The words went through the conversation, and v2 is an ordinary revision carrying the blend.
    await expect.poll(() => page.locator('.msg[data-role="user"]').last().textContent()).toContain(sentence);
    const v2 = page.locator('[data-testid="version-item"][data-number="2"]');
    expect(await v2.textContent()).toContain(sentence);
    const songId = decodeURIComponent(/#\/songs\/(.+)$/.exec(page.url())![1]!);
    const song = (await (await fetch(`${world.app.url}/api/songs/${songId}`)).json()) as { versions: { id: string; number: number }[] };
    const newest = song.versions.find((v) => v.number === 2)!;
    const version = (await (await fetch(`${world.app.url}/api/versions/${newest.id}`)).json()) as { params: { style?: string; styleBlend?: { with: string; amount: number } } };
    expect(version.params.style).toBe('bossa nova');
    expect(version.params.styleBlend).toEqual({ with: 'lo-fi hip hop', amount: 0.5 });
    await expect.poll(() => control.getByTestId('current-style').textContent()).toContain('v2’s style: bossa nova with 50% lo-fi hip hop');
    // Asking again for what v2 already is would change nothing, so the button says so instead.
    expect(await apply.isDisabled()).toBe(true);
    await screenshot(page, 'styles-01-applied');

    // Dark theme: still no contrast or labelling problems.
    await page.evaluate(() => (document.documentElement.dataset.theme = 'dark'));
    expect(await axeViolations(page, '[data-testid="sketch-panel"] [data-testid="style-control"]')).toEqual([]);
    await control.scrollIntoViewIfNeeded();
    await screenshot(page, 'styles-02-dark');
    expect(errors).toEqual([]);
    await page.context().close();

    // Phone width: the Sketch tab holds the control, and nothing spills sideways.
    const phone = await openPage(world.browser, `${world.app.url}/#/songs/${encodeURIComponent(songId)}`, { viewport: { width: 390, height: 844 }, colorScheme: 'dark' });
    await phone.page.getByRole('button', { name: /^Sketch/ }).click();
    const small = phone.page.getByTestId('sketch-panel').getByTestId('style-control');
    await small.scrollIntoViewIfNeeded();
    const box = (await small.boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(390);
    expect(await axeViolations(phone.page, '[data-testid="sketch-panel"] [data-testid="style-control"]')).toEqual([]);
    await screenshot(phone.page, 'styles-03-phone');
    expect(phone.errors).toEqual([]);
    await phone.context.close();
  }, 120_000);
});
