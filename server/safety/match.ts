/**
 * Match compiled patterns against one folded sentence: every span where a pattern holds, with the
 * positions of the words it used (so negators in its gaps can be told from its own words).
 */
import type { Compiled, Sequence, Slot } from './compile.ts';

export interface Span { start: number; end: number; used: number[] }

const fills = (slot: Slot, token: string) => slot.words.has(token) || slot.prefixes.some((p) => token.startsWith(p));

/** Every span where the sequence matches, earliest end first for each start. */
function sequenceSpans(seq: Sequence, tokens: string[]): Span[] {
  const out: Span[] = [];
  const walk = (step: number, pos: number, used: number[]): Span | null => {
    if (step === seq.steps.length) {
      if (seq.end && pos !== tokens.length) return null;
      return { start: used[0]!, end: pos, used };
    }
    const { slot, gap } = seq.steps[step]!;
    for (let g = 0; g <= gap && pos + g < tokens.length; g++) {
      if (!fills(slot, tokens[pos + g]!)) continue;
      const found = walk(step + 1, pos + g + 1, [...used, pos + g]);
      if (found) return found;
    }
    return null;
  };
  const first = seq.steps[0]!.slot;
  const last = seq.start ? 1 : tokens.length;
  for (let i = 0; i < last && i < tokens.length; i++) {
    if (!fills(first, tokens[i]!)) continue;
    const span = walk(1, i + 1, [i]);
    if (span) out.push(span);
  }
  return out;
}

/** Spans where a compiled pattern holds in the tokens (a `near` pattern: one span covering all its parts). */
export function spans(pattern: Compiled, tokens: string[]): Span[] {
  const each = pattern.parts.map((alts) => alts.flatMap((seq) => sequenceSpans(seq, tokens)));
  if (each.length === 1) return each[0]!;
  if (each.some((s) => !s.length)) return [];
  const out: Span[] = [];
  for (const anchor of each[0]!) {
    const chosen = [anchor];
    for (const others of each.slice(1)) {
      const near = others.find((s) => Math.max(s.end, anchor.end) - Math.min(s.start, anchor.start) <= pattern.window);
      if (!near) break;
      chosen.push(near);
    }
    if (chosen.length !== each.length) continue;
    out.push({ start: Math.min(...chosen.map((s) => s.start)), end: Math.max(...chosen.map((s) => s.end)), used: chosen.flatMap((s) => s.used) });
  }
  return out;
}
