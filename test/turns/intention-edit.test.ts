/** The intention card's edit is the musician's: the first sketch is made for it, it names the song,
 *  and later turns (through the running summary) see it rather than the guide's older wording. */
import { describe, expect, it } from 'vitest';
import { getConversation } from '../../server/journal/index.ts';
import { sharedPglite } from '../support/db.ts';
import { ANSWERS, makeApp, newSong, post, say, type App } from './helpers.ts';

const t = sharedPglite();
const EDIT = 'A song for my sister about the letters she kept in the blue tin, in D minor';

const edit = (app: App, id: string, text: string) =>
  app.request(`/api/songs/${id}/intention`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ text, confirmed: true }) });

async function untitled(app: App): Promise<string> {
  return ((await (await post(app, '/api/songs', {})).json()) as { id: string }).id;
}

describe('an intention edited on the card', () => {
  it('is what "yes" to the guide\'s proposal makes the first sketch for, and it names the song', async () => {
    const app = makeApp(t.db);
    const id = await untitled(app);
    let last;
    for (const answer of ANSWERS) last = await say(app, id, answer);
    expect(last!.stage).toBe('intention');
    expect(last!.proposedIntention).not.toBe(EDIT);

    const res = await edit(app, id, `  ${EDIT} `);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ text: EDIT, confirmed: true, songTitle: 'The Letters She Kept' });

    const first = await say(app, id, 'yes');
    expect(first.intention).toMatchObject({ text: EDIT, confirmed: true });
    expect(first.reply.text).toContain('the letters she kept in the blue tin');
    // The interpreter read the edit: "in D minor" is honoured exactly.
    expect(first.version).toMatchObject({ key: 'D', mode: 'minor' });
    const song = (await (await app.request(`/api/songs/${id}`)).json()) as { song: { title: string; intention: string } };
    expect(song.song).toMatchObject({ title: 'The Letters She Kept', intention: EDIT });
  });

  it('is used by "just make something" before the guide has proposed anything', async () => {
    const app = makeApp(t.db);
    const id = await newSong(app);
    await say(app, id, ANSWERS[0]!);
    expect((await edit(app, id, EDIT)).status).toBe(200);
    const made = await say(app, id, 'just make something');
    expect(made.intention).toMatchObject({ text: EDIT, confirmed: true });
    expect(made.version).toMatchObject({ key: 'D', mode: 'minor' });
  });

  it('gives way to a proposal the guide made after it: "yes" then answers that proposal', async () => {
    const app = makeApp(t.db);
    const id = await newSong(app);
    await say(app, id, ANSWERS[0]!);
    await edit(app, id, EDIT);
    let last;
    for (const answer of ANSWERS.slice(1)) last = await say(app, id, answer);
    expect(last!.stage).toBe('intention');
    const first = await say(app, id, 'yes');
    expect(first.intention).toMatchObject({ text: last!.proposedIntention, confirmed: true });
  });

  it('gives way to words typed in the chat afterwards at the intention stage (they are newer)', async () => {
    const app = makeApp(t.db);
    const id = await newSong(app);
    for (const answer of ANSWERS) await say(app, id, answer);
    await edit(app, id, EDIT);
    const typed = 'A song for my sister about the last night in the old flat';
    const first = await say(app, id, typed);
    expect(first.intention).toMatchObject({ text: typed, confirmed: true });
  });

  it('after the first sketch, is what the running summary carries into later turns', async () => {
    const app = makeApp(t.db);
    const id = await newSong(app);
    for (const answer of [...ANSWERS, 'yes']) await say(app, id, answer);
    const later = 'A song for my sister about forgiving the move';
    expect((await edit(app, id, later)).status).toBe(200);
    const revised = await say(app, id, 'slower');
    expect(revised.intention).toMatchObject({ text: later });
    const { summary } = await getConversation(t.db, id);
    expect(summary).toContain(`Intention: “${later}”.`);
    expect(summary).not.toContain('the quiet after the move, tender');
  });

  it('survives a changed answer afterwards: only a phrase it quoted is swapped, otherwise it stays as written', async () => {
    const app = makeApp(t.db);
    const id = await newSong(app);
    for (const answer of [...ANSWERS, 'yes']) await say(app, id, answer);
    const own = 'A song about the letters in the blue tin';
    await edit(app, id, own);
    const angry = await say(app, id, 'actually I feel angry, not tender');
    expect(angry.version).not.toBeNull(); // the music follows the new feeling …
    expect(angry.intention).toMatchObject({ text: own }); // … and their wording stays theirs
    await edit(app, id, 'A song for my sister about the letters in the blue tin');
    const mother = await say(app, id, "actually it's for my mother");
    expect(mother.intention).toMatchObject({ text: 'A song for my mother about the letters in the blue tin' });
  });

  it('refuses an empty or over-long intention with a 400 that names the field and the limit', async () => {
    const app = makeApp(t.db);
    const id = await newSong(app);
    for (const text of ['', '   ']) {
      const res = await edit(app, id, text);
      expect(res.status).toBe(400);
      expect(((await res.json()) as { error: { field?: string } }).error.field).toBe('text');
    }
    const long = await edit(app, id, 'x'.repeat(2001));
    expect(long.status).toBe(400);
    expect(((await long.json()) as { error: { message: string } }).error.message).toMatch(/at most 2,000 characters/);
    expect((await edit(app, 'nope', 'a song')).status).toBe(404);
  });
});
