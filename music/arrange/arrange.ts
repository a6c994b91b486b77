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
import { reshapeDensity, type Span } from './density.ts';

/**
 * Where a part may sound after an octave shift. Wide on purpose (a musician who asks for a lower
 * melody gets one), but inside what a GM player can sound.
 */
export const PART_RANGE: Record<Exclude<PartId, 'drums'>, { low: number; high: number }> = {
  melody: { low: 28, high: 108 },
  chords: { low: 28, high: 100 },
  bass: { low: 16, high: 72 },
};

/**
 * The octave shift a section's notes can take as a whole: the one asked for, or the nearest
 * smaller one that keeps every note inside the range (0 when none does). Shifting the whole
 * section keeps the line's shape; folding single notes would break it.
 */
export function octavesThatFit(pitches: readonly number[], octaves: number, range: { low: number; high: number }): number {
  if (pitches.length === 0) return octaves;
  const [low, high] = [Math.min(...pitches), Math.max(...pitches)];
  for (let o = octaves; o !== 0; o -= Math.sign(o)) if (low + 12 * o >= range.low && high + 12 * o <= range.high) return o;
  return 0;
}

/**
 * The part's notes in one section, arranged: arrangePart('melody', notes, { register: -1 }, meter, { from, to }, rng).
 * Notes must start inside [from, to); the result keeps them there.
 */
export function arrangePart(part: PartId, notes: Note[], a: PartArrangement | undefined, meter: MeterInfo, span: Span, rng: Rng): Note[] {
  if (!a) return notes;
  if (a.mute) return [];
  // Sung notes keep one note per syllable: density does not thin or split them.
  const sung = notes.some((n) => n.lyric);
  let out = reshapeDensity(part, notes, sung ? 0 : (a.density ?? 0), meter, span, rng);
  const octaves = a.register ?? 0;
  if (octaves !== 0 && part !== 'drums') {
    const shift = 12 * octavesThatFit(out.map((n) => n.pitch), octaves, PART_RANGE[part]);
    out = out.map((n) => ({ ...n, pitch: n.pitch + shift }));
  }
  const level = a.level ?? 1;
  if (level !== 1) out = out.map((n) => ({ ...n, velocity: clampVelocity(n.velocity * level) }));
  return out;
}
