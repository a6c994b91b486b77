/**
 * A sung line as words and syllables with stress:
 * syllabify('Tomorrow comes', 'en') →
 *   [{ word: 'Tomorrow', syllables: [{ text: 'To', syllabic: 'begin', stress: 0 }, { text: 'mor', syllabic: 'middle', stress: 1 }, …] }, …].
 * Punctuation stays on the syllable it touches, so a sheet prints as written.
 */
import { languageData } from './language.ts';
import { englishDictionary } from './resources.ts';
import { splitWord } from './split.ts';
import { cmuStresses, fitStresses, ruleStresses, type Stress } from './stress.ts';

export type Syllabic = 'single' | 'begin' | 'middle' | 'end';

export interface SungSyllable {
  text: string;
  syllabic: Syllabic;
  /** 1 primary stress, 2 secondary, 0 unstressed. */
  stress: Stress;
}

export interface LyricWord {
  /** The word as written, with its punctuation. */
  word: string;
  syllables: SungSyllable[];
}

// Letters (and digits: "24 hours" is sung too), with inner apostrophes ("don't", "l'amour").
const LETTERS = /[\p{L}\p{M}\p{N}]+(?:['’][\p{L}\p{M}\p{N}]+)*/gu;
/** Longest syllable text a note carries (the Sketch schema's limit); longer runs are sung over several notes. */
const MAX_SYLLABLE = 60;

/** A piece too long for one note ("aaaaa…", a word in a script without vowel data) cut into singable chunks. */
function chunks(piece: string): string[] {
  if (piece.length <= MAX_SYLLABLE - 20) return [piece];
  const out: string[] = [];
  for (let i = 0; i < piece.length; i += MAX_SYLLABLE - 20) out.push(piece.slice(i, i + MAX_SYLLABLE - 20));
  return out;
}

/** Syllables and stresses of one word's letters: English from the dictionary when it knows the word. */
function analyse(core: string, lang: string): { pieces: string[]; stresses: Stress[] } {
  const data = languageData(lang);
  const lower = core.toLowerCase().replace(/’/g, "'");
  const phones = lang === 'en' ? englishDictionary()?.[lower] : undefined;
  const dictStress = phones ? cmuStresses(phones) : undefined;
  // Apostrophes join ("don't"): split the letters only.
  const pieces = splitWord(core, data, lang, dictStress?.length);
  if (pieces.length === 1) return { pieces, stresses: [data.unstressed.has(lower.replace(/['’].*$/, '')) || data.unstressed.has(lower) ? 0 : 1] };
  if (dictStress) return { pieces, stresses: fitStresses(dictStress, pieces.length) };
  return { pieces, stresses: ruleStresses(lower, pieces, lang, data) };
}

/** One whitespace-separated token ("well-known," "l'amour") as one sung word. */
function syllabifyToken(token: string, lang: string): SungSyllable[] {
  const parts = [...token.matchAll(LETTERS)];
  if (parts.length === 0) return [];
  const out: { text: string; stress: Stress }[] = [];
  let cursor = 0;
  parts.forEach((m, k) => {
    const core = m[0];
    const at = m.index ?? 0;
    const { pieces, stresses } = analyse(core, lang);
    pieces.forEach((p, i) => chunks(p).forEach((c, j) => out.push({ text: (i === 0 && j === 0 ? token.slice(cursor, at).slice(-10) : '') + c, stress: j === 0 ? (stresses[i] ?? 0) : 0 })));
    cursor = at + core.length;
    // What follows the letters (punctuation, a hyphen) stays on the last syllable before it.
    const next = parts[k + 1]?.index ?? token.length;
    const last = out[out.length - 1];
    // Punctuation is kept as written, up to a few marks ("now!!!" stays, a row of 40 does not fit a note).
    if (last) last.text += token.slice(cursor, next).slice(0, 10);
    cursor = next;
  });
  // Two-syllable compounds of unstressed words ("into") still need a stressed syllable.
  if (out.length > 1 && !out.some((s) => s.stress === 1)) (out[0] as { stress: Stress }).stress = 1;
  return out.map((s, i) => ({ text: s.text, stress: s.stress, syllabic: out.length === 1 ? 'single' : i === 0 ? 'begin' : i === out.length - 1 ? 'end' : 'middle' }));
}

/** Recent answers: a song's lines are analysed several times per sketch (growth, fitting, charts). */
const memo = new Map<string, readonly LyricWord[]>();
const MEMO_SIZE = 2048;

/**
 * The words of a sung line with their syllables; tokens without letters ("—", "&") are dropped.
 * The result is shared between callers (a memo of recent lines): read it, do not change it.
 */
export function syllabify(line: string, lang: string): readonly LyricWord[] {
  const key = `${lang}\u0000${line}`;
  const known = memo.get(key);
  if (known) return known;
  const words = line
    .split(/\s+/)
    .filter(Boolean)
    .map((word) => ({ word, syllables: syllabifyToken(word, lang) }))
    .filter((w) => w.syllables.length > 0);
  if (memo.size >= MEMO_SIZE) memo.delete(memo.keys().next().value as string);
  memo.set(key, words);
  return words;
}

/** Empty the memo (benchmarks use it to time words the engine has not seen). */
export function forgetSyllables(): void {
  memo.clear();
}

/** The line's syllables in order: syllablesOf('hold on', 'en').length → 2. */
export function syllablesOf(line: string, lang: string): SungSyllable[] {
  return syllabify(line, lang).flatMap((w) => w.syllables);
}
