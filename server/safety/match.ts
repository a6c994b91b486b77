/**
 * Match compiled patterns against one folded sentence: every span where a pattern holds, with the
 * positions of the words it used (so negators in its gaps can be told from its own words).
 * Hot path (every message × every pack): plain loops, no closures made per call.
 */
import type { Compiled, Sequence, Slot } from './compile.ts';

/** Where a pattern holds; `negative`: the phrase that matched holds a negator itself. */
export interface Span { start: number; end: number; used: number[]; negative: boolean }

function fills(slot: Slot, token: string): boolean {
  if (slot.words.has(token)) return true;
  for (const p of slot.prefixes) if (token.startsWith(p)) return true;
  return false;
}

/** Fill steps from `step` on, starting at `pos`; the positions used go into `used`. */
function walk(seq: Sequence, tokens: string[], step: number, pos: number, used: number[]): boolean {
  if (step === seq.steps.length) return !seq.end || pos === tokens.length;
  const { slot, gap } = seq.steps[step]!;
  for (let g = 0; g <= gap && pos + g < tokens.length; g++) {
    if (!fills(slot, tokens[pos + g]!)) continue;
    used.push(pos + g);
    if (walk(seq, tokens, step + 1, pos + g + 1, used)) return true;
    used.pop();
  }
  return false;
}

/** Every span where the sequence matches, the earliest end for each start. */
function sequenceSpans(seq: Sequence, tokens: string[], out: Span[]): void {
  const first = seq.steps[0]!.slot;
  const last = seq.start ? Math.min(1, tokens.length) : tokens.length;
  for (let i = 0; i < last; i++) {
    if (!fills(first, tokens[i]!)) continue;
    const used = [i];
    if (walk(seq, tokens, 1, i + 1, used)) out.push({ start: i, end: used[used.length - 1]! + 1, used, negative: seq.negative });
  }
}

function partSpans(seqs: readonly Sequence[], tokens: string[]): Span[] {
  const out: Span[] = [];
  for (const seq of seqs) sequenceSpans(seq, tokens, out);
  return out;
}

/**
 * Spans where a compiled pattern holds in the tokens (a `near` pattern: one span covering all its
 * parts). `first`: only these phrases of the first part need trying (the index found them anchored).
 */
export function spans(pattern: Compiled, tokens: string[], first: readonly Sequence[] = pattern.parts[0]!): Span[] {
  const anchors = partSpans(first, tokens);
  if (pattern.parts.length === 1 || !anchors.length) return anchors;
  const others: Span[][] = [];
  for (let k = 1; k < pattern.parts.length; k++) {
    const found = partSpans(pattern.parts[k]!, tokens);
    if (!found.length) return [];
    others.push(found);
  }
  const out: Span[] = [];
  for (const anchor of anchors) {
    let start = anchor.start;
    let end = anchor.end;
    let negative = anchor.negative;
    const used = [...anchor.used];
    let all = true;
    for (const list of others) {
      let near: Span | undefined;
      for (const s of list) if (Math.max(s.end, anchor.end) - Math.min(s.start, anchor.start) <= pattern.window) { near = s; break; }
      if (!near) { all = false; break; }
      start = Math.min(start, near.start);
      end = Math.max(end, near.end);
      negative ||= near.negative;
      used.push(...near.used);
    }
    if (all) out.push({ start, end, used, negative });
  }
  return out;
}
