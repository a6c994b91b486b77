import { describe, expect, it } from 'vitest';
import { generateSketch as generate } from '../../music/generate.ts';
import { INSTRUMENTS, parseParams } from '../../music/params.ts';
import { reviseOffline } from '../interpret/revise.ts';
import { vocabulary } from '../interpret/scope-vocab.ts';
import { checkedRevisionReply } from './revision-reply.ts';

const base = parseParams({
  sections: [{ name: 'verse', bars: 4 }, { name: 'chorus', bars: 4 }],
  instruments: { melody: 'flute', chords: 'piano', bass: 'electric bass' },
});

describe('a revision reply names the instrument in the musician’s language', () => {
  it.each(['en', 'de', 'fr', 'es'])('%s has a word for every instrument a part can play', (language) => {
    const names = vocabulary(language).say.instrumentNames;
    expect(INSTRUMENTS.filter((i) => !names[i])).toEqual([]);
  });

  it.each([
    ['de', 'Streicher im Refrain', 'den Streichern'],
    ['fr', 'des cordes dans le refrain', 'aux cordes'],
    ['es', 'cuerdas en el estribillo', 'las cuerdas'],
  ])('%s: %j → the reply says %j, not the English name', (language, request, want) => {
    const revised = reviseOffline(base, request).params;
    const before = { params: base, sketch: generate(base, 7) };
    const after = { number: 2, params: revised, sketch: generate(revised, 7) };
    const reply = checkedRevisionReply(before, after, language, request);
    expect(reply).toContain(want);
    expect(reply).not.toMatch(/\bstrings\b/);
  });
});

describe('a revision reply says every section and agrees with a plural part', () => {
  it.each(['en', 'de', 'fr', 'es'])('%s has a name for every section a form can hold', async (language) => {
    const { FORMS } = await import('../../music/craft/form.ts');
    const names = vocabulary(language).say.names;
    const used = new Set(FORMS.flatMap((f) => f.rows.map((r) => r[0])));
    expect([...used].filter((n) => !names[n])).toEqual([]);
  });

  it.each([
    ['es', 'sin acordes en el estribillo', 'los acordes se callan'],
    ['fr', 'sans les accords dans le refrain', 'les accords se taisent'],
    ['de', 'keine Akkorde im Refrain', 'die akkorde schweigen'],
  ])('%s: %j → %j', (language, request, want) => {
    const revised = reviseOffline(base, request).params;
    const before = { params: base, sketch: generate(base, 7) };
    const after = { number: 2, params: revised, sketch: generate(revised, 7) };
    expect(checkedRevisionReply(before, after, language, request).toLowerCase()).toContain(want);
  });
});
