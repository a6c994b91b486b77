import { describe, expect, it } from 'vitest';
import { frequentSet, frequentWords } from './lexicon-vocabulary.ts';
import { packWords } from './packed-words.ts';

describe('packed word lists', () => {
  it('answer membership exactly as a Set of the first n words does, repeats keeping their first place', () => {
    const words = ['the', 'of', 'Zebra', 'été', 'the', 'and', 'a', 'ab', 'été', 'b'];
    const packed = packWords(words);
    const distinct = [...new Set(words)];
    expect(packed.size).toBe(distinct.length);
    const probes = [...words, '', 'abc', 'zebra', 'ete', 'th', 'thee', 'c'];
    for (const n of [0, 1, 3, 5, Infinity]) {
      const set = new Set(distinct.slice(0, n));
      for (const w of probes) expect(packed.first(n).has(w), `${w} in first ${n}`).toBe(set.has(w));
    }
  });

  it('hold every word of each language list we read, and the 150 most frequent as the first 150', () => {
    for (const list of ['english', 'german', 'french', 'spanish']) {
      const words = frequentWords(list);
      expect(words.length).toBeGreaterThan(8000);
      const all = frequentSet(list);
      const top = frequentSet(list, 150);
      for (const [k, w] of words.entries()) {
        expect(all.has(w), w).toBe(true);
        expect(top.has(w), w).toBe(k < 150);
      }
      expect(all.has(`${words[0]}qq`)).toBe(false);
    }
  });
});
