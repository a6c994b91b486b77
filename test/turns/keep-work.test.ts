import { describe, expect, it } from 'vitest';
import { getVersion } from '../../server/journal/index.ts';
import { sharedPglite } from '../support/db.ts';
import { makeApp, newSong, say, type App } from './helpers.ts';

const t = sharedPglite();

const ANGRY = [
  'It is about the friend who lied to me. I am still angry.',
  'Angry and hurt',
  'That I deserved the truth',
  'A slammed door, cold coffee',
  'For myself',
  'skip',
  'yes',
];

async function sketched(app: App) {
  const id = await newSong(app);
  let first;
  for (const text of ANGRY) first = await say(app, id, text);
  expect(first!.version).toMatchObject({ number: 1 });
  return { id, first: first! };
}

describe('a corrected feeling keeps the work done by hand (offline turn route)', () => {
  it('"no, it\'s more about forgiveness than anger" moves the feeling; the hand-set tempo, the added bridge and "no drums in the intro" stay', async () => {
    const app = makeApp(t.db);
    const { id, first } = await sketched(app);
    const tempo = await say(app, id, '72 bpm');
    expect(tempo.version!.tempo).toBe(72);
    const bridge = await say(app, id, 'add a bridge');
    expect(bridge.version).not.toBeNull();
    const intro = await say(app, id, 'no drums in the intro');
    expect(intro.reply.text).toMatch(/intro/i);
    const before = await getVersion(t.db, intro.version!.id);

    const r = await say(app, id, "no, it's more about forgiveness than anger");
    expect(r.version, r.reply.text).not.toBeNull();
    const after = await getVersion(t.db, r.version!.id);
    // The feeling moved …
    expect(after.params.valence, r.reply.text).not.toBe(before.params.valence);
    // … and the work done by hand did not.
    expect(after.params.tempo).toBe(72);
    expect(after.params.sections.map((s) => s.name)).toEqual(before.params.sections.map((s) => s.name));
    expect(after.params.sections.filter((s) => s.arrangement?.drums?.mute).map((s) => s.name)).toEqual(['intro']);
    const introDrums = after.sketch.tracks.find((tr) => tr.id === 'drums')!.notes.filter((n) => n.start < after.sketch.sections[0]!.bars * after.sketch.ticksPerBar);
    expect(introDrums).toEqual([]);

    // A second correction still keeps them.
    const again = await say(app, id, 'actually I feel hopeful, not angry');
    if (again.version) {
      const v = await getVersion(t.db, again.version.id);
      expect(v.params.tempo).toBe(72);
      expect(v.params.sections.some((s) => s.name === 'bridge')).toBe(true);
    }
  }, 60_000);
});
