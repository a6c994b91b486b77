/**
 * A song's title drawn from its agreed intention: the subject the musician named, cut short and
 * capitalised — titleFromIntention("A song for my grandmother about the empty chair at Sunday
 * dinner") → "The Empty Chair". Pure; the words it cuts with are data per language (words.ts).
 * Returns null when the intention names nothing a title can be made of (a bare "yes, exactly"),
 * so the song keeps the title it has rather than a spliced confirmation.
 */
import { TITLE_WORDS, type TitleWords } from './words.ts';

interface Token {
  raw: string;
  /** Lower-cased, edge punctuation removed: what phrases are matched against. */
  key: string;
}

/** Longest title in characters, and most words: a title is a handle, not a summary. */
export const MAX_TITLE_CHARS = 60;
const MAX_WORDS = 6;
/** A subject this long or shorter is kept whole ("the quiet after the move"). */
const KEEP_WHOLE = 5;

const CLAUSE = /\s*(?:[,;:!?()[\]{}—–…]|\s-\s|\.(?:\s|$))/u;

function tokens(text: string): Token[] {
  return text
    .split(/\s+/u)
    .filter(Boolean)
    .map((raw) => ({ raw, key: raw.toLowerCase().replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}']+$/gu, '') }))
    .filter((t) => t.key.length > 0);
}

const split = (phrase: string) => phrase.split(/\s+/u);

/** Length in tokens of the longest phrase that starts at `at`, or 0. */
function phraseAt(toks: readonly Token[], at: number, phrases: readonly string[]): number {
  let best = 0;
  for (const phrase of phrases) {
    const words = split(phrase);
    if (words.length > best && words.every((w, k) => toks[at + k]?.key === w)) best = words.length;
  }
  return best;
}

/** The first place at or after `from` (and before `from + within`) where one of `phrases` starts. */
function findPhrase(toks: readonly Token[], phrases: readonly string[], from: number, within: number): { at: number; len: number } | null {
  for (let at = from; at < Math.min(toks.length, from + within); at++) {
    const len = phraseAt(toks, at, phrases);
    if (len) return { at, len };
  }
  return null;
}

/** The language whose small words the text uses most (a song-word phrase counts most); English on a tie. */
function pickLanguage(toks: readonly Token[], tables: Readonly<Record<string, TitleWords>>): TitleWords | null {
  const codes = Object.keys(tables).sort((a, b) => (a === 'en' ? -1 : b === 'en' ? 1 : a.localeCompare(b)));
  let best: TitleWords | null = null;
  let bestScore = -1;
  for (const code of codes) {
    const t = tables[code]!;
    const small = new Set([...t.minor, ...t.breaks, ...t.about, ...t.for, ...t.copulas].flatMap(split));
    let score = toks.filter((k) => small.has(k.key)).length;
    if (findPhrase(toks, t.songWords.filter((p) => p.includes(' ')), 0, 8)) score += 5;
    if (score > bestScore) [best, bestScore] = [t, score];
  }
  return best;
}

const upperFirst = (w: string) => w.charAt(0).toLocaleUpperCase() + w.slice(1);

function capitalise(words: readonly Token[], t: TitleWords): string {
  const minor = new Set(t.minor);
  return words
    .map((w, i) => {
      if (!t.titleCase) return i === 0 ? upperFirst(w.raw) : w.raw;
      return i > 0 && i < words.length - 1 && minor.has(w.key) ? w.raw.toLowerCase() : upperFirst(w.raw);
    })
    .join(' ');
}

/** Cut a long subject at its first break word after a word of substance, cap it, and drop dangling small words. */
function shorten(topic: Token[], t: TitleWords): Token[] {
  const minor = new Set(t.minor);
  const breaks = new Set(t.breaks);
  let words = topic;
  if (words.length > KEEP_WHOLE) {
    const cut = words.findIndex((w, j) => j > 0 && breaks.has(w.key) && words.slice(0, j).some((x) => !minor.has(x.key)));
    if (cut > 0) words = words.slice(0, cut);
  }
  if (words.length > MAX_WORDS) {
    // Capped mid-phrase ("how she moved into a care …"): end before the last small word in reach instead.
    const head = words.slice(0, MAX_WORDS + 1);
    const last = head.findLastIndex((w, j) => j >= 2 && (minor.has(w.key) || breaks.has(w.key)));
    words = last >= 2 ? words.slice(0, last) : words.slice(0, MAX_WORDS);
  }
  while (words.length > 1 && (minor.has(words.at(-1)!.key) || breaks.has(words.at(-1)!.key))) words = words.slice(0, -1);
  return words;
}

/**
 * titleFromIntention("A song for my grandmother about the empty chair at Sunday dinner") → "The Empty Chair";
 * ("Une chanson pour ma grand-mère sur la chaise vide du dimanche") → "La chaise vide";
 * ("A song for my sister.") → "For My Sister"; ("Yes, exactly") → null.
 */
export function titleFromIntention(intention: string, tables: Readonly<Record<string, TitleWords>> = TITLE_WORDS): string | null {
  const cleaned = intention.replace(/[’‘]/g, "'").replace(/["“”„«»‚]/g, ' ').trim();
  const all = tokens(cleaned);
  const t = pickLanguage(all, tables);
  if (!t || all.length === 0) return null;
  const confirming = new Set(Object.values(tables).flatMap((x) => x.confirmations));
  if (all.every((w) => confirming.has(w.key))) return null;

  const toks = tokens(cleaned.split(CLAUSE)[0] ?? '');
  let i = 0;
  const lead = findPhrase(toks, t.songWords, 0, 6);
  if (lead) {
    i = lead.at + lead.len;
    for (let c = phraseAt(toks, i, t.copulas); c; c = phraseAt(toks, i, t.copulas)) i += c;
  }
  let topic: Token[];
  let audience: Token[] = [];
  const about = findPhrase(toks, t.about, i, 10);
  if (about) {
    const before = toks.slice(i, about.at);
    const f = phraseAt(before, 0, t.for);
    if (f) audience = before;
    topic = toks.slice(about.at + about.len);
  } else if (lead && phraseAt(toks, i, t.relatives)) {
    // "A song that tells my father I forgive him": a clause, not a name; cutting it would garble it.
    topic = [];
  } else if (phraseAt(toks, i, t.for)) {
    audience = toks.slice(i);
    topic = [];
  } else topic = toks.slice(i);

  const minor = new Set(t.minor);
  const substantial = (words: Token[]) => words.some((w) => !minor.has(w.key) && !confirming.has(w.key));
  let words = shorten(topic, t);
  if (!substantial(words)) words = shorten(audience, t);
  if (!substantial(words)) return null;
  let title = capitalise(words, t);
  while (title.length > MAX_TITLE_CHARS && words.length > 1) title = capitalise((words = words.slice(0, -1)), t);
  return title.slice(0, MAX_TITLE_CHARS);
}
