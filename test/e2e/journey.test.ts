/**
 * The whole journey of a new musician, in a real browser against the real offline app: start a song,
 * answer the guide (typing and chips), confirm the intention, get a sketch, ask for "slower", see v2
 * and what changed, compare, download the MIDI, reload and find the song again. Screenshots of each
 * screen go to test/artifacts/.
 */
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { appendMessage, createSong } from '../../server/journal/index.ts';
import { parseMidi } from 'midi-file';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appAndBrowser, browserSkipReason, launchBrowser, openPage, say, screenshot, settled, startApp, type RunningApp } from '../support/browser.ts';

const skip = browserSkipReason();
if (skip) console.log(skip);

describe.skipIf(skip !== null)('a new musician’s journey', () => {
  const world = appAndBrowser();

  // Known intermittent fault: once in several CI runs the page logged an InvalidAccessError with no
  // message, thrown inside Tone.js / standardized-audio-context (a disconnect of a node that is no
  // longer connected) when a sketch's sounds are torn down mid-play. The error collector now records
  // where it is thrown; until the cause is found, this journey gets one retry (two failures in a
  // row still fail CI).
  it('goes from a first word to a revised, compared, downloaded sketch, and finds it again after a reload', { retry: 1, timeout: 120_000 }, async () => {
    const { page, errors } = await openPage(world.browser, world.app.url);
    await expect.poll(() => page.getByTestId('destination').textContent()).toContain('Offline — your words stay on this computer');
    await screenshot(page, '01-welcome');

    // A new song.
    await page.getByRole('button', { name: 'Start a new song' }).click();
    await page.getByLabel('Your reply to the guide').waitFor();
    await screenshot(page, '02-new-song');

    // Answer the guide: typed answers, Shift+Enter for a second line, and a suggestion chip.
    const composer = page.getByLabel('Your reply to the guide');
    await composer.fill('A song for my grandmother, who died in spring.');
    await composer.press('Shift+Enter');
    await composer.pressSequentially('I want to remember her kitchen.');
    expect(await composer.inputValue()).toContain('\n');
    await composer.press('Enter');
    await page.waitForFunction(() => document.querySelectorAll('li:not(.opening) > .msg[data-role="assistant"]').length >= 1);
    await settled(page);
    // The reply is announced to screen readers through the polite live region.
    const reply = await page.locator('li:not(.opening) > .msg[data-role="assistant"] .text').last().textContent();
    await expect.poll(() => page.locator('[aria-live="polite"]').textContent()).toBe(reply);
    await expect.poll(() => page.locator('.msg[data-role="user"]').first().textContent()).toContain('her kitchen');

    await say(page, 'tender, and a bit heavy in my chest');
    await say(page, "that you're not alone");
    await say(page, 'her kitchen at night, the radio on, the smell of bread');
    // One question at a time, with suggested replies as chips: pick one.
    const chips = page.getByRole('list', { name: 'Suggested replies' }).getByRole('button');
    expect(await chips.count()).toBeGreaterThan(0);
    const chip = chips.filter({ hasNotText: /don't know|just make/i }).first();
    const chipText = (await chip.textContent())!.trim();
    const replies = 'li:not(.opening) > .msg[data-role="assistant"]';
    const before = await page.locator(replies).count();
    await chip.click();
    await page.waitForFunction(([sel, n]) => document.querySelectorAll(sel as string).length > (n as number), [replies, before] as const);
    await settled(page);
    expect(await page.locator('.msg[data-role="user"]').last().textContent()).toContain(chipText);
    await screenshot(page, '03-conversation');

    // Keep answering until the guide proposes an intention (the offline guide asks ~6 questions).
    const proposal = page.getByTestId('proposed-intention');
    for (let i = 0; i < 4 && !(await proposal.isVisible()); i++) await say(page, 'something with piano, quiet and warm');
    await proposal.waitFor();
    await screenshot(page, '04-proposed-intention');
    // Edit the intention in place on its card while the proposal waits: the proposal now asks about
    // their words, and "Yes" makes the sketch for them.
    const mine = 'A song for my grandmother about her kitchen at night';
    await page.getByTestId('intention-card').getByRole('button').click();
    await page.getByLabel('Intention').fill(mine);
    await page.keyboard.press('Enter');
    await expect.poll(() => proposal.locator('blockquote').textContent()).toBe(mine);
    await proposal.getByRole('button', { name: "Yes, that's it" }).click();
    await settled(page);

    // The intention is agreed and a first sketch exists.
    await expect.poll(() => page.getByTestId('intention-card').textContent()).toContain(mine);
    // The agreed intention named the untitled song, and the header shows the name at once.
    await expect.poll(() => page.getByRole('heading', { level: 1 }).first().textContent()).toBe('Her Kitchen at Night');
    const stored = (await (await fetch(`${world.app.url}/api/songs?limit=1`)).json()) as { songs: { title: string; intention: string }[] };
    expect(stored.songs[0]).toMatchObject({ title: 'Her Kitchen at Night', intention: mine });
    const versions = page.getByTestId('version-item');
    await expect.poll(() => versions.count()).toBe(1);
    await page.getByTestId('sketch-panel').waitFor();
    await screenshot(page, '05-first-sketch');

    // Ask for a revision.
    await say(page, 'slower');
    await expect.poll(() => versions.count()).toBe(2);
    const v2 = page.locator('[data-testid="version-item"][data-number="2"]');
    const v1 = page.locator('[data-testid="version-item"][data-number="1"]');
    await expect.poll(() => v2.textContent()).toMatch(/slower|tempo|bpm/i);
    const tempo = async (loc: typeof v1) => Number(/(\d+) bpm/.exec((await loc.textContent()) ?? '')?.[1]);
    expect(await tempo(v2)).toBeLessThan(await tempo(v1));
    expect(await v2.getByRole('list', { name: 'What changed in v2' }).count()).toBe(1);
    await screenshot(page, '06-version-2');

    // Compare v1 and v2.
    await v1.getByRole('checkbox', { name: 'Compare' }).check();
    await v2.getByRole('checkbox', { name: 'Compare' }).check();
    await page.getByRole('button', { name: 'Compare A/B' }).click();
    const compare = page.getByTestId('compare-view');
    await compare.waitFor();
    await expect.poll(() => compare.textContent()).toContain('v1 (A) and v2 (B)');
    expect(await compare.locator('tr.diff').count()).toBeGreaterThan(0);
    // "Play A, then B" starts A through the sketch panel (B follows when A ends).
    await compare.getByRole('button', { name: 'Play A, then B' }).click();
    await expect.poll(() => page.getByTestId('sketch-panel').getAttribute('aria-label')).toBe('Sketch of version 1');
    await expect.poll(() => page.evaluate(() => window.__innerchordPlayer?.status), { timeout: 20_000 }).toBe('playing');
    await compare.getByRole('button', { name: /Listen to B/ }).click();
    await expect.poll(() => page.getByTestId('sketch-panel').getAttribute('aria-label')).toBe('Sketch of version 2');
    await expect.poll(() => page.evaluate(() => window.__innerchordPlayer?.status)).not.toBe('playing');
    await screenshot(page, '07-compare');
    await compare.getByRole('button', { name: 'Done' }).click();

    // Rate v2 and leave a note on it.
    await v2.getByRole('radio', { name: 'a bit closer' }).check();
    await v2.getByRole('button', { name: 'Add a note to v2' }).click();
    await v2.getByLabel('Your note on v2').fill('Slower feels like her kitchen.');
    await v2.getByRole('button', { name: 'Save note' }).click();
    await v2.getByText('Slower feels like her kitchen.').waitFor();

    // Space plays and stops the sketch when focus is not in a text field; in the composer it types.
    await page.locator('body').click({ position: { x: 5, y: 300 } });
    await page.keyboard.press('Space');
    await expect.poll(() => page.evaluate(() => window.__innerchordPlayer?.status), { timeout: 20_000 }).toBe('playing');
    await screenshot(page, '07b-playing');
    await page.keyboard.press('Space');
    await expect.poll(() => page.evaluate(() => window.__innerchordPlayer?.status)).not.toBe('playing');
    await page.getByLabel('Your reply to the guide').focus();
    await page.keyboard.press('Space');
    expect(await page.getByLabel('Your reply to the guide').inputValue()).toBe(' ');
    expect(await page.evaluate(() => window.__innerchordPlayer?.status)).not.toBe('playing');
    await page.getByLabel('Your reply to the guide').fill('');

    // Revert to v1: a new version v3 with v1's choices.
    await v1.getByRole('button', { name: 'Revert to v1' }).click();
    const v3 = page.locator('[data-testid="version-item"][data-number="3"]');
    await v3.waitFor();
    expect(await v3.textContent()).toContain('revert to v1');
    expect(await tempo(v3)).toBe(await tempo(v1));

    // Branch from v2: v4 keeps v2's choices with fresh details (a new seed).
    await v2.getByRole('button', { name: 'Branch a variation from v2' }).click();
    const v4 = page.locator('[data-testid="version-item"][data-number="4"]');
    await v4.waitFor();
    expect(await v4.textContent()).toContain('branch from v2');
    expect(await tempo(v4)).toBe(await tempo(v2));

    // Download v2's MIDI and read it with an independent parser.
    const [download] = await Promise.all([page.waitForEvent('download'), v2.getByRole('link', { name: 'Download MIDI of v2' }).click()]);
    expect(download.suggestedFilename()).toMatch(/-v2\.mid$/);
    const midi = parseMidi(readFileSync((await download.path())!));
    expect(midi.header.format).toBe(1);
    expect(midi.tracks.length).toBeGreaterThanOrEqual(2);
    const noteOns = midi.tracks.flat().filter((e) => e.type === 'noteOn' && e.velocity > 0);
    expect(noteOns.length).toBeGreaterThan(0);

    // Reload: the song is in the journal and opens again with its versions.
    await page.reload();
    const song = page.getByRole('list', { name: 'Songs' }).getByRole('button').first();
    await song.waitFor();
    expect(await song.textContent()).toContain('4 versions');
    await song.click();
    await expect.poll(() => page.getByTestId('version-item').count()).toBe(4);
    const v2again = page.locator('[data-testid="version-item"][data-number="2"]');
    expect(await v2again.getByRole('radio', { name: 'a bit closer' }).isChecked()).toBe(true);
    expect(await v2again.textContent()).toContain('Slower feels like her kitchen.');
    await screenshot(page, '08-after-reload');

    expect(errors).toEqual([]);
  });

  it('offers Retry for words the guide never answered, and retrying answers them', async () => {
    // As if the server stopped mid-turn: the musician's words are stored, the reply never came.
    const song = await createSong(world.app.db, { title: 'Interrupted song' });
    await appendMessage(world.app.db, { songId: song.id, role: 'user', text: 'It is about the sea at dawn.' });
    const { page, errors } = await openPage(world.browser, `${world.app.url}/#/songs/${song.id}`);
    const failure = page.getByTestId('turn-failure');
    await failure.waitFor();
    expect(await page.locator('.msg[data-role="user"]').last().textContent()).toContain('the sea at dawn');
    await screenshot(page, '09-unanswered');
    await failure.getByRole('button', { name: 'Retry' }).click();
    await settled(page);
    await expect.poll(() => page.locator('li:not(.opening) > .msg[data-role="assistant"]').count()).toBe(1);
    expect(await failure.count()).toBe(0);
    expect(errors).toEqual([]);
  });

  it('answers words of crisis with a calm card instead of music', async () => {
    const { page, errors } = await openPage(world.browser, world.app.url);
    await page.getByRole('button', { name: 'New song', exact: true }).click();
    await say(page, 'Honestly I want to kill myself, nothing matters');
    await page.getByRole('heading', { name: 'You matter more than any song' }).waitFor();
    expect(await page.getByTestId('version-item').count()).toBe(0);
    await screenshot(page, '10-crisis');
    expect(errors).toEqual([]);
  });

  // Six journal actions through the page, each waited on: 16 s on a quiet machine, 21 s seen in a loaded CI run.
  it('keeps a journal: rename, search, archive, export and import, delete with confirmation', async () => {
    const { page, errors } = await openPage(world.browser, world.app.url);
    await page.getByRole('button', { name: 'New song', exact: true }).click();
    await say(page, 'A lullaby for my daughter, about the night garden');
    // Rename from the song header.
    await page.getByRole('button', { name: 'Rename song' }).click();
    await page.getByLabel('Song title').fill('Night garden');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    const list = page.getByRole('list', { name: 'Songs' });
    await list.getByRole('button', { name: /Night garden/ }).waitFor();

    // The intention can be written by hand at any time, and edited in place by keyboard:
    // Enter saves, Escape cancels, an empty one is refused in words.
    const card = page.getByTestId('intention-card');
    await page.getByRole('button', { name: 'Write it myself' }).click();
    await page.getByLabel('Intention').fill('A song to help her fall asleep');
    await page.keyboard.press('Enter');
    await expect.poll(() => card.textContent()).toContain('A song to help her fall asleep');
    await page.getByRole('button', { name: 'Edit intention' }).click();
    await page.getByLabel('Intention').fill('something else entirely');
    await page.keyboard.press('Escape');
    await card.getByRole('button', { name: 'Edit intention' }).waitFor();
    expect(await card.textContent()).not.toContain('something else entirely');
    await page.getByRole('button', { name: 'Edit intention' }).click();
    await page.getByLabel('Intention').fill('   ');
    await page.keyboard.press('Enter');
    await expect.poll(() => card.getByRole('alert').textContent()).toContain('cannot be empty');
    await page.getByRole('button', { name: 'Save intention' }).waitFor();
    await page.getByLabel('Intention').fill('A song to help her fall asleep in the night garden');
    await page.getByRole('button', { name: 'Save intention' }).click();
    await expect.poll(() => card.textContent()).toContain('in the night garden');
    // An agreed intention names only songs still untitled: the title they chose stays.
    await expect.poll(() => page.getByRole('heading', { level: 1 }).first().textContent()).toBe('Night garden');

    // The theme toggle cycles system → light → dark.
    const toggle = page.getByRole('button', { name: /^Theme:/ });
    await toggle.click();
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('light');
    await toggle.click();
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    await screenshot(page, '11a-dark');
    await toggle.click();
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBeUndefined();

    // Search by title and by words said in the conversation.
    const search = page.getByLabel('Search songs');
    await search.fill('lullaby');
    await expect.poll(() => list.getByRole('button').allTextContents()).toEqual([expect.stringContaining('Night garden')]);
    await search.fill('zzzz-no-such-song');
    await list.getByText('No songs match that search.').waitFor();
    await search.fill('');
    await list.getByRole('button', { name: /Night garden/ }).waitFor();

    // Archive hides it; the archived toggle shows it; unarchive brings it back.
    await page.getByRole('button', { name: 'Archive', exact: true }).click();
    await expect.poll(() => list.getByRole('button', { name: /Night garden/ }).count()).toBe(0);
    await page.getByLabel('Show archived songs').check();
    const archived = page.getByRole('list', { name: 'Archived songs' });
    await archived.getByRole('button', { name: /Night garden/ }).waitFor();
    await page.getByRole('button', { name: 'Unarchive' }).click();
    await page.getByLabel('Show archived songs').uncheck();
    await list.getByRole('button', { name: /Night garden/ }).waitFor();

    // Export the song, then import the zip as a new song.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Export .zip' }).click()]);
    const zip = (await download.path())!;
    expect(readFileSync(zip).subarray(0, 2).toString()).toBe('PK');
    await page.getByLabel('Import a song (.zip)').setInputFiles(zip);
    await page.getByText('Imported “Night garden”.').waitFor();
    await expect.poll(() => list.getByRole('button', { name: /Night garden/ }).count()).toBe(2);
    await screenshot(page, '11-journal');

    // Delete asks first; Cancel keeps the song, Delete removes it.
    await page.getByRole('button', { name: 'Delete…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Delete this song?' });
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    expect(await list.getByRole('button', { name: /Night garden/ }).count()).toBe(2);
    await page.getByRole('button', { name: 'Delete…' }).click();
    await dialog.getByRole('button', { name: 'Delete song' }).click();
    await expect.poll(() => list.getByRole('button', { name: /Night garden/ }).count()).toBe(1);
    await page.getByRole('heading', { name: 'What is your song for?' }).waitFor();
    expect(errors).toEqual([]);
  }, 60_000);

});

describe.skipIf(skip !== null)('when an LLM is configured but failing', () => {
  let app: RunningApp;
  let browser: Browser;
  let llm: Server;

  beforeAll(async () => {
    // A real HTTP endpoint that fails every request the way a broken LLM server would.
    llm = createServer((_req, res) => {
      res.writeHead(500, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ error: { message: 'model crashed', type: 'server_error' } }));
    });
    await new Promise<void>((resolve) => llm.listen(0, '127.0.0.1', resolve));
    const { port } = llm.address() as AddressInfo;
    app = await startApp({ OPENAI_BASE_URL: `http://127.0.0.1:${port}/v1`, OPENAI_API_KEY: 'test-key', INNERCHORD_LLM_TIMEOUT_MS: '5000' });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
    await new Promise((resolve) => llm?.close(resolve));
  });

  it('says where the words go, and says so when the offline guide answered instead', async () => {
    const { page, errors } = await openPage(browser, app.url);
    const port = (llm.address() as AddressInfo).port;
    await expect.poll(() => page.getByTestId('destination').textContent()).toContain(`LLM: 127.0.0.1:${port}`);
    await page.getByRole('button', { name: 'Start a new song' }).click();
    await say(page, 'A song about the first morning of the holidays');
    const notice = page.getByTestId('fallback').last();
    await notice.waitFor();
    expect(await notice.textContent()).toMatch(/offline guide answered/);
    await screenshot(page, '12-fallback');
    expect(errors).toEqual([]);
  });
});
