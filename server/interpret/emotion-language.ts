/**
 * Which language's lexicon reads a message. Told the language (the guide detects it, with the
 * page's language as a prior), we use that one; otherwise every lexicon we have scores the text by
 * its common words and feeling words, and the best wins (English on a tie).
 */
import { ENGLISH, LEXICONS, lexiconFor, type Lexicon } from './lexicon.ts';
import { frequentSet } from './lexicon-vocabulary.ts';

const WORD = /[\p{L}]+/gu;
/** How many of a language's most frequent words vote for it, and how much each counts. */
export const FREQUENT = { words: 150, vote: 0.5 } as const;

/**
 * How strongly `text` looks like `lex`'s language: our common words count 1, feeling words 1.5,
 * and the language's FREQUENT.words most frequent words FREQUENT.vote, so a short message with few
 * of our common words ("Abiball war legendär, wir haben getanzt") is still told by its grammar words.
 */
export function languageScore(text: string, lex: Lexicon): number {
  const frequent = frequentSet(lex.data.wordList, FREQUENT.words);
  const known = frequentSet(lex.data.wordList);
  let score = 0;
  for (const m of text.toLowerCase().matchAll(WORD)) {
    const w = m[0];
    if (lex.common.has(w)) score += 1;
    else if (lex.feelings.has(w)) score += 1.5;
    // Reached only through a stem, a word must be one of the language's own to vote fully:
    // English "spring" is German "springen" stemmed, "aisle" Spanish "aislar".
    else if (lex.feelings.has(lex.stem(w))) score += known.has(w) ? 1.5 : FREQUENT.vote;
    else if (frequent.has(w)) score += FREQUENT.vote;
  }
  return score;
}

/** The lexicon to read `text` with: the one for `lang` when we have it, else the best scoring. */
export function pickLexicon(text: string, lang?: string): Lexicon {
  const told = lexiconFor(lang);
  if (told) return told;
  let best = ENGLISH;
  let bestScore = languageScore(text, ENGLISH);
  let bestLetters = letterCount(text, ENGLISH);
  for (const lex of LEXICONS.values()) {
    if (lex === ENGLISH) continue;
    const s = languageScore(text, lex);
    // A tie goes to the language whose own letters the text uses ("He aprendido a estar bien
    // conmigo mismo" scores alike in English and Spanish; "¿" or "ñ" would tell), else to English.
    if (s > bestScore || (s === bestScore && s > 0 && letterCount(text, lex) > bestLetters)) { best = lex; bestScore = s; bestLetters = letterCount(text, lex); }
  }
  return best;
}

/** How many of the language's own letters (FeelingsFile.letters) `text` holds. */
function letterCount(text: string, lex: Lexicon): number {
  const own = lex.data.letters;
  if (!own) return 0;
  let n = 0;
  for (const ch of text.toLowerCase()) if (own.includes(ch)) n++;
  return n;
}

