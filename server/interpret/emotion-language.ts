/**
 * Which language's lexicon reads a message. Told the language (the guide detects it, with the
 * page's language as a prior), we use that one; otherwise every lexicon we have scores the text by
 * its common words and feeling words, and the best wins (English on a tie).
 */
import { ENGLISH, LEXICONS, lexiconFor, type Lexicon } from './lexicon.ts';

const WORD = /[\p{L}]+/gu;

/** How strongly `text` looks like `lex`'s language: common words count 1, feeling words 1.5. */
export function languageScore(text: string, lex: Lexicon): number {
  let score = 0;
  for (const m of text.toLowerCase().matchAll(WORD)) {
    const w = m[0];
    if (lex.common.has(w)) score += 1;
    else if (lex.feelings.has(w) || lex.feelings.has(lex.stem(w))) score += 1.5;
  }
  return score;
}

/** The lexicon to read `text` with: the one for `lang` when we have it, else the best scoring. */
export function pickLexicon(text: string, lang?: string): Lexicon {
  const told = lexiconFor(lang);
  if (told) return told;
  let best = ENGLISH;
  let bestScore = languageScore(text, ENGLISH);
  for (const lex of LEXICONS.values()) {
    if (lex === ENGLISH) continue;
    const s = languageScore(text, lex);
    if (s > bestScore) { best = lex; bestScore = s; }
  }
  return best;
}

