/**
 * Jam mode's parameters: the song's own parameters as the base, the pad's (valence, arousal) as
 * the point, and a 4-bar single section to loop. How an emotion becomes musical choices is the
 * interpreter's job, so the mapping is passed in (`morph`) rather than restated here.
 */
import type { SongParameters } from '../params.ts';

/** Bars in the jam loop. */
export const JAM_BARS = 4;

/** A point on the pad: Russell's circumplex, both axes in [-1, 1]. */
export interface PadPoint {
  valence: number;
  arousal: number;
}

/** Emotion → parameters, keeping what the base decides (key, meter, instruments): the interpreter's mapping. */
export type Morph = (valence: number, arousal: number, base: SongParameters) => SongParameters;

const clampAxis = (x: number) => Math.max(-1, Math.min(1, Number.isFinite(x) ? x : 0));
const round2 = (x: number) => Math.round(x * 100) / 100;

/** Keep a pad point on the circumplex, rounded to 0.01 so equal-looking points are equal. */
export function clampPoint(p: PadPoint): PadPoint {
  return { valence: round2(clampAxis(p.valence)), arousal: round2(clampAxis(p.arousal)) };
}

/** Energy of the jam section for an arousal: calm 0.25 … excited 0.85. */
export function jamEnergy(arousal: number): number {
  return round2(0.25 + 0.3 * (clampAxis(arousal) + 1));
}

/**
 * The parameters of the loop at a pad point: jamParams(base, { valence: 0.5, arousal: 0.2 }, morph)
 * → base's key and instruments, the point's mode and tempo, one 4-bar "jam" section.
 */
export function jamParams(base: SongParameters, point: PadPoint, morph?: Morph): SongParameters {
  const { valence, arousal } = clampPoint(point);
  const moved = morph ? morph(valence, arousal, base) : { ...base, valence, arousal };
  // The loop keeps the song's first section's chords, so the jam still sounds like this song.
  const chords = base.sections[0]?.chords ?? [];
  return {
    ...moved,
    valence,
    arousal,
    key: base.key,
    meter: base.meter,
    instruments: base.instruments,
    sections: [{ name: 'jam', bars: JAM_BARS, chords, energy: jamEnergy(arousal), valenceOffset: 0, arousalOffset: 0 }],
    rationale: [],
  };
}

/** What a captured jam version says it is: "jam capture (valence 0.4, arousal -0.25)", plus where
 *  from when it came out of a take: "… from Take 2, bar 5". */
export function captureRequest(point: PadPoint, from?: string): string {
  const { valence, arousal } = clampPoint(point);
  return `jam capture (valence ${valence}, arousal ${arousal})${from ? ` from ${from}` : ''}`;
}

/** One recorded moment of a jam: milliseconds since the jam started, and where the pad was. */
export interface PathPoint extends PadPoint {
  atMs: number;
}

/** Add a moment to a jam path, skipping repeats of the same point (the path stays small). */
export function recordPath(path: readonly PathPoint[], atMs: number, point: PadPoint, limit = 2000): PathPoint[] {
  const p = clampPoint(point);
  const last = path.at(-1);
  if (last && last.valence === p.valence && last.arousal === p.arousal) return [...path];
  const next = [...path, { atMs, ...p }];
  return next.length > limit ? next.slice(next.length - limit) : next;
}
