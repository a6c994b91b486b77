import { describe, expect, it } from 'vitest';
import { fold, matchers, vocabularies } from './scope-vocab.ts';

/** Every word list of a vocabulary that becomes matchers (scope-read.ts compile). */
function allWords(v: ReturnType<typeof vocabularies> extends Map<string, infer V> ? V : never): string[] {
  return [
    ...Object.values(v.sections).flat(),
    ...Object.values(v.parts).flat(),
    ...v.instruments.flatMap((i) => i.words),
    ...v.patterns.flatMap((p) => p.words),
    ...v.instead,
    ...Object.keys(v.ordinals),
    ...v.every,
    ...v.changes.flatMap((c) => c.words),
    ...Object.keys(v.degrees),
    ...v.too.words,
    ...v.add,
    ...v.after,
    ...v.before,
    ...Object.keys(v.whole),
  ];
}

describe('matcher pieces (the literal check before each regular expression)', () => {
  // The check may only skip a word whose pattern cannot match: every text the pattern matches
  // holds every piece. Each word is written out as a musician would type it — "…" as other words
  // in between, spaces as several — inside a sentence, and must still be found.
  for (const [code, vocab] of vocabularies()) {
    it(`keeps every ${code} word findable`, () => {
      const words = allWords(vocab);
      expect(words.length).toBeGreaterThan(50);
      for (const word of words) {
        const [m] = matchers([[word, true]]);
        const typed = fold(word).replace(/\s*…\s*/g, ' one two ').replace(/\s+/g, '  ');
        const text = `so, ${typed} please`;
        m!.re.lastIndex = 0;
        expect(m!.re.test(text), `${word}: its own pattern`).toBe(true);
        expect(m!.pieces.every((piece) => text.includes(piece)), `${word}: pieces ${JSON.stringify(m!.pieces)}`).toBe(true);
        expect(m!.pieces.length, word).toBeGreaterThan(0);
      }
    });
  }

  it('leaves out a word whose piece is missing', () => {
    const [m] = matchers([['take … out', true]]);
    expect(m!.pieces).toEqual(['take', 'out']);
    expect(m!.pieces.every((piece) => 'take the drums away'.includes(piece))).toBe(false);
  });
});
