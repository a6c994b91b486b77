/**
 * Test support for the engine: fast-check arbitraries that build random *valid* SongParameters
 * through the real schema, and measurements over a Sketch. Only tests import this module.
 */
import fc from 'fast-check';
import { Chord, Note as TNote, Scale } from 'tonal';
import { INSTRUMENTS, METERS, SongParameters } from './params.ts';
import type { Note, Sketch } from './sketch.ts';

export const HEPTATONIC = ['major', 'minor', 'dorian', 'mixolydian', 'lydian', 'phrygian', 'harmonic minor', 'melodic minor'] as const;
export const MODES = [...HEPTATONIC, 'major pentatonic', 'minor pentatonic', 'blues'] as const;
export const KEYS = ['C', 'C#', 'Db', 'D', 'Eb', 'E', 'F', 'F#', 'G', 'Ab', 'A', 'Bb', 'B'] as const;
const NAMES = ['intro', 'verse', 'chorus', 'bridge', 'outro', 'verse', 'chorus'] as const;

const section = fc.record({
  name: fc.constantFrom(...NAMES),
  bars: fc.integer({ min: 1, max: 9 }),
  energy: fc.double({ min: 0, max: 1, noNaN: true }),
  valenceOffset: fc.double({ min: -1, max: 1, noNaN: true }),
  arousalOffset: fc.double({ min: -1, max: 1, noNaN: true }),
});

/** Random valid parameters; `over` fixes fields (e.g. { borrowed: false }) for a property. */
export function arbParams(
  over: { modes?: readonly string[]; borrowed?: boolean; leapiness?: [number, number]; density?: [number, number]; userChords?: boolean; songForm?: boolean } = {},
) {
  return fc
    .record({
      valence: fc.double({ min: -1, max: 1, noNaN: true }),
      arousal: fc.double({ min: -1, max: 1, noNaN: true }),
      key: fc.constantFrom(...KEYS),
      mode: fc.constantFrom(...(over.modes ?? MODES)),
      tempo: fc.integer({ min: 30, max: 240 }),
      meter: fc.constantFrom(...METERS),
      sections: fc.array(section, { minLength: 1, maxLength: 5 }),
      low: fc.integer({ min: 40, max: 76 }),
      span: fc.integer({ min: 7, max: 24 }),
      density: fc.double({ min: over.density?.[0] ?? 0, max: over.density?.[1] ?? 1, noNaN: true }),
      leapiness: fc.double({ min: over.leapiness?.[0] ?? 0, max: over.leapiness?.[1] ?? 1, noNaN: true }),
      contour: fc.constantFrom('arch', 'rising', 'falling', 'wave'),
      chordsPerBar: fc.constantFrom(0.5, 1, 2),
      extensions: fc.boolean(),
      borrowed: over.borrowed === undefined ? fc.boolean() : fc.constant(over.borrowed),
      comping: fc.constantFrom('block', 'broken', 'arpeggio', 'strum'),
      feel: fc.constantFrom('straight', 'swing', 'half-time', 'shuffle'),
      swing: fc.double({ min: 0, max: 1, noNaN: true }),
      humanize: fc.double({ min: 0, max: 1, noNaN: true }),
      drums: fc.boolean(),
      groove: fc.constantFrom('auto', 'straight', 'half-time', 'swing', 'waltz', 'march', 'ballad', 'driving'),
      drumDensity: fc.double({ min: 0, max: 1, noNaN: true }),
      fills: fc.boolean(),
      bass: fc.constantFrom('root', 'root-fifth', 'walking', 'pedal', 'octave'),
      melodyInstrument: fc.constantFrom(...INSTRUMENTS),
      level: fc.double({ min: 0, max: 1, noNaN: true }),
      userChords: over.userChords ? fc.array(fc.constantFrom('I', 'ii', 'iv', 'V7', 'bVII', 'vi', 'i', 'bVI', 'III', 'IVmaj7'), { minLength: 1, maxLength: 4 }) : fc.constant([] as string[]),
    })
    .map((r) =>
      SongParameters.parse({
        valence: r.valence,
        arousal: r.arousal,
        key: r.key,
        mode: r.mode,
        tempo: r.tempo,
        meter: r.meter,
        // songForm keeps the default intro–verse–chorus form, so a property sees song-length lines.
        sections: over.songForm ? undefined : r.sections.map((s, i) => ({ ...s, chords: i % 2 === 0 ? r.userChords : [] })),
        melody: { low: r.low, high: Math.min(100, r.low + r.span), density: r.density, leapiness: r.leapiness, contour: r.contour },
        harmony: { chordsPerBar: r.chordsPerBar, extensions: r.extensions, borrowed: r.borrowed, comping: r.comping },
        rhythm: { feel: r.feel, swing: r.swing, humanize: r.humanize },
        drums: { enabled: r.drums, groove: r.groove, density: r.drumDensity, fills: r.fills },
        bass: { style: r.bass },
        instruments: { melody: r.melodyInstrument },
        dynamics: { level: r.level },
      }),
    );
}

/** Pitch classes of a scale, straight from Tonal. */
export function scaleChromas(key: string, mode: string): number[] {
  return Scale.get(`${key} ${mode}`).notes.map((n) => TNote.chroma(n) ?? -1);
}

/** Pitch classes of the chords sounding within ±slack ticks of a tick, from the sketch's chord list. */
export function chordChromasNear(sketch: Sketch, tick: number, slack = 24): number[] {
  return sketch.chords
    .filter((c) => c.start <= tick + slack && c.start + c.duration > tick - slack)
    .flatMap((c) => Chord.get(c.symbol).notes.map((n) => TNote.chroma(n) ?? -1));
}

/** Notes of a track by id (empty when absent). */
export function trackNotes(sketch: Sketch, id: string): Note[] {
  return sketch.tracks.find((t) => t.id === id)?.notes ?? [];
}

/** Absolute intervals between consecutive melody notes. */
export function intervals(notes: readonly Note[]): number[] {
  return notes.slice(1).map((n, i) => Math.abs(n.pitch - (notes[i]?.pitch ?? n.pitch)));
}

/** true when no note starts before the previous one ends. */
export function isMonophonic(notes: readonly Note[]): boolean {
  const sorted = [...notes].sort((a, b) => a.start - b.start);
  return sorted.every((n, i) => i === 0 || (sorted[i - 1]?.start ?? 0) + (sorted[i - 1]?.duration ?? 0) <= n.start);
}

/** Moves between consecutive notes measured in scale degrees (0 = repeat, 1 = step). */
export function degreeMoves(notes: readonly Note[], key: string, mode: string): number[] {
  const pcs = scaleChromas(key, mode);
  const rungs = Array.from({ length: 128 }, (_, p) => p).filter((p) => pcs.includes(p % 12));
  const at = (p: number) => rungs.findIndex((r) => r >= p);
  return notes.slice(1).map((n, i) => Math.abs(at(n.pitch) - at(notes[i]?.pitch ?? n.pitch)));
}
