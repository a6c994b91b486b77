/**
 * The light normaliser the crisis layer reads through (our own, no NLP dependency: it runs on every
 * message and must stay well under a millisecond). It folds what varies between people typing the
 * same words — case, accents, curly apostrophes, shouted letters ("diiiie"), punctuation — and cuts
 * the text into sentences of tokens. Language-specific folding (contractions, elisions, irregular
 * forms, misspellings) is data in each language pack and happens in lexicon.ts.
 */

/** A sentence as tokens; `comma[i]` says a comma (a soft clause break) stood before token i. */
export interface Sentence {
  tokens: string[];
  comma: boolean[];
  /** For a pack's folded tokens: the index of the raw token each came from (so packs can compare spans). */
  origin?: number[];
}

const APOSTROPHES = /[\u2018\u2019\u02bc\u2032`´]/gu;
const MARKS = /\p{M}+/gu;
// Sentence breaks: the end of a sentence, a line, a dash between words, a slash in lyric drafts.
const SENTENCE = /[.!?;:\n\r\u2026()[\]{}"«»“”„]+|\s[-–—/]+\s/u;
const TOKEN = /[\p{L}\p{N}']+|,/gu;

/** Fold a text for matching: fold('Je VEUX mourir…') → 'je veux mourir…'; 'ß' → 'ss', accents dropped. */
export function fold(text: string): string {
  return text
    .toLowerCase()
    .replace(/ß/gu, 'ss')
    .normalize('NFD')
    .replace(MARKS, '')
    .replace(APOSTROPHES, "'")
    // Three or more of one letter is emphasis, not spelling: "diiiie" → "die", "killll" → "kil" (the lemmas mend it).
    .replace(/(\p{L})\1{2,}/gu, '$1');
}

/** Split folded text into sentences of word tokens: sentences('i cant, really. ok') → [{tokens:['i','cant','really'],…}, …]. */
export function sentences(text: string): Sentence[] {
  const out: Sentence[] = [];
  for (const part of fold(text).split(SENTENCE)) {
    const tokens: string[] = [];
    const comma: boolean[] = [];
    let pending = false;
    for (const [raw] of part.matchAll(TOKEN)) {
      if (raw === ',') {
        pending = true;
        continue;
      }
      const word = raw.replace(/^'+|'+$/gu, '');
      if (!word) continue;
      tokens.push(word);
      comma.push(pending);
      pending = false;
    }
    if (tokens.length) out.push({ tokens, comma });
  }
  return out;
}

/**
 * Optimal-string-alignment distance, stopping early once it exceeds `max` (a transposition counts
 * one, so "myslef" is one step from "myself"): distance('suicde', 'suicide', 1) → 1.
 */
export function distance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prevPrev: number[] = [];
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, prevPrev[j - 2]! + 1);
      row.push(v);
      if (v < best) best = v;
    }
    if (best > max) return max + 1;
    prevPrev = prev;
    prev = row;
  }
  return prev[b.length]!;
}
