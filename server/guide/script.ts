/**
 * The English guide words in the shape older callers read them (one question, reflection and
 * "I don't know" line per stage; fixed lines; chips). The words themselves live in
 * lang/en/guide.json; every language's are read through guideText() in text.ts.
 */
import type { Stage } from './state.ts';
import { guideText } from './text.ts';

export interface StageScript {
  question: string;
  /** How an answer at this stage is reflected back; {q} is a short quote of their words. */
  reflect: string;
  /** For "I don't know": a gentle line and options offered as suggestion chips. */
  unsure: string;
  options: string[];
}

const en = guideText('en');

export const SCRIPT: Record<Stage, StageScript> = Object.fromEntries(
  Object.entries(en.stages).map(([stage, s]) => [stage, { question: s.question, reflect: en.reflect[0]!, unsure: s.unsure[0]!, options: s.examples }]),
) as Record<Stage, StageScript>;

/** Fixed lines the offline guide uses around the stage questions (the first variant of each, in English). */
export const LINES = Object.fromEntries(Object.entries(en.lines).map(([k, v]) => [k, Array.isArray(v) ? v[0]! : v])) as {
  [K in keyof typeof en.lines]: string;
};

/** Suggestion chips while gathering answers, after a proposal, and while listening. */
export const CHIPS = en.chips;
