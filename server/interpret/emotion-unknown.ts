/**
 * Words the text's language does not know (emotion.ts asks only when its own tables miss): a
 * feeling word borrowed from another language, a name, or a misspelt feeling word.
 */
import { borrowedAffect } from './lexicon-borrowed.ts';
import { lookupToken } from './lexicon-lookup.ts';
import { typoAffect } from './lexicon-typo.ts';
import { ENGLISH, LEXICONS, type Lexicon } from './lexicon.ts';
import type { Token } from './emotion-tokens.ts';
import { TYPO } from './modifiers.ts';

/**
 * A word the text's language does not know, looked up in the others: English text borrowing a
 * word ("it feels traurig"), or German, French or Spanish borrowing from English ("trop stressed",
 * "einfach happy"). Borrowed English words come from its feelings table and the words only a
 * borrowing reads ("trop down", lang/en/borrowed.json), not imagery or AFINN guesses, and never a
 * word of the text's own language spelled alike ("pain" is bread).
 */
/** Letters an unknown English word needs before the other languages' tables are asked. */
const SHORT_FOREIGN = 4;
export function foreignLookup(main: Lexicon, t: Token) {
  if (main !== ENGLISH) {
    if (main.common.has(t.word) || main.falseFriends.has(t.word)) return undefined;
    const affect = ENGLISH.feelings.get(t.word) ?? borrowedAffect(t.word);
    return affect ? { affect, scale: 1 } : undefined;
  }
  // A short unknown word is no other language's feeling: those tables are keyed by stems, and
  // "fi" of lo-fi or wi-fi is French "fier" stemmed.
  if (t.word.length < SHORT_FOREIGN) return undefined;
  for (const other of LEXICONS.values()) {
    if (other === main) continue;
    const found = lookupToken(other, { word: t.word, key: other.stem(t.word) });
    if (found) return found;
  }
  return undefined;
}

/**
 * A capitalised word inside a sentence is a name ("Valencia", "Encierro" the festival), not a
 * misspelt feeling (valentía, entierro); German capitalises every noun, so there it says nothing.
 */
export function properName(lex: Lexicon, text: string, tokens: readonly Token[], i: number): boolean {
  if (lex.data.compounds) return false;
  const t = tokens[i]!;
  const first = text[t.start] ?? '';
  return first !== first.toLowerCase() && i > 0 && tokens[i - 1]!.sentence === t.sentence;
}

/** A misspelling of one of the language's feeling words ("hereuse"), counting for less. */
export function misspelt(lex: Lexicon, word: string) {
  const affect = typoAffect(lex, word);
  return affect ? { affect, scale: TYPO.weight } : undefined;
}

