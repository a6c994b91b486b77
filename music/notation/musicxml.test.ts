import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { generateSketch } from '../generate.ts';
import { keySignatureFor } from '../midi/keySignature.ts';
import { fixtureSketch } from '../midi/fixture.ts';
import { parseParams, type SongParametersInput } from '../params.ts';
import type { Sketch } from '../sketch.ts';
import { arbParams, trackNotes } from '../testing.ts';
import { sketchToMusicXml } from './musicxml.ts';
import { quantizeMelody } from './quantize.ts';
import { readLeadSheet, soundingNotes, TYPE_QUARTERS, type ReadNote } from './testing.ts';

/** Params whose melody the engine writes exactly on a sixteenth grid (no swing, no humanising). */
const ON_GRID: [string, SongParametersInput][] = [
  ['C major 4/4', { rhythm: { humanize: 0 } }],
  ['D minor 3/4', { key: 'D', mode: 'minor', tempo: 76, meter: '3/4', rhythm: { humanize: 0 } }],
  ['Eb dorian 6/8', { key: 'Eb', mode: 'dorian', meter: '6/8', rhythm: { humanize: 0 }, melody: { density: 0.9 } }],
  ['F# major 7/8, low range', { key: 'F#', meter: '7/8', tempo: 150, rhythm: { humanize: 0 }, melody: { low: 40, high: 57, density: 1 } }],
  ['Bb mixolydian 5/4, two chords a bar', { key: 'Bb', mode: 'mixolydian', meter: '5/4', rhythm: { humanize: 0 }, harmony: { chordsPerBar: 2, extensions: true } }],
  ['A harmonic minor 12/8', { key: 'A', mode: 'harmonic minor', meter: '12/8', rhythm: { humanize: 0 } }],
];

const sorted = <T extends { start: number; pitch: number }>(notes: T[]) => [...notes].sort((a, b) => a.start - b.start || a.pitch - b.pitch);

/** Every written piece's duration agrees with its type, dots and tuplet. */
function typeTicks(n: ReadNote, divisions: number): number {
  const base = TYPE_QUARTERS[n.type]! * divisions * (n.dots === 1 ? 1.5 : 1);
  return n.tuplet ? (base * n.tuplet[1]) / n.tuplet[0] : base;
}

function expectWellFormedMeasures(sketch: Sketch, sheet: ReturnType<typeof readLeadSheet>): void {
  expect(sheet.measureLengths).toHaveLength(sketch.bars);
  expect(sheet.measureLengths.every((d) => d === (sheet.divisions * 4 * sheet.beats) / sheet.beatType)).toBe(true);
  for (const n of sheet.notes) {
    if (n.measureRest) expect(n.pitch).toBeNull();
    else expect(n.duration).toBe(typeTicks(n, sheet.divisions));
  }
}

describe('sketchToMusicXml', () => {
  it.each(ON_GRID)('round-trips %s: key, time, tempo, measures, melody, chords and sections', (_, input) => {
    const sketch = generateSketch(parseParams(input), 11);
    const melody = trackNotes(sketch, 'melody');
    // The premise: this melody already sits on sixteenths, so nothing may move in the export.
    expect(melody.every((n) => n.start % 120 === 0 && n.duration % 120 === 0)).toBe(true);
    const sheet = readLeadSheet(sketchToMusicXml(sketch, { title: 'Round trip' }));
    const signature = keySignatureFor(sketch.key, sketch.mode);
    expect({ divisions: sheet.divisions, fifths: sheet.fifths, mode: sheet.mode, tempo: sheet.tempo, perMinute: sheet.perMinute, meter: `${sheet.beats}/${sheet.beatType}` }).toEqual({
      divisions: sketch.ppq,
      fifths: signature.sf,
      mode: signature.mi === 1 ? 'minor' : 'major',
      tempo: sketch.tempo,
      perMinute: sketch.tempo,
      meter: sketch.meter,
    });
    expectWellFormedMeasures(sketch, sheet);
    expect(soundingNotes(sheet.notes)).toEqual(sorted(melody.map((n) => ({ pitch: n.pitch, start: n.start, duration: n.duration }))));
    expect(sheet.harmonies.map((h) => ({ start: h.start, symbol: h.symbol }))).toEqual(sketch.chords.map((c) => ({ start: c.start, symbol: c.symbol })));
    expect(sheet.harmonies.every((h) => h.kind !== 'other' && h.kind !== '')).toBe(true);
    expect(sheet.rehearsals.map((r) => ({ bar: r.bar, name: r.text.toLowerCase() }))).toEqual(sketch.sections.map((s) => ({ bar: s.startBar, name: s.name.toLowerCase() })));
  });

  it('writes a swung, humanised melody on the grid it was quantised to, with triplets where it swings', () => {
    const sketch = generateSketch(parseParams({ key: 'F#', mode: 'harmonic minor', rhythm: { feel: 'swing', swing: 0.9, humanize: 0.6 } }), 5);
    const sheet = readLeadSheet(sketchToMusicXml(sketch));
    expectWellFormedMeasures(sketch, sheet);
    const quantized = quantizeMelody(sketch).notes;
    expect(soundingNotes(sheet.notes)).toEqual(quantized);
    expect(sheet.notes.some((n) => n.tuplet?.[0] === 3 && n.tuplet[1] === 2)).toBe(true);
    // Every note is still there, each within a triplet-sixteenth of where it was played.
    const played = sorted(trackNotes(sketch, 'melody'));
    expect(quantized).toHaveLength(played.length);
    quantized.forEach((n, i) => expect(Math.abs(n.start - played[i]!.start)).toBeLessThanOrEqual(80));
  });

  it('keeps every measure full and every value true to its type for any valid parameters', () => {
    fc.assert(
      fc.property(arbParams(), fc.integer({ min: 0, max: 1000 }), (params, seed) => {
        const sketch = generateSketch(params, seed);
        const sheet = readLeadSheet(sketchToMusicXml(sketch));
        expectWellFormedMeasures(sketch, sheet);
        expect(soundingNotes(sheet.notes)).toEqual(quantizeMelody(sketch).notes);
        expect(sheet.harmonies.map((h) => h.symbol)).toEqual(sketch.chords.map((c) => c.symbol));
      }),
      { numRuns: 30 },
    );
  });

  it('ties notes across barlines and marks both ends', () => {
    const sketch = fixtureSketch({ sections: [['verse', 2]] });
    sketch.tracks[0]!.notes = [{ pitch: 74, start: 960, duration: 1920, velocity: 0.8 }];
    const sheet = readLeadSheet(sketchToMusicXml(sketch));
    const pieces = sheet.notes.filter((n) => n.pitch !== null);
    expect(pieces.map((n) => [n.start, n.duration, n.type, n.tieStart, n.tieStop])).toEqual([
      [960, 960, 'half', true, false],
      [1920, 960, 'half', false, true],
    ]);
    expect(sheet.notes.filter((n) => n.pitch === null).map((n) => [n.start, n.type])).toEqual([[0, 'half'], [2880, 'half']]);
  });

  it('escapes the title and section names and reads them back exactly', () => {
    const sketch = fixtureSketch({ sections: [['verse & "more" <1>', 2]] });
    const sheet = readLeadSheet(sketchToMusicXml(sketch, { title: `Tom & Jerry's <"song">` }));
    expect(sheet.title).toBe(`Tom & Jerry's <"song">`);
    expect(sheet.rehearsals).toEqual([{ bar: 0, text: 'Verse & "more" <1>' }]);
  });

  it('is deterministic and writes an empty melody as whole-measure rests', () => {
    const sketch = generateSketch(parseParams({ tempo: 120 }), 3);
    expect(sketchToMusicXml(sketch, { title: 'x' })).toBe(sketchToMusicXml(structuredClone(sketch), { title: 'x' }));
    const silent = { ...sketch, tracks: sketch.tracks.filter((t) => t.id !== 'melody') };
    const sheet = readLeadSheet(sketchToMusicXml(silent));
    expect(sheet.notes.every((n) => n.measureRest)).toBe(true);
    expectWellFormedMeasures(silent, sheet);
  });
});
