/**
 * The beat grid a lead sheet is written on: where each bar's beats fall and, per beat, whether
 * its notes sit on sixteenths or on eighth-note triplets. Swung or triplet figures get a triplet
 * beat; everything else (and every compound-meter beat) is written in sixteenths.
 */
import type { Note, Sketch } from '../sketch.ts';
import { PPQ } from '../sketch.ts';
import { meterInfo } from '../theory/meter.ts';

export interface Beat {
  start: number;
  end: number;
  /** true when this beat is written as an eighth-note triplet (three units of ppq / 3). */
  triplet: boolean;
}

/** Beat boundaries of every bar of the sketch, in ticks at the sketch's ppq. */
export function beatsOf(sketch: Sketch): Beat[] {
  const info = meterInfo(sketch.meter);
  const scale = sketch.ppq / PPQ;
  const beats: Beat[] = [];
  for (let bar = 0; bar < sketch.bars; bar++) {
    const barStart = bar * sketch.ticksPerBar;
    info.beats.forEach((b, i) => {
      const next = info.beats[i + 1] ?? info.ticksPerBar;
      beats.push({ start: barStart + b * scale, end: barStart + next * scale, triplet: false });
    });
  }
  return beats;
}

/** Index of the beat holding tick `t` (binary search; ticks past the end fall in the last beat). */
export function beatAt(beats: readonly Beat[], t: number): number {
  let lo = 0;
  let hi = beats.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (beats[mid]!.start <= t) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** Grid unit of a beat: a sixteenth, or a triplet eighth in triplet beats. */
export function unitOf(beat: Beat, ppq: number): number {
  return beat.triplet ? ppq / 3 : ppq / 4;
}

/** `t` moved to the nearest grid point of the beat that holds it (may land on the beat's end). */
export function snap(beats: readonly Beat[], t: number, ppq: number): number {
  const beat = beats[beatAt(beats, t)]!;
  const unit = unitOf(beat, ppq);
  return Math.min(beat.end, beat.start + Math.round((t - beat.start) / unit) * unit);
}

function snapError(t: number, start: number, unit: number): number {
  const offset = t - start;
  return Math.abs(offset - Math.round(offset / unit) * unit);
}

/**
 * Mark the beats whose note boundaries fit eighth-note triplets clearly better than sixteenths.
 * Only quarter-note beats can be triplets; a tie or a near-tie stays in sixteenths, which read easier.
 */
export function chooseTriplets(beats: Beat[], notes: readonly Note[], ppq: number): void {
  const points = new Map<number, number[]>();
  for (const n of notes) {
    for (const t of [n.start, n.start + n.duration]) {
      const i = beatAt(beats, t);
      const list = points.get(i) ?? [];
      list.push(t);
      points.set(i, list);
    }
  }
  for (const [i, list] of points) {
    const beat = beats[i]!;
    if (beat.end - beat.start !== ppq) continue;
    const sixteenths = list.reduce((sum, t) => sum + snapError(t, beat.start, ppq / 4), 0);
    const triplets = list.reduce((sum, t) => sum + snapError(t, beat.start, ppq / 3), 0);
    // A margin of ppq / 24 (20 ticks) keeps slight humanising from turning beats into triplets.
    beat.triplet = triplets * 2 < sixteenths && sixteenths >= ppq / 24;
  }
}
