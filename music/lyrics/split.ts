/**
 * A written word cut into its sung syllables: "tomorrow" → ["to", "mor", "row"]. Vowel groups
 * (from lang/<code>/syllables.json) say how many syllables a word has — or the pronouncing
 * dictionary does, when it knows the word — and the language's hyphenation patterns say where the
 * cuts go; where the patterns are silent (they never cut off a single letter, as typesetting
 * forbids) the consonants between two vowels are shared out by the usual rule: one consonant
 * starts the next syllable (ti-ger), two or more are split after the first (win-ter).
 */
import type { SyllableData } from './language.ts';
import { hyphenator } from './resources.ts';

interface Nucleus {
  start: number;
  end: number;
}

/** The vowel groups of a lower-case word, each sung as one syllable, in order. */
export function nuclei(word: string, data: SyllableData): Nucleus[] {
  const out: Nucleus[] = [];
  const letterIsVowel = (c: string | undefined) => c !== undefined && data.vowels.includes(c);
  const isVowel = (i: number) => {
    const c = word[i];
    if (!letterIsVowel(c)) return false;
    // A "y" before a vowel is a consonant ("yes", "beyond").
    if (c === 'y' && letterIsVowel(word[i + 1]) && word[i + 1] !== 'y') return false;
    return true;
  };
  let i = 0;
  while (i < word.length) {
    if (!isVowel(i)) {
      i++;
      continue;
    }
    // "qu" and "gu" before a vowel: the u belongs to the consonant.
    if (word[i] === 'u' && (word[i - 1] === 'q' || (word[i - 1] === 'g' && 'eiéí'.includes(word[i + 1] ?? '#'))) && isVowel(i + 1)) {
      i++;
      continue;
    }
    const group = data.vowelGroups.find((g) => word.startsWith(g, i));
    const end = group ? i + group.length : i + 1;
    out.push({ start: i, end });
    i = end;
  }
  return out;
}

/** Cut positions the hyphenation patterns allow inside a lower-case word. */
function patternCuts(word: string, lang: string): Set<number> {
  const h = hyphenator(lang);
  const cuts = new Set<number>();
  if (!h || word.length < 4) return cuts;
  let at = 0;
  for (const piece of h(word, { hyphenChar: '\u00AD', minWordLength: 4 }).split('\u00AD').slice(0, -1)) {
    at += piece.length;
    cuts.add(at);
  }
  return cuts;
}

/** Where to cut between two vowel groups: a pattern's cut if it has one there, else the consonant rule. */
function cutBetween(word: string, a: Nucleus, b: Nucleus, cuts: Set<number>, data: SyllableData): number {
  for (let p = a.end; p <= b.start; p++) if (cuts.has(p)) return p;
  const consonants = b.start - a.end;
  if (consonants <= 1) return a.end;
  const cluster = word.slice(a.end, b.start);
  // A consonant group that stays together ("sh", "th", "sch") starts the next syllable when it is all there is.
  if (data.keepTogether.includes(cluster)) return a.end;
  const tail = data.keepTogether.find((g) => cluster.endsWith(g) && g.length < cluster.length);
  if (tail) return b.start - tail.length;
  // Consonant + l/r starts a syllable together (ta-ble, a-pril), as in all four languages.
  if (consonants === 2 && 'lr'.includes(cluster[1] ?? '') && !'lrnm'.includes(cluster[0] ?? '')) return a.end;
  return a.end + 1;
}

/** The word's vowel groups, merged or split until there are `count` of them. */
function fitCount(groups: Nucleus[], count: number): Nucleus[] {
  const g = [...groups];
  // Too many: the last groups merge (a silent final vowel, "love", French "belle", is the usual case).
  while (g.length > count && g.length > 1) {
    const last = g[g.length - 1] as Nucleus;
    const prev = g[g.length - 2] as Nucleus;
    g.splice(g.length - 2, 2, { start: prev.start, end: last.end });
  }
  // Too few: the longest vowel group is sung as two ("i-de-a", "re-al").
  while (g.length < count) {
    let best = -1;
    g.forEach((n, i) => {
      if (n.end - n.start >= 2 && (best < 0 || n.end - n.start > (g[best] as Nucleus).end - (g[best] as Nucleus).start)) best = i;
    });
    if (best < 0) break;
    const n = g[best] as Nucleus;
    g.splice(best, 1, { start: n.start, end: n.start + 1 }, { start: n.start + 1, end: n.end });
  }
  return g;
}

/**
 * The syllables of one word (letters only), as written: splitWord('tomorrow', data, 'en', 3) →
 * ['to', 'mor', 'row']. `count` is the dictionary's syllable count when known.
 */
export function splitWord(word: string, data: SyllableData, lang: string, count?: number): string[] {
  const lower = word.toLowerCase();
  let groups = nuclei(lower, data);
  if (count === undefined) {
    // A silent final vowel is no syllable of its own (English "time", French "belle").
    const last = groups[groups.length - 1];
    if (groups.length > 1 && last && data.silentFinal.some((s) => lower.endsWith(s) && last.start >= lower.length - s.length && !(lang === 'en' && /[^aeiou]le$/.test(lower)))) {
      groups = fitCount(groups, groups.length - 1);
    }
  } else if (count > 0) groups = fitCount(groups, count);
  if (groups.length <= 1) return [word];
  const cuts = patternCuts(lower, lang);
  const pieces: string[] = [];
  let from = 0;
  for (let i = 1; i < groups.length; i++) {
    const at = cutBetween(lower, groups[i - 1] as Nucleus, groups[i] as Nucleus, cuts, data);
    if (at > from) {
      pieces.push(word.slice(from, at));
      from = at;
    }
  }
  pieces.push(word.slice(from));
  return pieces;
}
