/**
 * Apply every explicit request found in a text, in table order. Each match claims its span of the
 * text, so a later, vaguer rule cannot re-read the same words ("on piano" is not also "piano").
 */
import type { SongParameters } from '../../music/params.ts';
import type { Aspect, RequestRule } from './request-types.ts';

export interface Applied {
  aspect: Aspect;
  label: string;
  /** The musician's words that asked for it. */
  quote: string;
  /** Parameters just before and after this one change, for "before → after" lines. */
  before: SongParameters;
  after: SongParameters;
}

const SINGLE: ReadonlySet<Aspect> = new Set(['key', 'tempo', 'meter', 'style']);

/** Character ranges already claimed by a rule. */
export class Claims {
  private spans: [number, number][] = [];
  /** True if [start, end) overlaps anything claimed. */
  taken(start: number, end: number): boolean {
    return this.spans.some(([s, e]) => start < e && s < end);
  }
  claim(start: number, end: number): void {
    this.spans.push([start, end]);
  }
}

/**
 * The text as a rule's `needs` are looked for in it. What an ASCII letter of a pattern matches
 * under the i and u flags is that letter in either case, ſ (for s) or the Kelvin sign (for k):
 * lower case (which turns the Kelvin sign into k) and ſ → s cover them all.
 */
export const foldForNeeds = (text: string) => text.toLowerCase().replaceAll('\u017f', 's');

/** Run `rules` over `text` starting from `params`; returns the new params and what was honoured. */
export function applyRules(text: string, params: SongParameters, rules: readonly RequestRule[], claims = new Claims()): { params: SongParameters; applied: Applied[] } {
  let p = params;
  const applied: Applied[] = [];
  // Phones and word processors type ’ for ': the rules are written with ', and one character for
  // one keeps every match's position in the musician's own text.
  const plain = text.replace(/[\u2018\u2019`]/g, "'");
  const folded = foldForNeeds(plain);
  for (const rule of rules) {
    if (rule.needs && !rule.needs.some((w) => folded.includes(w))) continue;
    rule.pattern.lastIndex = 0;
    for (const m of plain.matchAll(rule.pattern)) {
      const start = m.index;
      const end = start + m[0].length;
      if (claims.taken(start, end)) continue;
      const result = rule.apply(m as RegExpExecArray, p, text);
      if (!result) continue;
      claims.claim(start, end);
      // One value wins for single-valued aspects: "slow, 80 bpm" reports only the 80.
      if (SINGLE.has(rule.aspect)) applied.splice(0, applied.length, ...applied.filter((a) => a.aspect !== rule.aspect));
      if (!applied.some((a) => a.label === result.label)) applied.push({ aspect: rule.aspect, label: result.label, quote: m[0].trim(), before: p, after: result.params });
      p = result.params;
    }
  }
  return { params: p, applied };
}
