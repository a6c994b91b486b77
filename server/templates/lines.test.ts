import { describe, expect, it } from 'vitest';
import { sharedPglite } from '../../test/support/db.ts';
import { makeApp, post, say } from '../../test/turns/helpers.ts';
import { SongParameters } from '../../music/params.ts';
import { lineFromAnswer, withTemplateLines } from './lines.ts';
import { BUILTIN_TEMPLATES } from './builtin.ts';
import { GuideTemplate } from '../guide/state.ts';

const t = sharedPglite();

describe('template questions that ask for lines', () => {
  it('fills the blank with the answer, or keeps an answer that wrote the whole line', () => {
    expect(lineFromAnswer('When I think of ___', 'my sister.')).toBe('When I think of my sister');
    expect(lineFromAnswer('When I think of ___', 'When I think of home, I smile')).toBe('When I think of home, I smile');
    expect(lineFromAnswer(undefined, '"Keep going"\nand more')).toBe('Keep going');
    expect(lineFromAnswer('I still see ___', '   ')).toBeNull();
  });

  it('puts line answers into their sections, adding a section the form lacks, and leaves other templates alone', () => {
    const params = SongParameters.parse({ sections: [{ name: 'verse', bars: 8 }, { name: 'chorus', bars: 8 }] });
    const builtin = (id: string) => GuideTemplate.parse(BUILTIN_TEMPLATES.find((x) => x.id === id));
    const fill = builtin('builtin:fill-in-the-blank-song');
    const sung = withTemplateLines(params, fill, { about: 'our Sunday walks', images: 'the empty chair', message: 'you kept me going', feeling: 'grateful' });
    expect(sung.sections.map((s) => [s.name, s.lyrics])).toEqual([
      ['verse', ['When I think of our Sunday walks', 'I still see the empty chair']],
      ['chorus', ['I want you to know you kept me going', 'And I feel grateful']],
    ]);
    const bridgeOnly = { ...fill, questions: [{ stage: 'message' as const, question: 'A bridge line?', line: { section: 'bridge' } }] };
    expect(withTemplateLines(params, bridgeOnly, { message: 'but now I know' }).sections.at(-1)).toMatchObject({ name: 'bridge', lyrics: ['but now I know'] });
    const dorian = builtin('builtin:dorian');
    expect(withTemplateLines(params, dorian, { message: 'anything' })).toBe(params);
  });

  it('ends a fill-in-the-blank session with a first sketch that sings the musician\'s lines', async () => {
    const a = makeApp(t.db);
    const res = await post(a, '/api/songs', { title: 'Blanks', templateId: 'builtin:fill-in-the-blank-song' });
    const song = (await res.json()) as { id: string };
    await say(a, song.id, 'my grandmother');
    await say(a, song.id, 'her hands in the garden');
    await say(a, song.id, 'you are still with me');
    let turn = await say(a, song.id, 'calm');
    for (let i = 0; i < 3 && !turn.version; i++) turn = await say(a, song.id, 'yes');
    expect(turn.version, 'a first sketch after the answers').toBeTruthy();
    const lyrics = turn.version!.params.sections.flatMap((s) => s.lyrics ?? []);
    expect(lyrics).toEqual(expect.arrayContaining(['When I think of my grandmother', 'I still see her hands in the garden', 'I want you to know you are still with me', 'And I feel calm']));
    const sung = turn.version!.sketch.tracks.find((x) => x.id === 'melody')!.notes.filter((n) => n.lyric).map((n) => n.lyric!.text.toLowerCase().replace(/[^a-z]/g, ''));
    expect(sung).toContain('grand');
  });
});
