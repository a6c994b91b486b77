/**
 * Stretched words ("sooo", "gooo", "maaarre", "fliiiege") are how people type emphasis in chat.
 * No table spells them that way, so every run of three or more of a letter is squeezed back, to
 * one letter ("sooo" → so) or to two ("pisssed" → pissed, "goood" → good), whichever the language
 * knows better. Pure.
 */
import { frequentSet } from './lexicon-vocabulary.ts';
import type { Lexicon } from './lexicon.ts';

const RUN = /(\p{L})\1{2,}/gu;
const HAS_RUN = /(\p{L})\1{2,}/u;

/**
 * How well a language knows a word: 0 a feeling or modifier word, 1 a frequent word, 2 not at
 * all. Lower wins.
 */
export type Familiarity = (word: string) => 0 | 1 | 2;

/**
 * The word as it is usually spelt: unstretch("sooo", f) → "so", unstretch("goood", f) → "good"
 * (a feeling word beats the frequent "god"). On a tie the one-letter form wins; a word with no
 * run comes back as it is.
 */
export function unstretch(word: string, familiarity: Familiarity): string {
  if (!HAS_RUN.test(word)) return word;
  const one = word.replace(RUN, '$1');
  const two = word.replace(RUN, '$1$1');
  return familiarity(two) < familiarity(one) ? two : one;
}

/** How well `lex`'s language knows a word, by its tables and its most frequent words. */
export function familiarityIn(lex: Lexicon): Familiarity {
  const frequent = frequentSet(lex.data.wordList);
  return (w) => {
    const key = lex.stem(w);
    if (lex.feelings.has(w) || lex.feelings.has(key) || lex.imagery.has(w) || lex.phraseStarts.has(key) || lex.intensity.some((i) => i.keys[0] === w)) return 0;
    return lex.common.has(w) || frequent.has(w) ? 1 : 2;
  };
}
