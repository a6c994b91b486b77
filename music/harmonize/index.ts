/**
 * Build a song around a melody the musician gave: the form grows to hold it, the key is the
 * melody's when the song's own key does not fit it, the chords are written around it
 * (chords.ts) and every other part follows those chords. The melody itself is never changed.
 */
import type { SongParameters } from '../params.ts';
import type { Note, Sketch } from '../sketch.ts';
import { generateSketch } from '../generate.ts';
import { meterInfo } from '../theory/meter.ts';
import { scaleInfo, inScale } from '../theory/scale.ts';
import { chordNamed } from '../theory/chord.ts';
import { pitchClassProfile, rankKeys } from '../analyze/key.ts';
import { Note as TonalNote } from 'tonal';
import { barsSpanned, extendForm } from './form.ts';
import { placeMelody } from './melody.ts';
import { strongBeatFit, type StrongBeatFit } from './fit.ts';

export { readMelodyMidi, placeMelody } from './melody.ts';
export { strongBeatFit, type StrongBeatFit } from './fit.ts';
export { extendForm } from './form.ts';

/** Share of the melody's sounding time inside a key's scale. */
export function shareInKey(notes: readonly Note[], key: string, mode: string): number {
  const scale = scaleInfo(key, mode);
  let inside = 0;
  let all = 0;
  for (const n of notes) {
    all += n.duration;
    if (inScale(scale, n.pitch)) inside += n.duration;
  }
  return all ? inside / all : 1;
}

/** The song's key when the melody lives in it (≥ 85 % of its time in the scale), else the melody's own. */
export function keyForMelody(params: SongParameters, notes: readonly Note[]): { key: string; mode: string; from: 'params' | 'melody' } {
  if (shareInKey(notes, params.key, params.mode) >= 0.85) return { key: params.key, mode: params.mode, from: 'params' };
  const best = rankKeys(pitchClassProfile(notes))[0];
  if (!best) return { key: params.key, mode: params.mode, from: 'params' };
  return { key: best.key, mode: best.mode, from: 'melody' };
}

export interface AroundMelody {
  sketch: Sketch;
  /** The parameters the song was made from: the form extended and the key set when needed. */
  params: SongParameters;
  keyFrom: 'params' | 'melody';
  /** Bars added to the form to hold the melody. */
  barsAdded: number;
  fit: StrongBeatFit;
}

/**
 * Make the song around the notes (any start; they are placed from the first bar).
 * @example generateAroundMelody(params, readMelodyMidi(bytes), 7).sketch.tracks[0].notes // the given notes
 */
export function generateAroundMelody(params: SongParameters, notes: readonly Note[], seed: number): AroundMelody {
  if (!notes.length) throw new Error('generateAroundMelody needs at least one note');
  const meter = meterInfo(params.meter, params.meterGrouping);
  const melody = placeMelody(notes, meter.ticksPerBar);
  const key = keyForMelody(params, melody);
  const keyed: SongParameters = key.from === 'melody' ? { ...params, key: key.key, mode: key.mode } : params;
  const before = keyed.sections.reduce((n, s) => n + s.bars, 0);
  const extended = extendForm(keyed, barsSpanned(melody, meter.ticksPerBar));
  const sketch = generateSketch(extended, seed, { notes: melody });
  const chords = sketch.chords.map((c) => ({ start: c.start, duration: c.duration, chromas: chordNamed(c.symbol).notes.map((n) => TonalNote.chroma(n) ?? 0) }));
  return {
    sketch,
    params: extended,
    keyFrom: key.from,
    barsAdded: extended.sections.reduce((n, s) => n + s.bars, 0) - before,
    fit: strongBeatFit(melody, chords, meter),
  };
}
