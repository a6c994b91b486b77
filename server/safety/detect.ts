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

const overlaps = (a: Span, b: Span) => a.start < b.end && b.start < a.end;

/** All signals one pack finds in a text's sentences. */
export function packSignals(p: CompiledPack, raw: Sentence[]): Signal[] {
  const out: Signal[] = [];
  for (const sentence of raw) {
    const s = p.normalise(sentence);
    const guarded = p.guards.flatMap((g) => spans(g, s.tokens));
    for (const pattern of p.signals) {
      for (const span of spans(pattern, s.tokens)) {
        if (guarded.some((g) => overlaps(g, span)) || otherPerson(p, s, span)) continue;
        if (negated(p, s, span, pattern.negative)) {
          if (p.pack.checkIn.includes(pattern.category)) out.push({ category: pattern.category, severity: 'check-in', language: p.pack.language, pattern: pattern.source });
          continue;
        }
        out.push({ category: pattern.category, severity: pattern.severity, language: p.pack.language, pattern: pattern.source });
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
  const raw = sentences(text);
  return packs.flatMap((p) => packSignals(p, raw));
}
