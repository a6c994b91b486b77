/**
 * Written note values: a table of the values a lead sheet uses, and the split of any stretch of
 * time inside one bar into values a musician reads easily (tied where a value would hide a beat).
 */
import type { Beat } from './grid.ts';

/** A MusicXML note type with its dots and whether it sits in a 3:2 triplet. */
export interface NoteValue {
  /** Length in quarter notes. */
  quarters: number;
  type: 'whole' | 'half' | 'quarter' | 'eighth' | '16th' | '32nd';
  dots: 0 | 1;
  triplet: boolean;
}

/** Plain and dotted values, longest first; `base` is the undotted length that sets alignment. */
const PLAIN: readonly (NoteValue & { base: number })[] = [
  { quarters: 4, type: 'whole', dots: 0, triplet: false, base: 4 },
  { quarters: 3, type: 'half', dots: 1, triplet: false, base: 2 },
  { quarters: 2, type: 'half', dots: 0, triplet: false, base: 2 },
  { quarters: 1.5, type: 'quarter', dots: 1, triplet: false, base: 1 },
  { quarters: 1, type: 'quarter', dots: 0, triplet: false, base: 1 },
  { quarters: 0.75, type: 'eighth', dots: 1, triplet: false, base: 0.5 },
  { quarters: 0.5, type: 'eighth', dots: 0, triplet: false, base: 0.5 },
  { quarters: 0.375, type: '16th', dots: 1, triplet: false, base: 0.25 },
  { quarters: 0.25, type: '16th', dots: 0, triplet: false, base: 0.25 },
  { quarters: 0.125, type: '32nd', dots: 0, triplet: false, base: 0.125 },
];

/** Triplet values inside one quarter-note beat (three eighth-note triplets make the beat). */
const TRIPLET: readonly (NoteValue & { base: number })[] = [
  { quarters: 2 / 3, type: 'quarter', dots: 0, triplet: true, base: 1 / 3 },
  { quarters: 1 / 3, type: 'eighth', dots: 0, triplet: true, base: 1 / 3 },
  { quarters: 1 / 6, type: '16th', dots: 0, triplet: true, base: 1 / 6 },
];

/** One written piece of a note or rest: where it starts, how long, and its value. */
export interface Piece {
  start: number;
  ticks: number;
  value: NoteValue;
}

const ticksOf = (quarters: number, ppq: number) => Math.round(quarters * ppq);

/**
 * Split [start, end) — inside one bar, on the grid — into written values. Triplet beats that the
 * stretch only partly covers are cut out and written in triplet values; elsewhere a value may
 * start off the beat only if it does not run over the next beat.
 */
export function splitIntoValues(start: number, end: number, beats: readonly Beat[], ppq: number): Piece[] {
  const cuts = new Set<number>([start, end]);
  for (const b of beats) {
    if (!b.triplet || b.end <= start || b.start >= end) continue;
    if (start <= b.start && end >= b.end) continue; // a whole triplet beat reads as a plain quarter
    for (const t of [b.start, b.end]) if (t > start && t < end) cuts.add(t);
  }
  const points = [...cuts].sort((a, b) => a - b);
  const pieces: Piece[] = [];
  let plainFrom: number | null = null;
  const flushPlain = (to: number) => {
    if (plainFrom !== null) pieces.push(...greedy(plainFrom, to, beats, ppq, PLAIN));
    plainFrom = null;
  };
  for (let i = 0; i + 1 < points.length; i++) {
    const [a, b] = [points[i]!, points[i + 1]!];
    const beat = beats.find((x) => x.start <= a && a < x.end);
    const partialTriplet = beat?.triplet === true && !(a === beat.start && b === beat.end);
    if (partialTriplet) {
      flushPlain(a);
      pieces.push(...greedy(a, b, beats, ppq, TRIPLET));
    } else plainFrom ??= a;
  }
  flushPlain(end);
  return pieces;
}

/** Longest allowed values first; the smallest value always fits a grid-aligned stretch. */
function greedy(start: number, end: number, beats: readonly Beat[], ppq: number, table: readonly (NoteValue & { base: number })[]): Piece[] {
  const pieces: Piece[] = [];
  let at = start;
  while (at < end) {
    const beat = beats.find((x) => x.start <= at && at < x.end);
    const onBeat = beat === undefined || beat.start === at;
    const pick =
      table.find((v) => {
        const ticks = ticksOf(v.quarters, ppq);
        if (at + ticks > end) return false;
        if (onBeat || !beat) return true;
        const align = Math.min(ticksOf(v.base, ppq), beat.end - beat.start);
        return (at - beat.start) % align === 0 && at + ticks <= beat.end;
      }) ?? table.at(-1)!;
    // Off-grid leftovers (never from quantised input) are written as the shortest value, clipped.
    const ticks = Math.min(ticksOf(pick.quarters, ppq), end - at);
    pieces.push({ start: at, ticks, value: { quarters: pick.quarters, type: pick.type, dots: pick.dots, triplet: pick.triplet } });
    at += ticks;
  }
  return pieces;
}
