/**
 * Compile a language pack into something fast to run on every message: patterns become slot
 * sequences (optional slots expanded), and the pack gets a token folder that applies its
 * contractions, elisions, lemmas and — for words it does not know — a one-typo correction towards
 * the words its patterns use ("suicde" → "suicide", "myslef" → "myself").
 */
import { stemmerFor } from '../interpret/lexicon-stem.ts';
import type { Sentence } from './tokens.ts';
import { distance, fold } from './tokens.ts';
import type { Category, LanguagePack, Severity } from './pack.ts';

/** One slot: the exact words or the prefixes a token may be to fill it. */
export interface Slot { words: ReadonlySet<string>; prefixes: readonly string[] }
/** A slot and how many other words may stand before it (0: right after the previous slot). */
export interface Step { slot: Slot; gap: number }
/** One phrase: its steps, its anchors, and whether it holds a negator itself ("don't want to live"). */
export interface Sequence { steps: Step[]; start: boolean; end: boolean; negative: boolean }
export interface Compiled {
  /** Parts that must all match within `window` words (a `near` pattern); one part otherwise. Each part: any of its sequences. */
  parts: Sequence[][];
  window: number;
  category: Category;
  severity: Severity;
  /** Counts only after earlier distress in the same song (see SignalGroup.context). */
  context: boolean;
  source: string;
}
/** A pattern worth trying on a sentence, with the phrases of its first part that some token anchors. */
export interface Candidate { pattern: Compiled; first: Sequence[] }
export interface CompiledPack {
  pack: LanguagePack;
  signals: Compiled[];
  guards: Compiled[];
  negators: ReadonlySet<string>;
  scopeBreaks: ReadonlySet<string>;
  others: ReadonlySet<string>;
  self: ReadonlySet<string>;
  stopwords: ReadonlySet<string>;
  /** The patterns that could match these tokens (an index on one slot each must fill), in pack order. */
  signalsFor: (tokens: readonly string[]) => Candidate[];
  guardsFor: (tokens: readonly string[]) => Candidate[];
  /** Fold a sentence's tokens the pack's way (contractions, lemmas, typos). */
  normalise: (s: Sentence) => Sentence;
}

const GAP = /^~(\d)$/;

function slotOf(token: string, pack: LanguagePack, source: string, depth = 0): Slot {
  const words = new Set<string>();
  const prefixes: string[] = [];
  for (const alt of token.split('|')) {
    if (alt.startsWith('@')) {
      const cls = pack.classes[alt.slice(1)];
      if (cls === undefined || depth > 2) throw new Error(`${pack.language} crisis pack: unknown class ${alt} in "${source}"`);
      const inner = slotOf(fold(cls), pack, source, depth + 1);
      inner.words.forEach((w) => words.add(w));
      prefixes.push(...inner.prefixes);
    } else if (alt.endsWith('*')) prefixes.push(alt.slice(0, -1));
    // Pattern words read through the same lemmas as the text, so "died" in a pattern matches "dies".
    else if (alt) words.add(pack.lemmas[alt] ?? alt);
  }
  if (!words.size && !prefixes.length) throw new Error(`${pack.language} crisis pack: empty slot in "${source}"`);
  return { words, prefixes };
}

/**
 * Expand groups at the string level: `(kill myself|end my life)` is either phrase, `[really]` or
 * `[any more]` may be left out. expand('i [really] want') → ['i really want', 'i  want'].
 */
export function expandGroups(source: string): string[] {
  const open = source.search(/[([]/u);
  if (open < 0) return [source];
  const close = source[open] === '(' ? ')' : ']';
  let depth = 0;
  let end = -1;
  for (let i = open; i < source.length; i++) {
    if (source[i] === '(' || source[i] === '[') depth++;
    if (source[i] === ')' || source[i] === ']') depth--;
    if (depth === 0) { end = i; break; }
  }
  if (end < 0 || source[end] !== close) throw new Error(`unbalanced group in "${source}"`);
  const inner = source.slice(open + 1, end);
  const alts: string[] = [];
  let d = 0;
  let from = 0;
  for (let i = 0; i < inner.length; i++) {
    if (inner[i] === '(' || inner[i] === '[') d++;
    if (inner[i] === ')' || inner[i] === ']') d--;
    if (inner[i] === '|' && d === 0) { alts.push(inner.slice(from, i)); from = i + 1; }
  }
  alts.push(inner.slice(from));
  if (close === ']') alts.push('');
  const head = source.slice(0, open);
  const tail = source.slice(end + 1);
  return alts.flatMap((a) => expandGroups(`${head} ${a} ${tail}`));
}

// A slot mixing words and phrases, "was|(could be)|dead", reads as one group "(was|could be|dead)".
const MIXED = /(?:[^\s|()[\]]+|\([^()[\]]*\))(?:\|(?:[^\s|()[\]]+|\([^()[\]]*\)))+/gu;
const unmix = (source: string) => source.replace(MIXED, (run) => (run.includes('(') ? `(${run.replace(/[()]/gu, '')})` : run));

const slotCache = new WeakMap<LanguagePack, Map<string, Slot>>();
function cachedSlot(t: string, pack: LanguagePack, source: string): Slot {
  let cache = slotCache.get(pack);
  if (!cache) slotCache.set(pack, (cache = new Map()));
  let slot = cache.get(t);
  if (!slot) cache.set(t, (slot = slotOf(t, pack, source)));
  return slot;
}

function sequences(source: string, pack: LanguagePack): Sequence[] {
  return expandGroups(unmix(fold(source))).map((variant) => {
    const tokens = variant.trim().split(/\s+/).filter(Boolean);
    const seq: Sequence = { steps: [], start: false, end: false, negative: false };
    let gap = 0;
    for (const t of tokens) {
      const g = GAP.exec(t);
      if (t === '^') seq.start = true;
      else if (t === '$') seq.end = true;
      else if (g) gap = Math.max(gap, Number(g[1]));
      else {
        seq.steps.push({ slot: cachedSlot(t, pack, source), gap });
        gap = 0;
      }
    }
    if (!seq.steps.length) throw new Error(`${pack.language} crisis pack: empty pattern "${source}"`);
    return seq;
  });
}

function compile(source: string, category: Category, severity: Severity, pack: LanguagePack, negators: ReadonlySet<string>, context = false): Compiled[] {
  const near = /^near\s+(\d+)\s*:(.*)$/u.exec(source.trim());
  // Per expanded phrase: "(no despertar|morir)" holds a negator in one variant only.
  const mark = (seqs: Sequence[]) => seqs.map((seq) => ({ ...seq, negative: seq.steps.some((st) => [...st.slot.words].some((w) => negators.has(w))) }));
  if (!near) return [{ parts: [mark(sequences(source, pack))], window: 0, category, severity, context, source }];
  const parts = near[2]!.split('+').map((p) => mark(sequences(p, pack)));
  return [{ parts, window: Number(near[1]), category, severity, context, source }];
}

/**
 * The stem a word's inflections share: Snowball (nlp.js, as the interpreter uses) for German,
 * French and Spanish; for English, whose interpreter lemmatises with wink-nlp (too slow for a
 * check on every message), the regular endings -s, -es, -ed, -ing are taken off.
 */
function inflectionStem(language: string): (w: string) => string {
  if (language === 'en') {
    return (w) => {
      if (w.length > 5 && w.endsWith('ies')) return `${w.slice(0, -3)}y`;
      for (const end of ['ing', 'ed', 'es', 's']) if (w.length > end.length + 2 && w.endsWith(end)) return w.slice(0, -end.length);
      return w;
    };
  }
  return stemmerFor(language);
}

/** A token folder for the pack: contractions, elisions, lemmas, then one-typo correction. */
function tokenFolder(pack: LanguagePack, vocabulary: Set<string>, stems: string[]) {
  const cache = new Map<string, string[]>();
  const suffixes = Object.entries(pack.suffixes).map(([k, v]) => [fold(k), v] as const);
  const prefixes = Object.entries(pack.prefixes).map(([k, v]) => [fold(k), v] as const);
  const lemma = (w: string) => pack.lemmas[w] ?? w;
  // Candidates for a typo share its first letter and nearly its length: bucket them so a lookup reads a handful.
  const buckets = new Map<string, string[]>();
  const bucket = (initial: string, length: number) => buckets.get(`${initial}${length}`) ?? [];
  for (const v of vocabulary) buckets.set(`${v[0]}${v.length}`, [...bucket(v[0]!, v.length), v]);
  const stemsByInitial = new Map<string, string[]>();
  for (const st of stems) if (st.length >= 5) stemsByInitial.set(st[0]!, [...(stemsByInitial.get(st[0]!) ?? []), st]);
  const known = (w: string) => vocabulary.has(w) || w.length < 4 || stems.some((s) => w.startsWith(s));
  // Inflections the pack does not list fold onto a pattern word with the same stem ("umbringe" →
  // "umbringen", "beats" → "beat", "suicidaires" → "suicidaire"): the interpreter's stemmers.
  const stem = inflectionStem(pack.language);
  const byStem = new Map<string, string>();
  for (const v of [...vocabulary].sort((a, b) => a.length - b.length)) {
    const k = stem(v);
    if (k.length >= 3 && !byStem.has(k)) byStem.set(k, v);
  }
  const inflected = (w: string): string | null => (w.length >= 4 && !/\d/.test(w) ? byStem.get(stem(w)) ?? null : null);
  const sorted = (w: string) => [...w].sort().join('');
  const correct = (w: string): string => {
    if (known(w) || /\d/.test(w)) return w;
    // Four letters: only two swapped ("wnat" → "want"); any other one-letter change makes a different word too often.
    if (w.length === 4) {
      for (const v of bucket(w[0]!, 4)) if (sorted(v) === sorted(w) && distance(w, v, 1) <= 1) return v;
      return w;
    }
    const max = w.length >= 9 ? 2 : 1;
    // Most typos keep the first letter; requiring it keeps "hills" from becoming "pills".
    for (let len = w.length - max; len <= w.length + max; len++) {
      if (len < 5) continue;
      for (const v of bucket(w[0]!, len)) if (distance(w, v, max) <= max) return v;
    }
    for (const s of stemsByInitial.get(w[0]!) ?? []) {
      for (const n of [s.length, s.length + 1, s.length - 1]) if (distance(w.slice(0, n), s, 1) <= 1) return s + w.slice(n);
    }
    return inflected(w) ?? w;
  };
  const one = (raw: string): string[] => {
    const hit = cache.get(raw);
    if (hit) return hit;
    let words = (pack.expand[raw] ?? raw).split(' ');
    words = words.flatMap((w) => {
      for (const [p, to] of prefixes) if (w.startsWith(p) && w.length > p.length) return [to, w.slice(p.length)];
      for (const [s, to] of suffixes) if (w.endsWith(s) && w.length > s.length) return [w.slice(0, -s.length), to];
      return [w];
    });
    words = words.flatMap((w) => (pack.expand[w] ?? w).split(' ')).map((w) => w.replace(/'/gu, '')).filter(Boolean);
    // A corrected word may be a contraction or compound the pack splits ("umbrigen" → "umbringen" → "um bringen").
    const out = words.flatMap((w) => (pack.expand[correct(lemma(w))] ?? correct(lemma(w))).split(' ')).map(lemma);
    if (cache.size > 50_000) cache.clear();
    cache.set(raw, out);
    return out;
  };
  return (s: Sentence): Sentence => {
    const tokens: string[] = [];
    const comma: boolean[] = [];
    const origin: number[] = [];
    for (let i = 0; i < s.tokens.length; i++) {
      const words = one(s.tokens[i]!);
      for (let j = 0; j < words.length; j++) {
        tokens.push(words[j]!);
        comma.push(j === 0 && s.comma[i]!);
        origin.push(i);
      }
    }
    return { tokens, comma, origin };
  };
}

/**
 * An index over patterns: each sequence of a pattern's first part is filed under one slot it must
 * fill (the one with the longest words — the rarest, so "i" or "to" never carry the load). A
 * sentence then only tries the patterns some token of it could start.
 */
function indexPatterns(patterns: Compiled[]): (tokens: readonly string[]) => Candidate[] {
  const byWord = new Map<string, number[][]>();
  const byPrefix = new Map<string, number[][]>();
  const file = (map: Map<string, number[][]>, key: string, at: number[]) => map.set(key, [...(map.get(key) ?? []), at]);
  const weight = (slot: Slot) => Math.min(...[...slot.words].map((w) => w.length), ...slot.prefixes.map((p) => p.length + 2));
  patterns.forEach((pattern, i) => {
    pattern.parts[0]!.forEach((seq, j) => {
      const anchor = seq.steps.reduce((best, st) => (weight(st.slot) > weight(best.slot) ? st : best)).slot;
      anchor.words.forEach((w) => file(byWord, w, [i, j]));
      anchor.prefixes.forEach((p) => file(byPrefix, p, [i, j]));
    });
  });
  const prefixes = [...byPrefix];
  return (tokens) => {
    const hit = new Map<number, Set<number>>();
    const lists: number[][][] = [];
    for (const t of tokens) {
      const words = byWord.get(t);
      if (words) lists.push(words);
      for (const [p, list] of prefixes) if (t.startsWith(p)) lists.push(list);
    }
    for (const list of lists) {
      for (const [i, j] of list) {
        let set = hit.get(i!);
        if (!set) hit.set(i!, (set = new Set()));
        set.add(j!);
      }
    }
    const out: Candidate[] = [];
    for (const i of [...hit.keys()].sort((a, b) => a - b)) {
      const pattern = patterns[i]!;
      const first: Sequence[] = [];
      for (const j of hit.get(i)!) first.push(pattern.parts[0]![j]!);
      out.push({ pattern, first });
    }
    return out;
  };
}

/** Compile a validated pack; throws naming the pattern when one is malformed. */
export function compilePack(pack: LanguagePack): CompiledPack {
  const set = (words: string[]) => new Set(words.map(fold));
  const negators = set(pack.negators);
  const signals = pack.signals.flatMap((g) => g.patterns.flatMap((p) => compile(p, g.category, g.severity, pack, negators, g.context)));
  const guards = pack.guards.flatMap((p) => compile(p, 'ideation', 'concern', pack, negators));
  const vocabulary = new Set<string>();
  const stems = new Set<string>();
  for (const c of [...signals, ...guards]) {
    for (const part of c.parts.flat()) for (const { slot } of part.steps) {
      slot.words.forEach((w) => vocabulary.add(w));
      slot.prefixes.forEach((p) => stems.add(p));
    }
  }
  Object.values(pack.lemmas).forEach((w) => vocabulary.add(w));
  Object.keys(pack.expand).forEach((w) => vocabulary.add(fold(w)));
  Object.keys(pack.lemmas).forEach((w) => vocabulary.add(w));
  [...negators, ...pack.scopeBreaks, ...pack.others, ...pack.self].forEach((w) => vocabulary.add(fold(w)));
  return {
    pack,
    signals,
    guards,
    negators,
    scopeBreaks: set(pack.scopeBreaks),
    others: set(pack.others),
    self: set(pack.self),
    stopwords: set(pack.stopwords),
    signalsFor: indexPatterns(signals),
    guardsFor: indexPatterns(guards),
    normalise: tokenFolder(pack, vocabulary, [...stems].sort((a, b) => b.length - a.length)),
  };
}
