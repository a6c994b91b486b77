/**
 * Hand-made sketches for tests of export, analysis and diffs, independent of the generator:
 * a four-bar cadence (i–iv–V–i or I–IV–V–I) repeated through intro, verse and chorus, with
 * melody, block chords, bass and a simple beat. Transposed by semitones so any key can be tested.
 */
import { Note as TonalNote } from 'tonal';
import { PPQ, type Note, type SectionMark, type Sketch, type Track } from '../sketch.ts';
import type { Meter } from '../params.ts';

export interface FixtureOptions {
  key?: string;
  mode?: 'major' | 'minor';
  tempo?: number;
  meter?: Meter;
  /** Sections as [name, bars]; default intro 2, verse 4, chorus 4. */
  sections?: [string, number][];
  drums?: boolean;
}

// Chord roots and thirds in semitones above the tonic, per bar of the cadence.
const CADENCE = {
  minor: [[0, 3, 7], [5, 8, 12], [7, 11, 14], [0, 3, 7]],
  major: [[0, 4, 7], [5, 9, 12], [7, 11, 14], [0, 4, 7]],
} as const;
// Melody steps (semitones above the tonic) that outline the scale, one per beat.
const TUNE = {
  minor: [7, 5, 3, 2, 0, 2, 3, 5, 7, 8, 7, 5, 3, 2, 0, 0],
  major: [7, 5, 4, 2, 0, 2, 4, 5, 7, 9, 7, 5, 4, 2, 0, 0],
} as const;

/** A small, clearly tonal sketch in `key` `mode` (default D minor, 4/4, 96 bpm). */
export function fixtureSketch(options: FixtureOptions = {}): Sketch {
  const key = options.key ?? 'D';
  const mode = options.mode ?? 'minor';
  const meter = options.meter ?? '4/4';
  const [numerator, denominator] = meter.split('/').map(Number) as [number, number];
  const beat = (PPQ * 4) / denominator;
  const ticksPerBar = beat * numerator;
  const plan = options.sections ?? [['intro', 2], ['verse', 4], ['chorus', 4]];
  const tonic = 48 + (TonalNote.chroma(key) ?? 0); // tonic in octave 3
  const melody: Note[] = [];
  const chords: Note[] = [];
  const bass: Note[] = [];
  const drums: Note[] = [];
  const sections: SectionMark[] = [];
  let bar = 0;
  plan.forEach(([name, bars], index) => {
    sections.push({ name, index, startTick: bar * ticksPerBar, startBar: bar, bars, energy: 0.5, valence: 0, arousal: 0 });
    for (let b = 0; b < bars; b++, bar++) {
      const start = bar * ticksPerBar;
      const chord = CADENCE[mode][bar % 4]!;
      for (const step of chord) chords.push({ pitch: tonic + 12 + step, start, duration: ticksPerBar, velocity: 0.6 });
      bass.push({ pitch: tonic - 12 + chord[0]!, start, duration: ticksPerBar / 2, velocity: 0.7 });
      bass.push({ pitch: tonic - 12 + chord[0]! + 7, start: start + ticksPerBar / 2, duration: ticksPerBar / 2, velocity: 0.7 });
      for (let i = 0; i < numerator; i++) {
        const step = TUNE[mode][(bar * numerator + i) % TUNE[mode].length]!;
        melody.push({ pitch: tonic + 24 + step, start: start + i * beat, duration: beat, velocity: 0.8 });
        drums.push({ pitch: i === 0 ? 36 : 42, start: start + i * beat, duration: beat / 4, velocity: 0.7 });
      }
    }
  });
  const tracks: Track[] = [
    { id: 'melody', name: 'Melody', instrument: 'flute', program: 73, channel: 0, notes: melody },
    { id: 'chords', name: 'Chords', instrument: 'strings', program: 48, channel: 1, notes: chords },
    { id: 'bass', name: 'Bass', instrument: 'electric bass', program: 33, channel: 2, notes: bass },
  ];
  if (options.drums ?? true) tracks.push({ id: 'drums', name: 'Drums', instrument: 'drums', program: 0, channel: 9, notes: drums });
  return {
    engineVersion: 'fixture',
    seed: 1,
    ppq: PPQ,
    tempo: options.tempo ?? 96,
    meter,
    ticksPerBar,
    key,
    mode,
    bars: bar,
    totalTicks: bar * ticksPerBar,
    tracks,
    chords: [],
    sections,
    facts: [],
  };
}
