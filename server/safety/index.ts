/**
 * The safety floor: a deterministic crisis detector. It runs on every message before any guide or
 * LLM, so a musician who says they want to die gets care and resources whatever else is configured.
 */
import { CRISIS_PATTERNS, NORMALISE } from './patterns.ts';

export interface CrisisCheck {
  crisis: boolean;
  /** Signal names raised, deduplicated, in pattern order: "suicidal-intent", "self-harm" … */
  signals: string[];
}

/** Fold case, apostrophes and common contractions so one pattern spelling matches them all. */
export function normalise(text: string): string {
  let out = text.toLowerCase();
  for (const [from, to] of NORMALISE) out = out.replace(from, to);
  return out.trim();
}

/** Detect self-harm or suicide language: detectCrisis("I want to die") → { crisis: true, signals: ["death-wish"] }. */
export function detectCrisis(text: string): CrisisCheck {
  const norm = normalise(text);
  const signals: string[] = [];
  for (const { signal, pattern } of CRISIS_PATTERNS) {
    if (!signals.includes(signal) && pattern.test(norm)) signals.push(signal);
  }
  return { crisis: signals.length > 0, signals };
}
