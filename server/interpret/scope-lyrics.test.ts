import { describe, expect, it } from 'vitest';
import { SongParameters } from '../../music/params.ts';
import { sharedPglite } from '../../test/support/db.ts';
import { makeApp, post, say } from '../../test/turns/helpers.ts';
import { rhymeKind } from '../lyrics/rhymes.ts';
import { reviseOffline } from './revise.ts';
import { keepWordsUnlessAsked, lyricChangeLines, reviseLyrics, shorterLine } from './scope-lyrics.ts';

const t = sharedPglite();
const P = SongParameters.parse({
  tempo: 90,
  sections: [
    { name: 'verse', bars: 8, lyrics: ['The empty chair at dinner', 'our Sunday walks'] },
    { name: 'chorus', bars: 8, lyrics: ['Keep going, keep going home', 'I am so very tired now'] },
  ],
});

describe('lyric requests as revisions', () => {
  it('makes the chorus line shorter: the longest chorus line only, nothing else', () => {
    const r = reviseLyrics(P, 'make the chorus line shorter');
    expect(r.changes).toEqual([{ section: 1, line: 0, from: 'Keep going, keep going home', to: 'Keep going home' }]);
    expect(r.params.sections[1]!.lyrics).toEqual(['Keep going home', 'I am so very tired now']);
    expect(r.params.sections[0]).toEqual(P.sections[0]);
    expect(r.params.sections[1]!.bars).toBe(8);
  });

  it('shortens by dropping fillers, a repeat, or a clause, and says when it cannot', () => {
    expect(shorterLine('I am so very tired now', ['so', 'very', 'now'])).toBe('I am tired');
    expect(shorterLine('Hold on, hold on tight', [])).toBe('Hold on tight');
    expect(shorterLine('Home', [])).toBeNull();
  });

  it('adds a line ending on a rhyme for "something that rhymes with home", never replacing one', () => {
    const r = reviseLyrics(P, 'something that rhymes with home');
    expect(r.changes).toHaveLength(1);
    const added = r.params.sections[1]!.lyrics!;
    expect(added.slice(0, 2)).toEqual(P.sections[1]!.lyrics);
    expect(rhymeKind(added[2]!, 'home', 'en')).not.toBeNull();
  });

  it('puts their quoted words into the section named ("use her words \'keep going\' in the verse")', () => {
    const r = reviseLyrics(P, "use her words 'keep walking' in the verse");
    expect(r.params.sections[0]!.lyrics).toEqual(['The empty chair at dinner', 'our Sunday walks', 'Keep walking']);
    // Words the section already sings are not added twice.
    expect(reviseLyrics(P, 'use "keep going" in the chorus').changes).toEqual([]);
  });

  it('works in French and Spanish from the same vocabulary file', () => {
    expect(reviseLyrics(P, 'rends la ligne du refrain plus courte').changes[0]).toMatchObject({ section: 1, to: 'Keep going home' });
    expect(reviseLyrics(P, 'pon "sigue adelante" en la estrofa').params.sections[0]!.lyrics!.at(-1)).toBe('Sigue adelante');
  });

  it('leaves the words alone for a request about the music, and the bars alone for one about a line', () => {
    expect(reviseLyrics(P, 'make the chorus shorter').changes).toEqual([]);
    expect(reviseOffline(P, 'slower').params.sections).toEqual(P.sections);
    expect(reviseOffline(P, 'make the chorus line shorter').params.sections.map((s) => s.bars)).toEqual([8, 8]);
  });

  it('keeps every line when a (model\'s) revision not about the words changed them', () => {
    const rewritten = SongParameters.parse({ ...P, tempo: 70, sections: [{ ...P.sections[0]!, lyrics: ['Something else'] }, { ...P.sections[1]!, lyrics: undefined }, { name: 'bridge', bars: 4, lyrics: ['new words'] }] });
    const kept = keepWordsUnlessAsked(P, rewritten, 'slower');
    expect(kept.tempo).toBe(70);
    expect(kept.sections.map((s) => s.lyrics)).toEqual([P.sections[0]!.lyrics, P.sections[1]!.lyrics, undefined]);
    const asked = reviseLyrics(P, 'make the chorus line shorter').params;
    expect(keepWordsUnlessAsked(P, asked, 'make the chorus line shorter')).toBe(asked);
  });

  it('quotes the words before and after for the reply', () => {
    const r = reviseLyrics(P, 'make the chorus line shorter');
    expect(lyricChangeLines(P, r.params, 'en')).toEqual(['The chorus now sings “Keep going home” (it was “Keep going, keep going home”).']);
  });

  it('answers "make the chorus line shorter" in conversation with a version whose reply quotes the change', async () => {
    const a = makeApp(t.db);
    const song = (await (await post(a, '/api/songs', { title: 'Words', templateId: 'builtin:song-parody' })).json()) as { id: string };
    await say(a, song.id, 'Row, row, row your boat');
    await say(a, song.id, 'my grandmother');
    await say(a, song.id, 'Keep going, keep going, keep going home');
    let turn = await say(a, song.id, 'her hands in the soil');
    for (let i = 0; i < 3 && !turn.version; i++) turn = await say(a, song.id, 'yes');
    expect(turn.version?.params.sections.find((s) => s.name === 'chorus')?.lyrics).toEqual(['Keep going, keep going, keep going home']);
    const revised = await say(a, song.id, 'make the chorus line shorter');
    expect(revised.version?.params.sections.find((s) => s.name === 'chorus')?.lyrics).toEqual(['Keep going, keep going home']);
    expect(revised.reply.text).toContain('The chorus now sings “Keep going, keep going home” (it was “Keep going, keep going, keep going home”).');
  });
});
