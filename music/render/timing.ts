/** Ticks to seconds for audio: the one place in music/render where musical time becomes clock time. */
import type { Sketch } from '../sketch.ts';

/** Seconds of release left after the last bar so final notes and cymbals ring out. */
export const RELEASE_TAIL = 1.5;

/** Seconds from the top of the song to `tick`: tickSeconds(sketch, 480) at 120 bpm → 0.5. */
export function tickSeconds(sketch: Pick<Sketch, 'ppq' | 'tempo'>, tick: number): number {
  return (tick / sketch.ppq) * (60 / sketch.tempo);
}

/** How long the song plays, without the tail. */
export function songSeconds(sketch: Pick<Sketch, 'ppq' | 'tempo' | 'totalTicks'>): number {
  return tickSeconds(sketch, sketch.totalTicks);
}

/** Length of a render: the song plus its release tail. */
export function renderSeconds(sketch: Pick<Sketch, 'ppq' | 'tempo' | 'totalTicks'>, tail = RELEASE_TAIL): number {
  return songSeconds(sketch) + tail;
}
