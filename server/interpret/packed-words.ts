/**
 * A word list packed for membership tests: its distinct words in their order in one string, with
 * their offsets and an open-addressing index (wink-index.ts, as wink's lexemes), so "among the
 * first n" is one comparison of the word's place. Pure.
 *
 * Why not a Set: the four 10,000-word frequency lists as arrays and Sets were ~40,000 small strings
 * and four large hash tables in the CLI's start-up snapshot (scripts/snapshot.mjs), and a start
 * from it rebuilds every one of those objects. Packed, each list is three flat blocks. (Sorted and
 * binary-searched instead, sorting cost the plain CLI ~60 M instructions a list.)
 */
import { lexemes } from './wink-index.ts';

/** Membership in a list, or in its first `n` words. */
export interface WordSet {
  has(word: string): boolean;
}

export interface PackedWords {
  /** How many distinct words. */
  readonly size: number;
  /** The words among the first `n` of the list (all by default). */
  first(n?: number): WordSet;
}

/** Pack `words` (in their order of importance; a repeated word keeps its first place). */
export function packWords(words: readonly string[]): PackedWords {
  const distinct = [...new Set(words)];
  const { hash } = lexemes(distinct);
  return {
    size: distinct.length,
    first: (limit = Infinity) => ({
      has: (word) => {
        const place = hash[word];
        return place !== undefined && place < limit;
      },
    }),
  };
}
