import { describe, expect, it } from 'vitest';
import { SongParameters } from '../../music/params.ts';
import { createVersion } from '../../server/journal/index.ts';
import { sharedPglite } from '../support/db.ts';
import { makeApp, newSong, say, type App } from './helpers.ts';

const t = sharedPglite();

/** A strophic folk form: its chorus is called "refrain", and it has no bridge. */
const FOLK = SongParameters.parse({
  valence: 0.1, arousal: -0.2, key: 'G', mode: 'major', tempo: 84,
  sections: [{ name: 'intro', bars: 4 }, { name: 'verse', bars: 8 }, { name: 'refrain', bars: 4, energy: 0.7 }, { name: 'verse', bars: 8 }, { name: 'refrain', bars: 4, energy: 0.7 }, { name: 'outro', bars: 4 }],
});

/** A song talked through to its first sketch, then given the folk form as its latest version. */
async function folkSong(app: App): Promise<string> {
  const id = await newSong(app);
  let first;
  for (const text of ["It's about the quiet after the move.", 'Sad, but a little hopeful too', "You're not alone", 'Boxes in the hallway', 'For my sister', 'skip', 'yes']) first = await say(app, id, text);
  expect(first!.version).toMatchObject({ number: 1 });
  await createVersion(t.db, { songId: id, params: FOLK, parentId: first!.version!.id, request: 'a folk form' });
  return id;
}

describe('revision requests about sections (offline turn route)', () => {
  // One song for every step (the tables are emptied between tests, and a conversation to the
  // first sketch costs seconds on a loaded machine).
  it('answers for a missing bridge, finds the refrains by “chorus” and “refrain”, and still adds a bridge', async () => {
    const app = makeApp(t.db);
    const id = await folkSong(app);
    // No bridge: nothing changes, and the reply says how the song goes instead of changing the whole song.
    for (const request of ['make the bridge louder', 'more hope in the bridge']) {
      const r = await say(app, id, request);
      expect(r.version, request).toBeNull();
      expect(r.reply.text).toBe('There is no bridge in this song yet: it goes intro, verse, refrain, verse, refrain, outro. Say “add a bridge” and I will write one, or name one of its parts.');
    }
    // A folk form's chorus is its refrain.
    const louder = await say(app, id, 'make the chorus louder');
    expect(louder.version).not.toBeNull();
    expect(louder.reply.text).toMatch(/refrain/i);
    const hope = await say(app, id, 'more hope in the refrain');
    expect(hope.version).not.toBeNull();
    // The refrains moved; the verses kept their feeling.
    const { sections } = (hope.version as unknown as { params: SongParameters }).params;
    expect(sections.filter((s) => s.name === 'refrain').every((s) => s.valenceOffset > 0)).toBe(true);
    expect(sections.filter((s) => s.name === 'verse').every((s) => s.valenceOffset === 0)).toBe(true);
    // Asked to add one, it does.
    const added = await say(app, id, 'add a bridge');
    expect((added.version as unknown as { params: SongParameters }).params.sections.some((s) => s.name === 'bridge')).toBe(true);
  });
});
