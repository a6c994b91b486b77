/**
 * The offline crisis layer: every language pack reads every message (detection must not wait on
 * knowing the language — a German sentence in an English session still counts). For each match it
 * asks: is it inside an idiom ("dying to hear it")? Is it negated ("I'm not going to …")? Is it
 * someone else's story ("he wants to die" in a lyric about a character)? What is left are signals,
 * each with a category and a severity; the highest severity decides the reply.
 */
import type { CompiledPack } from './compile.ts';
import { spans, type Span } from './match.ts';
import { SEVERITIES, type Category, type Severity } from './pack.ts';
import type { Sentence } from './tokens.ts';
import { sentences } from './tokens.ts';

export interface Signal {
  category: Category;
  severity: Severity;
  /** The pack that matched: the language the words were written in. */
  language: string;
  /** The pattern that matched (for tests and the eval; never stored or logged with the words). */
  pattern: string;
  /** Raised by words that count only after earlier distress in the same song. */
  context: boolean;
}

const NEGATION_REACH = 3;

/** A negator within three words before the span (same clause), or in its gaps, negates it. */
function negated(p: CompiledPack, s: Sentence, span: Span, ownNegator: boolean): boolean {
  for (let i = span.start; i < span.end; i++) {
    if (!span.used.includes(i) && p.negators.has(s.tokens[i]!)) return true;
  }
  if (ownNegator) return false;
  for (let i = span.start - 1, n = 0; i >= 0 && n < NEGATION_REACH; i--, n++) {
    const t = s.tokens[i]!;
    if (p.scopeBreaks.has(t)) return false;
    if (p.negators.has(t)) return true;
    if (s.comma[i + 1]) return false;
  }
  return false;
}

/** Someone else's story: a third-person word just before, and no first-person word in the span. */
function otherPerson(p: CompiledPack, s: Sentence, span: Span): boolean {
  for (let i = span.start; i < span.end; i++) if (p.self.has(s.tokens[i]!)) return false;
  for (let i = span.start - 1, n = 0; i >= 0 && n < 3; i--, n++) {
    const t = s.tokens[i]!;
    if (p.self.has(t)) return false;
    if (p.others.has(t)) return true;
    if (s.comma[i + 1]) return false;
  }
  return false;
}

/** How many of a sentence's words are the pack's function words. */
const evidence = (p: CompiledPack, s: Sentence) => s.tokens.reduce((n, t) => n + (p.stopwords.has(t) ? 1 : 0), 0);

/**
 * Whether a sentence may be in the pack's language: yes unless another language's function words
 * plainly dominate it (at least two, and three times this pack's). Short or mixed sentences stay
 * open to every pack, so detection never waits on knowing the language.
 */
function plausible(p: CompiledPack, s: Sentence, packs: readonly CompiledPack[]): boolean {
  const own = evidence(p, s);
  return !packs.some((q) => q !== p && evidence(q, s) >= 2 && evidence(q, s) > 3 * own);
}

/** A span in raw-token positions, so a span one pack found can be compared with another pack's. */
const raw = (s: Sentence, span: Span) => ({ start: s.origin![span.start]!, end: s.origin![span.end - 1]! + 1 });
const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }) => a.start < b.end && b.start < a.end;

/**
 * Signals in one sentence. An idiom guard from any pack silences the words it covers for every
 * pack: "escuadrón suicida" is Spanish idiom even when the French pack reads "suicida" as a typo.
 */
function sentenceSignals(packs: readonly CompiledPack[], sentence: Sentence): Signal[] {
  const live = packs.filter((p) => plausible(p, sentence, packs)).map((p) => ({ p, s: p.normalise(sentence) }));
  const guarded = live.flatMap(({ p, s }) => p.guardsFor(s.tokens).flatMap((g) => spans(g.pattern, s.tokens, g.first).map((span) => raw(s, span))));
  const out: Signal[] = [];
  for (const { p, s } of live) {
    for (const { pattern, first } of p.signalsFor(s.tokens)) {
      for (const span of spans(pattern, s.tokens, first)) {
        const at = raw(s, span);
        if (guarded.some((g) => overlaps(g, at)) || otherPerson(p, s, span)) continue;
        const signal = { category: pattern.category, severity: pattern.severity, language: p.pack.language, pattern: pattern.source, context: pattern.context };
        if (negated(p, s, span, span.negative)) {
          if (p.pack.checkIn.includes(pattern.category)) out.push({ ...signal, severity: 'check-in' });
          continue;
        }
        out.push(signal);
        break;
      }
    }
  }
  return out;
}

/** The highest severity among signals, or null: highest([…concern, …immediate]) → 'immediate'. */
export function highest(signals: readonly Signal[]): Severity | null {
  let best = -1;
  for (const s of signals) best = Math.max(best, SEVERITIES.indexOf(s.severity));
  return best < 0 ? null : SEVERITIES[best]!;
}

/** Run every pack over a text. */
export function allSignals(packs: readonly CompiledPack[], text: string): Signal[] {
  return sentences(text).flatMap((s) => sentenceSignals(packs, s));
}
