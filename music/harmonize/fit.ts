/**
 * How well chords fit a melody, as the issue measures it: of the melody notes sounding on strong
 * beats (the downbeat, and the mid-bar beat the meter marks strong), the share that are tones of
 * the chord sounding at that moment.
 */
import type { Note } from '../sketch.ts';
import type { MeterInfo } from '../theory/meter.ts';

export interface TimedChord {
  start: number;
  duration: number;
  chromas: readonly number[];
}

export interface StrongBeatFit {
  /** Strong beats with a melody note sounding. */
  notes: number;
  /** Of those, how many are chord tones. */
  chordTones: number;
}

/** Strong-beat ticks from 0 up to `end`. */
export function strongBeats(meter: MeterInfo, end: number): number[] {
  const ticks: number[] = [];
  for (let bar = 0; bar * meter.ticksPerBar < end; bar++) {
    for (const i of meter.strong) {
      const t = bar * meter.ticksPerBar + (meter.beats[i] ?? 0);
      if (t < end) ticks.push(t);
    }
  }
  return ticks;
}

/** The note sounding at a tick (the latest started, in a melody with overlaps). */
export function soundingAt(notes: readonly Note[], tick: number): Note | undefined {
  let found: Note | undefined;
  for (const n of notes) if (n.start <= tick && tick < n.start + n.duration && (!found || n.start >= found.start)) found = n;
  return found;
}

/** strongBeatFit(melody, sketch.chords mapped to chromas, meter) → { notes: 24, chordTones: 22 }. */
export function strongBeatFit(melody: readonly Note[], chords: readonly TimedChord[], meter: MeterInfo): StrongBeatFit {
  let end = 0;
  for (const n of melody) end = Math.max(end, n.start + n.duration);
  let notes = 0;
  let chordTones = 0;
  for (const t of strongBeats(meter, end)) {
    const note = soundingAt(melody, t);
    if (!note) continue;
    notes++;
    const chord = chords.find((c) => c.start <= t && t < c.start + c.duration);
    if (chord?.chromas.includes(note.pitch % 12)) chordTones++;
  }
  return { notes, chordTones };
}
