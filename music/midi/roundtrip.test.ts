import { describe, expect, it } from 'vitest';
import { Note } from 'tonal';
import { generateSketch } from '../generate.ts';
import { parseParams, type SongParametersInput } from '../params.ts';
import { analyzeMidi } from '../analyze/analyze.ts';
import { sketchToMidi } from './export.ts';
import { keySignatureFor } from './keySignature.ts';
import { oneProgram, pairNotes, readBack, referenceMidi } from './testing.ts';
import { playableNotes } from './notes.ts';
import type { Track } from '../sketch.ts';

const SONGS: [string, SongParametersInput, number][] = [
  ['D minor ballad in 4/4', { key: 'D', mode: 'minor', tempo: 72, valence: -0.5, arousal: -0.4 }, 1],
  ['C major, bright, 4/4', { key: 'C', mode: 'major', tempo: 118, valence: 0.7, arousal: 0.5 }, 2],
  ['Bb major waltz', { key: 'Bb', mode: 'major', tempo: 96, meter: '3/4' }, 3],
  ['F# minor in 6/8', { key: 'F#', mode: 'minor', tempo: 84, meter: '6/8' }, 4],
  ['E dorian, swung', { key: 'E', mode: 'dorian', tempo: 100, rhythm: { feel: 'swing', swing: 0.6 } }, 5],
  ['A major without drums', { key: 'A', mode: 'major', tempo: 90, drums: { enabled: false } }, 6],
];

/**
 * What the analyzer reads for a part: one track per program it plays (@tonejs/midi splits them),
 * in the order they first sound, each with the part's name: [name, channel, program, notes].
 */
function byProgram(track: Track): [string, number, number, number][] {
  const counts = new Map<number, number>([[track.program, 0]]);
  for (const n of playableNotes([track])[0]!) {
    const program = [...(track.programChanges ?? [])].reverse().find((c) => c.tick <= n.start)?.program ?? track.program;
    counts.set(program, (counts.get(program) ?? 0) + 1);
  }
  return [...counts].map(([program, notes]) => [track.name, track.channel, program, notes]);
}

describe('generated sketch → MIDI → independent reader', () => {
  it.each(SONGS)('%s: every note of every part comes back (pitch, start, duration)', (_, input, seed) => {
    const sketch = generateSketch(parseParams(input), seed);
    const file = readBack(sketchToMidi(sketch));
    expect(file.header.format).toBe(1);
    expect(file.tracks).toHaveLength(sketch.tracks.length + 1);
    sketch.tracks.forEach((part, i) => {
      const expected = part.notes.map(({ pitch, start, duration }) => ({ pitch, start, duration })).sort((a, b) => a.start - b.start || a.pitch - b.pitch);
      const got = pairNotes(file.tracks[i + 1]!).map(({ pitch, start, duration }) => ({ pitch, start, duration }));
      expect(got, `${part.name} notes`).toEqual(expected);
    });
    const sig = file.tracks[0]!.find((e) => e.type === 'keySignature') as { key: number; scale: number };
    const want = keySignatureFor(sketch.key, sketch.mode);
    expect({ sf: sig.key, mi: sig.scale }).toEqual(want);
    const markers = file.tracks[0]!.filter((e) => e.type === 'marker').map((e) => [(e as { text: string }).text, e.tick]);
    expect(markers).toEqual(sketch.sections.map((s) => [s.name, s.startTick]));
  });

  it.each(SONGS)('%s: the analyzer reads back tempo, meter, length and tracks', (_, input, seed) => {
    const sketch = generateSketch(parseParams(input), seed);
    const analysis = analyzeMidi(sketchToMidi(sketch));
    expect(analysis.tempo).toBe(sketch.tempo);
    expect(analysis.meter).toBe(sketch.meter);
    expect(analysis.bars).toBe(sketch.bars);
    expect(analysis.tracks.map((t) => [t.name, t.channel, t.program, t.notes])).toEqual(sketch.tracks.flatMap(byProgram));
  });

  const tonal = SONGS.filter(([, input]) => input.mode === 'major' || input.mode === 'minor');
  it.each(tonal)('%s: Krumhansl–Schmuckler finds the key the sketch is in', (_, input, seed) => {
    const sketch = generateSketch(parseParams(input), seed);
    const analysis = analyzeMidi(sketchToMidi(sketch));
    expect(Note.chroma(analysis.key!), `detected ${analysis.key} ${analysis.mode}`).toBe(Note.chroma(sketch.key));
    expect(analysis.mode).toBe(input.mode);
  });

  it.each(SONGS)('%s: the same bytes as @tonejs/midi writes (key signature corrected)', (_, input, seed) => {
    // The oracle writes one program per track, so it is given the sketch without the sections'
    // instrument changes (those are read back independently in sectionDiff.test.ts).
    const sketch = oneProgram(generateSketch(parseParams(input), seed));
    expect(Buffer.from(sketchToMidi(sketch, { title: 'Demo' })).equals(Buffer.from(referenceMidi(sketch, { title: 'Demo' })))).toBe(true);
  });

  it('gives identical bytes for the same params and seed, different for another seed', () => {
    const params = parseParams({ key: 'G', mode: 'mixolydian' });
    const a = sketchToMidi(generateSketch(params, 11));
    const b = sketchToMidi(generateSketch(params, 11));
    const c = sketchToMidi(generateSketch(params, 12));
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
    expect(Buffer.from(a).equals(Buffer.from(c))).toBe(false);
  });
});
