import { describe, expect, it } from 'vitest';
import { Note } from 'tonal';
import { analyzeMidi, MidiFileError } from './analyze.ts';
import { pitchClassProfile, rankKeys } from './key.ts';
import { sketchToMidi } from '../midi/export.ts';
import { fixtureSketch } from '../midi/fixture.ts';

describe('rankKeys (Krumhansl–Schmuckler)', () => {
  it('finds C major from a C major scale weighted toward the triad', () => {
    const notes = [60, 62, 64, 65, 67, 69, 71].map((pitch) => ({ pitch, duration: [60, 64, 67].includes(pitch) ? 4 : 1 }));
    expect(rankKeys(pitchClassProfile(notes))[0]).toMatchObject({ key: 'C', mode: 'major' });
  });

  it('finds A minor when the same notes lean on A, C and E', () => {
    const notes = [57, 59, 60, 62, 64, 65, 67].map((pitch) => ({ pitch, duration: [57, 60, 64].includes(pitch) ? 4 : 1 }));
    expect(rankKeys(pitchClassProfile(notes))[0]).toMatchObject({ key: 'A', mode: 'minor' });
  });

  it('spells keys the way their signatures read (Bb and Eb, not A# and D#)', () => {
    const bb = [58, 62, 65].map((pitch) => ({ pitch, duration: 1 }));
    expect(rankKeys(pitchClassProfile(bb))[0]).toMatchObject({ key: 'Bb', mode: 'major' });
  });

  it('ranks all 24 keys, and none for silence', () => {
    expect(rankKeys(pitchClassProfile([{ pitch: 60, duration: 1 }]))).toHaveLength(24);
    expect(rankKeys(new Array(12).fill(0))).toEqual([]);
  });
});

describe('analyzeMidi', () => {
  const keys: [string, 'major' | 'minor'][] = [
    ['D', 'minor'],
    ['C', 'major'],
    ['Eb', 'major'],
    ['F#', 'minor'],
    ['A', 'major'],
    ['Bb', 'minor'],
  ];
  it.each(keys)('round-trips a sketch in %s %s: key, mode, tempo, meter, bars', (key, mode) => {
    const sketch = fixtureSketch({ key, mode, tempo: 84 });
    const analysis = analyzeMidi(sketchToMidi(sketch, { title: 'Test' }));
    expect(Note.chroma(analysis.key!)).toBe(Note.chroma(key));
    expect(analysis.mode).toBe(mode);
    expect(analysis.keySignature).toMatchObject({ mode });
    expect(Note.chroma(analysis.keySignature!.key)).toBe(Note.chroma(key));
    expect(analysis.tempo).toBe(84);
    expect(analysis.meter).toBe('4/4');
    expect(analysis.bars).toBe(sketch.bars);
    expect(analysis.title).toBe('Test');
    expect(analysis.assumed).toEqual([]);
  });

  it('reads UTF-8 names back, and keeps Latin-1 names from older files', () => {
    const sketch = fixtureSketch({ sections: [['prérefrain', 2], ['Refrain ✨', 2]] });
    const analysis = analyzeMidi(sketchToMidi(sketch, { title: 'Lied für Oma' }));
    expect(analysis.title).toBe('Lied für Oma');
    expect(analysis.markers.map((m) => m.text)).toEqual(['prérefrain', 'Refrain ✨']);
    // A type-0 file whose track name is "Café" in Latin-1 (0xE9), as older software wrote it.
    const latin1 = new Uint8Array([
      ...[0x4d, 0x54, 0x68, 0x64, 0, 0, 0, 6, 0, 0, 0, 1, 0x01, 0xe0],
      ...[0x4d, 0x54, 0x72, 0x6b, 0, 0, 0, 20],
      ...[0x00, 0xff, 0x03, 4, 0x43, 0x61, 0x66, 0xe9, 0x00, 0x90, 60, 100, 0x83, 0x60, 0x80, 60, 0, 0x00, 0xff, 0x2f, 0x00],
    ]);
    expect(analyzeMidi(latin1).tracks[0]!.name).toBe('Café');
  });

  it('reports meter and bars of a 3/4 and a 6/8 sketch', () => {
    for (const meter of ['3/4', '6/8'] as const) {
      const sketch = fixtureSketch({ meter, sections: [['verse', 8], ['chorus', 8]] });
      const analysis = analyzeMidi(sketchToMidi(sketch));
      expect(analysis.meter).toBe(meter);
      expect(analysis.bars).toBe(16);
      expect(analysis.markers).toEqual([
        { text: 'verse', tick: 0, bar: 0 },
        { text: 'chorus', tick: 8 * sketch.ticksPerBar, bar: 8 },
      ]);
    }
  });

  it('describes every track: name, channel, program, note count and range', () => {
    const sketch = fixtureSketch();
    const analysis = analyzeMidi(sketchToMidi(sketch));
    expect(analysis.tracks.map(({ name, channel, program, notes, lowest, highest, percussion }) => ({ name, channel, program, notes, lowest, highest, percussion }))).toEqual(
      sketch.tracks.map((t) => ({
        name: t.name,
        channel: t.channel,
        program: t.program,
        notes: t.notes.length,
        lowest: Math.min(...t.notes.map((n) => n.pitch)),
        highest: Math.max(...t.notes.map((n) => n.pitch)),
        percussion: t.channel === 9,
      })),
    );
    expect(analysis.noteCount).toBe(sketch.tracks.reduce((n, t) => n + t.notes.length, 0));
    expect(analysis.tracks[0]!.instrument).toBe('flute');
  });

  it('takes MIDI defaults, and says so, when a file has no tempo or meter', () => {
    // A hand-built type-0 file: header, one track with a single middle C and end-of-track.
    const bytes = new Uint8Array([
      ...[0x4d, 0x54, 0x68, 0x64, 0, 0, 0, 6, 0, 0, 0, 1, 0x01, 0xe0],
      ...[0x4d, 0x54, 0x72, 0x6b, 0, 0, 0, 13],
      ...[0x00, 0x90, 60, 100, 0x83, 0x60, 0x80, 60, 0, 0x00, 0xff, 0x2f, 0x00],
    ]);
    const analysis = analyzeMidi(bytes);
    expect(analysis).toMatchObject({ tempo: 120, meter: '4/4', assumed: ['tempo', 'meter'], noteCount: 1, bars: 1, keySignature: null });
  });

  it('throws a MidiFileError that says why for bytes that are not MIDI', () => {
    expect(() => analyzeMidi(new TextEncoder().encode('hello, this is not music'))).toThrow(MidiFileError);
    expect(() => analyzeMidi(new TextEncoder().encode('hello, this is not music'))).toThrow(/not a MIDI file/);
    const truncated = sketchToMidi(fixtureSketch()).slice(0, 40);
    expect(() => analyzeMidi(truncated)).toThrow(/truncated/);
    // Sound chunks around a corrupt event: the parser's own complaint comes through.
    const corrupt = new Uint8Array([...[0x4d, 0x54, 0x68, 0x64, 0, 0, 0, 6, 0, 0, 0, 1, 0x01, 0xe0], ...[0x4d, 0x54, 0x72, 0x6b, 0, 0, 0, 3, 0x00, 0x3c, 0x40]]);
    expect(() => analyzeMidi(corrupt)).toThrow(/unreadable MIDI file: .+/);
    const smpte = corrupt.slice();
    smpte[12] = 0xe7; // −25 frames per second
    expect(() => analyzeMidi(smpte)).toThrow(/SMPTE-timed/);
  });
});
