import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { readMarked } from './score.ts';

describe('the lyric eval set', () => {
  it('reads a hand-marked word: syllables, and the one in capitals as the stress', () => {
    expect(readMarked('to-MOR-row,')).toEqual({ word: 'tomorrow,', syllables: ['to', 'MOR', 'row,'], stressed: 1 });
    expect(readMarked("J'OU-vre")).toMatchObject({ word: "j'ouvre", stressed: 0 });
    expect(readMarked('HOME')).toMatchObject({ stressed: -1 });
  });

  it('marks exactly one stressed syllable in every word of two or more syllables', () => {
    const set = JSON.parse(readFileSync(new URL('./sheets.json', import.meta.url), 'utf8')) as { sheets: { id: string; words: string }[] };
    expect(set.sheets.length).toBeGreaterThanOrEqual(30);
    for (const sheet of set.sheets) {
      for (const row of sheet.words.split('\n')) {
        if (row.startsWith('[')) continue;
        for (const token of row.split(/\s+/).filter((t) => t.includes('-'))) {
          const caps = token.split('-').filter((s) => /\p{Lu}/u.test(s) && s === s.toLocaleUpperCase());
          expect(caps, `${sheet.id}: ${token}`).toHaveLength(1);
        }
      }
    }
  });
});
