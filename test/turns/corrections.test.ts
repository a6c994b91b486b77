import { describe, expect, it } from 'vitest';
import { currentIntention, getConversation } from '../../server/journal/index.ts';
import { sharedPglite } from '../support/db.ts';
import { makeApp, newSong, say, type App } from './helpers.ts';

const t = sharedPglite();

/** A conversation that ends sad, for my sister, with a confirmed intention and a first sketch. */
const SAD = [
  "It's about the quiet after the move.",
  'Sad, but a little hopeful too',
  "You're not alone",
  'Boxes in the hallway, rain on the window',
  'For my sister',
  'skip',
  'yes',
];

async function sketched(app: App) {
  const id = await newSong(app);
  let first;
  for (const text of SAD) first = await say(app, id, text);
  expect(first!.version).toMatchObject({ number: 1 });
  return { id, first: first! };
}

describe('changing an earlier answer after the first sketch (offline turn route)', () => {
  it('"actually I feel angry, not sad" reflects "angry", moves the mood and updates the guide state', async () => {
    const app = makeApp(t.db);
    const { id, first } = await sketched(app);
    const r = await say(app, id, 'actually I feel angry, not sad');
    expect(r.reply.text).toContain('“I feel angry”');
    expect(r.reply.text).not.toMatch(/couldn't turn/);
    expect(r.version).toMatchObject({ number: 2, parentId: first.version!.id, request: 'actually I feel angry, not sad' });
    expect(r.version!.valence).toBeLessThan(first.version!.valence);
    expect(r.version!.arousal).toBeGreaterThan(first.version!.arousal);
    expect(r.stage).toBe('listening');
    expect(r.intention!.text).toContain('angry');
    expect(r.reply.text).toContain(r.intention!.text);
    const state = (await getConversation(t.db, id)).state as { answers: Record<string, string>; requests: string[] };
    expect(state.answers['feeling']).toBe('I feel angry');
    expect(state.requests).toEqual([]);
  });

  it('"actually it\'s for my mother" changes the audience and the intention, and keeps the music', async () => {
    const app = makeApp(t.db);
    const { id, first } = await sketched(app);
    const r = await say(app, id, "actually it's for my mother");
    expect(r.intention!.text).toMatch(/^A song for my mother about the quiet after the move/);
    expect((await currentIntention(t.db, id))!.text).toBe(r.intention!.text);
    expect(r.reply.text).toContain('“it\'s for my mother”');
    if (r.version) {
      expect(r.version).toMatchObject({ tempo: first.version!.tempo, key: first.version!.key, valence: first.version!.valence });
      expect(r.reply.text).toContain('keeps the same music');
    }
    const state = (await getConversation(t.db, id)).state as { answers: Record<string, string> };
    expect(state.answers['audience']).toBe("it's for my mother");

    // Nothing broke: the next request is still a revision of the latest music.
    const slower = await say(app, id, 'slower');
    expect(slower.version!.tempo).toBeLessThan(first.version!.tempo);
    expect(slower.reply.text).toMatch(/Version \d/);
  });

  it('"slower" and "actually make it slower" still revise', async () => {
    const app = makeApp(t.db);
    const { id, first } = await sketched(app);
    const a = await say(app, id, 'slower');
    expect(a.version).toMatchObject({ number: 2, request: 'slower' });
    expect(a.version!.tempo).toBeLessThan(first.version!.tempo);
    const b = await say(app, id, 'actually make it slower');
    expect(b.version).toMatchObject({ number: 3, request: 'actually make it slower' });
    expect(b.version!.tempo).toBeLessThan(a.version!.tempo);
    expect((await getConversation(t.db, id)).state).toMatchObject({ requests: ['slower', 'actually make it slower'] });
  });
});
