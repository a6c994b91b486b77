/**
 * Which syllable of a word carries the stress. English asks the CMU pronouncing dictionary (full
 * primary/secondary stress); words it lacks, and the other languages, follow simple written rules
 * (a simplification, listed in music/lyrics/README.md):
 * - de: the first syllable of the stem — after an unstressed prefix (be-, ge-, ver- …), or on a
 *   stressed foreign ending (-ion, -tät, -ieren …);
 * - es: the written accent; else the penultimate when the word ends in a vowel, n or s, else the last;
 * - fr: the last full syllable (the mute final e is already part of it);
 * - en (unknown words): before -tion/-ic/-ity …, on -eer/-ese …, after a prefix like a-/be-/re- in
 *   two-syllable words, else the first.
 */
import type { SyllableData } from './language.ts';

export type Stress = 0 | 1 | 2;

/** Stress digits of a CMU pronunciation: "T AH0 M AA1 R OW2" → [0, 1, 2]. */
export function cmuStresses(phones: string): Stress[] {
  return (phones.match(/[012]/g) ?? []).map((d) => Number(d) as Stress);
}

/** One 1 at `at`, 0 elsewhere. */
const primaryAt = (n: number, at: number): Stress[] => Array.from({ length: n }, (_, i) => (i === Math.max(0, Math.min(n - 1, at)) ? 1 : 0));

/** Index of the syllable holding character `pos` of the word. */
function pieceAt(pieces: readonly string[], pos: number): number {
  let end = 0;
  for (let i = 0; i < pieces.length; i++) {
    end += (pieces[i] ?? '').length;
    if (pos < end) return i;
  }
  return pieces.length - 1;
}

/** German schwa syllable (-e, -en, -er, -el, -em, -es after the stem): never stressed. */
const schwa = (piece: string) => /^[^aeiouäöüy]*e[lmnrs]?$/.test(piece.toLowerCase());

function suffixRule(word: string, pieces: readonly string[], data: SyllableData): Stress[] | null {
  for (const s of data.finalStressSuffixes) if (word.endsWith(s) && word.length > s.length + 1) return primaryAt(pieces.length, pieceAt(pieces, word.length - s.length));
  for (const s of data.stressBeforeSuffixes) if (word.endsWith(s) && word.length > s.length + 1) return primaryAt(pieces.length, pieceAt(pieces, word.length - s.length) - 1);
  return null;
}

/** Stress by rule for a word of two or more syllables (pieces as split, word lower-case). */
export function ruleStresses(word: string, pieces: readonly string[], lang: string, data: SyllableData): Stress[] {
  const n = pieces.length;
  if (lang === 'fr') return primaryAt(n, n - 1);
  if (lang === 'es') {
    const accented = pieces.findIndex((p) => /[áéíóú]/.test(p.toLowerCase()));
    if (accented >= 0) return primaryAt(n, accented);
    return primaryAt(n, /[aeiouns]$/.test(word) ? n - 2 : n - 1);
  }
  const bySuffix = suffixRule(word, pieces, data);
  if (bySuffix) return bySuffix;
  const first = (pieces[0] ?? '').toLowerCase();
  const prefixed = data.unstressedPrefixes.some((p) => first === p || (first.startsWith(p) && lang === 'de' && first.length <= p.length + 1));
  if (lang === 'de') {
    // A prefix moves the stress only when what follows is a real stem, not a schwa ending (ge-hen, be-ten).
    if (prefixed && !(n === 2 && schwa(pieces[1] ?? ''))) return primaryAt(n, 1);
    return primaryAt(n, 0);
  }
  if (prefixed && n === 2) return primaryAt(n, 1);
  return primaryAt(n, 0);
}

/** Stresses fitted to `n` syllables when the dictionary and the written word disagree on the count. */
export function fitStresses(stresses: readonly Stress[], n: number): Stress[] {
  if (stresses.length === n) return [...stresses];
  const primary = Math.max(0, stresses.indexOf(1));
  return primaryAt(n, Math.round((primary * (n - 1)) / Math.max(1, stresses.length - 1)));
}
