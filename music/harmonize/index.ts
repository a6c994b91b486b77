/**
 * Build a song around a melody the musician gave: useMelody puts it in the song's parameters
 * (the form grows to hold it, the key follows it when the song's does not), generateSketch places
 * it (place.ts), writes the chords around it (chords.ts) and every other part follows those
 * chords. The melody itself is never changed.
 */
import type { SongParameters, GivenMelody } from '../params.ts';
import type { Note, Sketch } from '../sketch.ts';
import { generateSketch } from '../generate.ts';
import { meterInfo } from '../theory/meter.ts';
import { chordNamed } from '../theory/chord.ts';
import { Note as TonalNote } from 'tonal';
import { strongBeatFit, type StrongBeatFit } from './fit.ts';
import { useMelody } from './use.ts';

export { readMelodyMidi, readPlayedMidi, placeMelody } from './melody.ts';
export { playedProgression, withPlayedChords } from './played.ts';
export { strongBeatFit, type StrongBeatFit } from './fit.ts';
export { extendForm } from './form.ts';
export { useMelody, keyForMelody, shareInKey, UnknownSectionError } from './use.ts';

export interface AroundMelody {
  sketch: Sketch;
  /** The parameters the song was made from: the melody in them, the form extended and the key set when needed. */
  params: SongParameters;
  keyFrom: 'params' | 'melody';
  /** Bars added to the form to hold the melody. */
  barsAdded: number;
  /** Strong-beat notes of the given melody against the chords under them. */
  fit: StrongBeatFit;
}

/** Chords of a sketch as pitch classes over time, for strongBeatFit. */
export function chordTimeline(sketch: Sketch) {
  return sketch.chords.map((c) => ({ start: c.start, duration: c.duration, chromas: chordNamed(c.symbol).notes.map((n) => TonalNote.chroma(n) ?? 0) }));
}

/**
 * Make the song around the notes (any start; they are placed from the first bar).
 * @example generateAroundMelody(params, readMelodyMidi(bytes), 7).sketch.tracks[0].notes // the given notes
 */
export function generateAroundMelody(params: SongParameters, notes: readonly Note[], seed: number, use: GivenMelody['use'] = 'whole', section?: string): AroundMelody {
  const used = useMelody(params, notes, use, section);
  const sketch = generateSketch(used.params, seed);
  const meter = meterInfo(used.params.meter, used.params.meterGrouping);
  const melody = sketch.tracks.find((t) => t.id === 'melody')?.notes ?? [];
  const given = use === 'whole' ? melody : melody.filter((n) => used.params.givenMelody!.notes.length && isGivenNote(n, used.params, meter.ticksPerBar));
  return { sketch, params: used.params, keyFrom: used.keyFrom, barsAdded: used.barsAdded, fit: strongBeatFit(given, chordTimeline(sketch), meter) };
}

/** Is a melody note one the musician gave? (by its place inside a section that sings the given melody) */
function isGivenNote(n: Note, params: SongParameters, ticksPerBar: number): boolean {
  const g = params.givenMelody!;
  let start = 0;
  for (const s of params.sections) {
    const end = start + s.bars * ticksPerBar;
    if (n.start >= start && n.start < end) {
      const applies = g.use === 'motif' || s.name.trim().toLowerCase() === g.section?.trim().toLowerCase();
      return applies && g.notes.some((m) => m.start + start === n.start && m.pitch === n.pitch);
    }
    start = end;
  }
  return false;
}
