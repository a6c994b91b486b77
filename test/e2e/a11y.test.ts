/**
 * Accessibility of the main screens, checked by axe-core inside the real page: no serious or critical
 * violations on the welcome screen, a conversation with a proposed intention, the sketch and versions,
 * A/B compare, the timeline, the delete dialog, the phone layout and the dark theme.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { appAndBrowser, axeViolations, browserSkipReason, openPage, say, screenshot } from '../support/browser.ts';

const skip = browserSkipReason();
if (skip) console.log(skip);

/** Drive the offline guide from a new song to a proposed intention. */
async function toProposal(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'New song', exact: true }).click();
  await page.getByLabel('Your reply to the guide').waitFor();
  const proposal = page.getByTestId('proposed-intention');
  const answers = ['A song for my brother, who moved far away.', 'missing him, a quiet ache', 'I am still here', 'the bus stop in the rain', 'my brother', 'skip'];
  for (let i = 0; i < 10 && !(await proposal.isVisible()); i++) await say(page, answers[i] ?? 'skip');
  await proposal.waitFor();
}

describe.skipIf(skip !== null)('accessibility (axe-core)', () => {
  const world = appAndBrowser();

  it('has no serious or critical violations on the main screens, in light and dark', async () => {
    for (const colorScheme of ['light', 'dark'] as const) {
      const { page, errors, context } = await openPage(world.browser, world.app.url, { colorScheme });
      await page.getByTestId('destination').filter({ hasText: 'Offline' }).waitFor();
      expect(await axeViolations(page), `welcome (${colorScheme})`).toEqual([]);

      await toProposal(page);
      expect(await axeViolations(page), `conversation with a proposed intention (${colorScheme})`).toEqual([]);

      await page.getByRole('button', { name: "Yes, that's it" }).click();
      await page.getByTestId('sketch-panel').waitFor();
      await say(page, 'slower');
      await page.locator('[data-testid="version-item"][data-number="2"]').waitFor();
      expect(await axeViolations(page), `sketch and versions (${colorScheme})`).toEqual([]);
      await screenshot(page, `a11y-sketch-${colorScheme}`);

      for (const n of [1, 2]) await page.locator(`[data-testid="version-item"][data-number="${n}"]`).getByRole('checkbox', { name: 'Compare' }).check();
      await page.getByRole('button', { name: 'Compare A/B' }).click();
      await page.getByTestId('compare-view').getByRole('table', { name: 'Differences between A and B' }).waitFor();
      expect(await axeViolations(page), `compare (${colorScheme})`).toEqual([]);
      await page.getByTestId('compare-view').getByRole('button', { name: 'Done' }).click();

      await page.getByRole('button', { name: 'Timeline' }).click();
      await page.getByLabel("Add a note to this song's journal").fill('The second one is closer.');
      await page.getByRole('button', { name: 'Add note' }).click();
      await page.getByText('The second one is closer.').last().waitFor();
      expect(await axeViolations(page), `timeline (${colorScheme})`).toEqual([]);

      await page.getByRole('button', { name: 'Delete…' }).click();
      await page.getByRole('dialog').waitFor();
      expect(await axeViolations(page), `delete dialog (${colorScheme})`).toEqual([]);
      await screenshot(page, `a11y-dialog-${colorScheme}`);
      await page.getByRole('button', { name: 'Cancel' }).click();

      expect(errors).toEqual([]);
      await context.close();
    }
  }, 180_000);

  it('has no serious or critical violations on a phone, in each tab', async () => {
    const { page, errors, context } = await openPage(world.browser, world.app.url, { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    const tabs = page.getByRole('navigation', { name: 'Panels' });
    await tabs.waitFor();
    // Open the song made by the previous test, so each tab has something in it.
    await tabs.getByRole('button', { name: 'Journal' }).click();
    const songs = page.getByRole('list', { name: 'Songs' }).getByRole('button');
    if ((await songs.count()) > 0) await songs.first().click();
    for (const name of ['Journal', 'Conversation', 'Sketch']) {
      await tabs.getByRole('button', { name }).click();
      expect(await axeViolations(page), `phone: ${name}`).toEqual([]);
      await screenshot(page, `a11y-phone-${name.toLowerCase()}`);
    }
    expect(errors).toEqual([]);
    await context.close();
  }, 60_000);
});
