/**
 * The quantised melody cut into measures: notes and rests split at barlines and into written
 * values, tied across the splits, with the first and last piece of each triplet group marked.
 */
import type { Sketch, Syllable } from '../sketch.ts';
import { splitIntoValues, type NoteValue } from './durations.ts';
import type { Beat } from './grid.ts';
import type { QuantizedMelody } from './quantize.ts';

/** One written note or rest inside a measure. */
export interface MeasureItem {
  /** MIDI pitch, or null for a rest. */
  pitch: number | null;
  start: number;
  ticks: number;
  value: NoteValue;
  /** Tied from the previous piece / to the next piece of the same note. */
  tieStop: boolean;
  tieStart: boolean;
  /** Bracket start / stop of a triplet group. */
  tuplet?: 'start' | 'stop';
  /** A rest filling the whole measure. */
  wholeBar?: boolean;
  /** The syllable sung here: on the first written piece of its note only. */
  lyric?: Syllable;
}

/** The items of every measure, bar by bar. */
export function measuresOf(sketch: Sketch, melody: QuantizedMelody): MeasureItem[][] {
  const bars: MeasureItem[][] = [];
  let n = 0;
  for (let bar = 0; bar < sketch.bars; bar++) {
    const barStart = bar * sketch.ticksPerBar;
    const barEnd = barStart + sketch.ticksPerBar;
    const beats = melody.beats.filter((b) => b.start >= barStart && b.end <= barEnd);
    const items: MeasureItem[] = [];
    let cursor = barStart;
    const rest = (to: number) => {
      for (const p of splitIntoValues(cursor, to, beats, sketch.ppq)) items.push({ pitch: null, ...p, tieStop: false, tieStart: false });
    };
    while (n > 0 && melody.notes[n - 1]!.start + melody.notes[n - 1]!.duration > barStart) n--; // a note tied in from before
    for (; n < melody.notes.length && melody.notes[n]!.start < barEnd; n++) {
      const note = melody.notes[n]!;
      const end = note.start + note.duration;
      if (end <= barStart) continue;
      const from = Math.max(note.start, barStart);
      const to = Math.min(end, barEnd);
      if (from > cursor) rest(from);
      const pieces = splitIntoValues(from, to, beats, sketch.ppq);
      pieces.forEach((p, i) =>
        items.push({
          pitch: note.pitch,
          ...p,
          tieStop: i > 0 || note.start < barStart,
          tieStart: i < pieces.length - 1 || end > barEnd,
          ...(i === 0 && note.start >= barStart && note.lyric ? { lyric: note.lyric } : {}),
        }),
      );
      cursor = to;
    }
    if (items.length === 0) {
      items.push({ pitch: null, start: barStart, ticks: sketch.ticksPerBar, value: { quarters: sketch.ticksPerBar / sketch.ppq, type: 'whole', dots: 0, triplet: false }, tieStop: false, tieStart: false, wholeBar: true });
    } else if (cursor < barEnd) rest(barEnd);
    markTuplets(items, beats);
    bars.push(items);
  }
  return bars;
}

function markTuplets(items: MeasureItem[], beats: readonly Beat[]): void {
  for (const beat of beats) {
    if (!beat.triplet) continue;
    const group = items.filter((i) => i.value.triplet && i.start >= beat.start && i.start < beat.end);
    if (group.length === 0) continue;
    group[0]!.tuplet = 'start';
    group.at(-1)!.tuplet = 'stop';
  }
}
