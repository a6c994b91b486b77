/**
 * Which mode a style template plays in. A template names the modes it accepts for bright and dark
 * songs; a song already in one of them keeps it, any other mode moves to the nearest accepted mode
 * of its own family (so valence still decides major or minor), nearest meaning the fewest notes
 * changed. "Like a bossa nova" with mixed feelings (mixolydian) becomes major, not a bossa whose
 * tonic is a dominant seventh.
 */
import { Note, Scale } from 'tonal';
import { scaleInfo } from '../theory/scale.ts';
import type { StyleTemplate } from './template.ts';

/** Pitch classes of a scale on C, i.e. semitones above its tonic: 'dorian' → {0, 2, 3, 5, 7, 9, 10}. */
function steps(mode: string): Set<number> {
  return new Set(Scale.get(`C ${mode}`).notes.map((n) => Note.chroma(n) ?? 0));
}

/** How many notes differ between two scales on the same tonic: modeDistance('dorian', 'minor') → 2. */
export function modeDistance(a: string, b: string): number {
  const x = steps(a);
  const y = steps(b);
  let d = 0;
  for (const s of x) if (!y.has(s)) d++;
  for (const s of y) if (!x.has(s)) d++;
  return d;
}

/** Every mode the template accepts, bright first. */
export function acceptedModes(t: StyleTemplate): string[] {
  return [...new Set([...t.modes.major, ...t.modes.minor])];
}

/**
 * The mode a template plays a song in: modeForTemplate(bossa, 'G', 'mixolydian') → 'major';
 * modeForTemplate(bossa, 'D', 'minor') → 'minor' (already accepted).
 */
export function modeForTemplate(t: StyleTemplate, key: string, mode: string): string {
  if (acceptedModes(t).includes(mode)) return mode;
  const family = scaleInfo(key, mode).family;
  const candidates = t.modes[family];
  // Fewest changed notes wins; ties go to the template's own order (its usual mode first).
  return candidates.reduce((best, m) => (modeDistance(mode, m) < modeDistance(mode, best) ? m : best), candidates[0]!);
}
