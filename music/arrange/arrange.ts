/**
 * A section's arrangement applied to one part's notes in that section: busier or sparser
 * (density), higher or lower (register, in octaves), louder or softer (level). Mute and the
 * per-section instrument are handled where the track is assembled (generate.ts). Pure: the only
 * randomness is the stream the caller forks for this part in this section.
 */
import type { Note } from '../sketch.ts';
import type { PartArrangement, PartId } from '../params.ts';
import type { Rng } from '../rng.ts';
import type { MeterInfo } from '../theory/meter.ts';
import { clampVelocity } from '../feel/dynamics.ts';
import { reshapeDensity } from './density.ts';

/**
 * Where a part may sound after an octave shift; a note pushed past an edge folds back an octave.
 * The melody stays above E2 so a "lower" melody does not sink under the bass.
 */
export const PART_RANGE: Record<Exclude<PartId, 'drums'>, { low: number; high: number }> = {
  melody: { low: 40, high: 100 },
  chords: { low: 33, high: 96 },
  bass: { low: 23, high: 67 },
};

/** Move a pitch by whole octaves, then fold it back inside [low, high] an octave at a time. */
export function shiftOctaves(pitch: number, octaves: number, range: { low: number; high: number }): number {
  let p = pitch + 12 * octaves;
  while (p > range.high && p - 12 >= 0) p -= 12;
  while (p < range.low && p + 12 <= 127) p += 12;
  return Math.max(0, Math.min(127, p));
}

/** Does this arrangement ask for anything at all? An empty object plays as the song arranges it. */
export function isPlain(a: PartArrangement | undefined): boolean {
  return !a || ((a.level ?? 1) === 1 && (a.density ?? 0) === 0 && (a.register ?? 0) === 0 && !a.mute && a.instrument === undefined);
}

/**
 * The part's notes in one section, arranged: arrangePart('melody', notes, { register: -1 }, meter, { from, to }, rng).
 * Notes must start inside [from, to); the result keeps them there.
 */
export function arrangePart(part: PartId, notes: Note[], a: PartArrangement | undefined, meter: MeterInfo, span: { from: number; to: number }, rng: Rng): Note[] {
  if (!a) return notes;
  if (a.mute) return [];
  let out = reshapeDensity(part, notes, a.density ?? 0, meter, span, rng);
  const octaves = a.register ?? 0;
  if (octaves !== 0 && part !== 'drums') {
    const range = PART_RANGE[part];
    out = out.map((n) => ({ ...n, pitch: shiftOctaves(n.pitch, octaves, range) }));
  }
  const level = a.level ?? 1;
  if (level !== 1) out = out.map((n) => ({ ...n, velocity: clampVelocity(n.velocity * level) }));
  return out;
}
