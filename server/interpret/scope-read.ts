/**
 * Reading a scoped request in any language with a vocabulary: which sections (and which instance:
 * "the last chorus"), which parts ("piano" = whatever plays piano), which change ("softer",
 * "moins de", "ohne"), how much ("a bit", "viel"), or which form move ("an instrumental break after
 * the second chorus"). Pure: text + vocabulary → a plan; scope.ts applies it.
 */
import type { PartId } from '../../music/params.ts';
import { escapeRegExp, fold, matchers, vocabularies, type Field, type Matcher, type RevisionVocabulary } from './scope-vocab.ts';

/** A section named in the request: its form name and which instance (0 = every one, -1 = the last). */
export interface SectionRef { name: string; nth: number; start: number; end: number }
export type PartRef = { part: PartId } | { plays: string[]; part: PartId };

/** One clause the reader understood, with its span in the musician's text. */
export type ScopedStep =
  | { kind: 'pattern'; start: number; end: number; sections: SectionRef[]; part: 'chords' | 'bass' | 'drums'; pattern: string; quote: string }
  | { kind: 'instrument'; start: number; end: number; sections: SectionRef[]; to: string; part: PartId; instead: PartRef | null; quote: string }
  | { kind: 'arrange'; start: number; end: number; sections: SectionRef[]; parts: PartRef[]; field: Field; sign: 1 | -1; k: number; quote: string }
  | { kind: 'form'; start: number; end: number; add: string; where: 'after' | 'before' | null; anchor: SectionRef | null; quote: string };

interface Compiled {
  vocab: RevisionVocabulary;
  sections: Matcher<string>[];
  parts: Matcher<PartRef>[];
  changes: Matcher<{ field: Field; sign: 1 | -1; needsPart: boolean }>[];
  degrees: Matcher<number>[];
  ordinals: Matcher<number>[];
  every: Matcher<true>[];
  patterns: Matcher<{ part: 'chords' | 'bass' | 'drums'; pattern: string }>[];
  instead: Matcher<true>[];
  too: Matcher<true>[];
  add: Matcher<true>[];
  after: Matcher<'after' | 'before'>[];
  clauses: RegExp;
  whole: Matcher<string>[];
  /** "dans le refrain" right after a phrase: the phrase is about a section (null when the language has no `feel` words). */
  inSection: RegExp | null;
}

/** Section names a request may add to the form. */
export const ADDABLE = new Set(['intro', 'outro', 'pre-chorus', 'bridge', 'instrumental', 'solo']);

const compiled = new Map<string, Compiled>();
function compile(vocab: RevisionVocabulary): Compiled {
  const hit = compiled.get(vocab.language);
  if (hit) return hit;
  const c: Compiled = {
    vocab,
    sections: matchers(Object.entries(vocab.sections).flatMap(([name, words]) => words.map((w): [string, string] => [w, name]))),
    parts: matchers<PartRef>([
      ...Object.entries(vocab.parts).flatMap(([part, words]) => words.map((w): [string, PartRef] => [w, { part: part as PartId }])),
      ...vocab.instruments.flatMap((i) => i.words.map((w): [string, PartRef] => [w, { plays: i.plays, part: i.part }])),
    ]),
    changes: matchers(vocab.changes.flatMap((ch) => ch.words.map((w): [string, { field: Field; sign: 1 | -1; needsPart: boolean }] => [w, { field: ch.field, sign: ch.sign, needsPart: !!ch.needsPart }]))),
    degrees: matchers(Object.entries(vocab.degrees)),
    ordinals: matchers(Object.entries(vocab.ordinals)),
    every: matchers(vocab.every.map((w): [string, true] => [w, true])),
    too: matchers(vocab.too.words.map((w): [string, true] => [w, true])),
    patterns: matchers(vocab.patterns.flatMap((x) => x.words.map((w): [string, { part: 'chords' | 'bass' | 'drums'; pattern: string }] => [w, { part: x.part, pattern: x.pattern }]))),
    instead: matchers(vocab.instead.map((w): [string, true] => [w, true])),
    add: matchers(vocab.add.map((w): [string, true] => [w, true])),
    after: matchers([...vocab.after.map((w): [string, 'after'] => [w, 'after']), ...vocab.before.map((w): [string, 'before'] => [w, 'before'])]),
    clauses: new RegExp(String.raw`[,;.!?]+|(?<![\p{L}\p{N}-])(?:${vocab.clauses.map((w) => escapeRegExp(fold(w))).join('|')})(?![\p{L}\p{N}-])`, 'gu'),
    whole: matchers(Object.entries(vocab.whole)),
    inSection: vocab.feel?.in.length ? new RegExp(String.raw`^\s+(?:${vocab.feel.in.map((w) => escapeRegExp(fold(w))).join('|')})\s+(?:${Object.values(vocab.sections).flat().map((w) => escapeRegExp(fold(w))).join('|')})(?![\p{L}\p{N}])`, 'u') : null,
  };
  compiled.set(vocab.language, c);
  return c;
}

interface Hit<T> { start: number; end: number; value: T }

/** Longest-first, non-overlapping matches of `list` inside [from, to), avoiding `taken` spans. */
function find<T>(text: string, list: Matcher<T>[], from: number, to: number, taken: readonly { start: number; end: number }[] = []): Hit<T>[] {
  const hits: Hit<T>[] = [];
  const part = text.slice(0, to);
  for (const m of list) {
    if (!m.pieces.every((piece) => part.includes(piece))) continue;
    m.re.lastIndex = from;
    for (let r = m.re.exec(part); r; r = m.re.exec(part)) {
      const h = { start: r.index, end: r.index + r[0].length, value: m.value };
      if (![...hits, ...taken].some((t) => h.start < t.end && t.start < h.end)) hits.push(h);
      if (r[0].length === 0) m.re.lastIndex++;
    }
  }
  return hits.sort((a, b) => a.start - b.start);
}

/** How many of this language's words the text uses: the language of the request is the best score. */
function score(text: string, c: Compiled): number {
  const all = [c.sections, c.parts, c.changes, c.degrees, c.add, c.whole] as Matcher<unknown>[][];
  return all.reduce((n, list) => n + find(text, list, 0, text.length).length, 0);
}

/** The language of a request by its revision words; English on a tie or when nothing matches. */
export function requestLanguage(text: string): string {
  const folded = fold(text);
  let best = 'en';
  let top = 0;
  for (const [code, vocab] of vocabularies()) {
    const s = score(folded, compile(vocab));
    if (s > top) { best = code; top = s; }
  }
  return best;
}

/** The clauses of a request: spans between punctuation and joining words. */
function clauses(text: string, c: Compiled): [number, number][] {
  const out: [number, number][] = [];
  let at = 0;
  c.clauses.lastIndex = 0;
  for (const m of text.matchAll(c.clauses)) {
    if (m.index > at) out.push([at, m.index]);
    at = m.index + m[0].length;
  }
  if (at < text.length) out.push([at, text.length]);
  return out;
}

/**
 * "in the second verse, drop the bass": a clause naming only a section and its neighbour naming
 * only a change are one request.
 */
function joined(text: string, c: Compiled, spans: [number, number][]): [number, number][] {
  const has = (list: Matcher<unknown>[], [from, to]: [number, number]) => find(text, list, from, to).length > 0;
  const out: [number, number][] = [];
  for (let i = 0; i < spans.length; i++) {
    const [a, b] = [spans[i]!, spans[i + 1]];
    const onlySection = (x: [number, number]) => has(c.sections, x) && !has(c.changes, x);
    const onlyChange = (x: [number, number]) => !has(c.sections, x) && has(c.changes, x);
    if (b && ((onlySection(a) && onlyChange(b)) || (onlyChange(a) && onlySection(b)))) { out.push([a[0], b[1]]); i++; }
    else out.push(a);
  }
  return out;
}

/** The ordinal or "every" just before a section word (within three words), as an instance number. */
function instance(text: string, c: Compiled, s: Hit<string>, from: number): number {
  // "verse 2", "Refrain 3": a number right after the section names the instance too.
  const numbered = /^\s*(?:#|no\.?\s*|nr\.?\s*|n°\s*)?([1-9])(?![\d.,:])/u.exec(text.slice(s.end, s.end + 8));
  if (numbered) return Number(numbered[1]);
  const window = Math.max(from, s.start - 24);
  const ord = find(text, c.ordinals, window, s.start).at(-1);
  if (ord && !/[,;.!?]/.test(text.slice(ord.end, s.start))) return ord.value;
  return 0;
}

/** Read one clause; null when it is not a scoped request (the whole-song rules then read it). */
function readClause(text: string, original: string, c: Compiled, from: number, to: number): ScopedStep | null {
  const sectionHits = find(text, c.sections, from, to);
  if (!sectionHits.length) return null;
  const sections = sectionHits.map((s) => ({ name: s.value, nth: instance(text, c, s, from), start: s.start, end: s.end }));
  const parts = find(text, c.parts, from, to, sectionHits);
  // Parts may sit inside a change ("take the drums out"), so only section words are off limits.
  // "drumless" is a part and a change at once. Of several change words the most specific that
  // applies wins: "more stripped back" is stripped back, not "more".
  const change = find(text, c.changes, from, to, sectionHits)
    .filter((ch) => !parts.some((p) => p.start <= ch.start && ch.end <= p.end && !(p.start === ch.start && p.end === ch.end)))
    .filter((ch) => !ch.value.needsPart || parts.length > 0)
    .sort((a, b) => b.end - b.start - (a.end - a.start))[0];
  const quote = original.slice(from, to).trim();
  const anchorWord = find(text, c.after, from, to, sectionHits)[0];
  const adds = find(text, c.add, from, to, sectionHits).length > 0;
  // A form move: a section that can be added, with "add" or a place ("after the second chorus").
  const anchor = anchorWord ? sections.find((s) => s.start > anchorWord.start) ?? null : null;
  const added = sections.find((s) => s !== anchor && ADDABLE.has(s.name) && s.start < (anchorWord?.start ?? Infinity));
  if (added && (adds || anchor) && !(parts.length && change)) {
    return { kind: 'form', start: from, end: to, add: added.name, where: anchor ? anchorWord!.value : null, anchor, quote };
  }
  if (!change) return styleOrInstrument(text, c, from, to, sections, sectionHits, quote);
  const { field, needsPart } = change.value;
  if (needsPart && !parts.length) return null;
  // "too busy", "zu laut": away from the word, not towards it (or left to the rules that read it).
  const too = find(text, c.too, Math.max(from, change.start - 16), change.start).length > 0;
  if (too && c.vocab.too.means === 'defer' && !parts.length) return null;
  const sign = too ? (-change.value.sign as 1 | -1) : change.value.sign;
  const degree = find(text, c.degrees, from, to, [...sectionHits, ...parts, change]);
  const k = degree.reduce((x, d) => x * d.value, 1);
  return { kind: 'arrange', start: from, end: to, sections, parts: parts.map((p) => p.value), field, sign, k, quote };
}

/** "strummed chords in the chorus", "strings in the bridge", "guitar instead of piano in the verse". */
function styleOrInstrument(text: string, c: Compiled, from: number, to: number, sections: SectionRef[], sectionHits: Hit<string>[], quote: string): ScopedStep | null {
  const pattern = find(text, c.patterns, from, to, sectionHits)[0];
  if (pattern) return { kind: 'pattern', start: from, end: to, sections, part: pattern.value.part, pattern: pattern.value.pattern, quote };
  const instruments = find(text, c.parts, from, to, sectionHits).filter((h) => 'plays' in h.value) as Hit<Extract<PartRef, { plays: string[] }>>[];
  if (!instruments.length) return null;
  const instead = find(text, c.instead, from, to, sectionHits)[0];
  // "replace the piano with a guitar" names the old one first; "guitar instead of piano" the new one.
  const replace = instead && instruments.length > 1 && instead.start < instruments[0]!.start;
  const [next, old] = instead && instruments.length > 1 ? (replace ? [instruments[1]!, instruments[0]!] : [instruments[0]!, instruments[1]!]) : [instruments[0]!, null];
  return { kind: 'instrument', start: from, end: to, sections, to: next.value.plays[0]!, part: next.value.part, instead: old ? old.value : null, quote };
}

/** A request read: the scoped steps, the language, and the rest of the text for the whole-song rules. */
export interface ScopedReading { language: string; steps: ScopedStep[]; rest: string }

/**
 * Read the scoped parts of a request. The rest keeps every clause not understood here, with a
 * language's whole-song phrases ("plus lent", "más lento") put in the words the whole-song table reads.
 */
export function readScoped(request: string): ScopedReading {
  const language = requestLanguage(request);
  const c = compile(vocabularies().get(language)!);
  const text = fold(request);
  const steps: ScopedStep[] = [];
  for (const [from, to] of joined(text, c, clauses(text, c))) {
    const step = readClause(text, request, c, from, to);
    if (step) steps.push(step);
  }
  // The rest is the musician's text as written (joining words too: "guitar and violin" is one
  // request) with the scoped clauses taken out and whole-song phrases put in English words.
  // A whole-song phrase followed by a section ("plus d'espoir | dans le refrain") is about that
  // section: it stays as written, for the section-feel rules (revisions-feel.ts).
  const whole = find(text, c.whole, 0, text.length, steps).filter((h) => !c.inSection?.test(text.slice(h.end)));
  const cuts = [...steps.map((s) => ({ start: s.start, end: s.end, value: ' ; ' })), ...whole].sort((a, b) => a.start - b.start);
  let rest = '';
  let at = 0;
  for (const cut of cuts) { rest += request.slice(at, cut.start) + cut.value; at = cut.end; }
  rest += request.slice(at);
  return { language, steps, rest };
}

/** The sections a request names, in its language's words, as the form names them ("refrains" → "chorus"), each once. */
export function sectionsNamed(request: string): string[] {
  const c = compile(vocabularies().get(requestLanguage(request))!);
  const text = fold(request);
  return [...new Set(find(text, c.sections, 0, text.length).map((h) => h.value))];
}
