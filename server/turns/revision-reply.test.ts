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
