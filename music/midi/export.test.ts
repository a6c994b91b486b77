import { describe, expect, it } from 'vitest';
import { sketchToMidi } from './export.ts';
import { keySignatureFor } from './keySignature.ts';
import { fixtureSketch } from './fixture.ts';
import { pairNotes, readBack, referenceMidi } from './testing.ts';
import type { Sketch } from '../sketch.ts';

const sorted = (notes: Sketch['tracks'][number]['notes']) =>
  notes.map(({ pitch, start, duration }) => ({ pitch, start, duration })).sort((a, b) => a.start - b.start || a.pitch - b.pitch);

describe('sketchToMidi', () => {
  const sketch = fixtureSketch({ key: 'D', mode: 'minor', tempo: 72 });
  const file = readBack(sketchToMidi(sketch, { title: 'For Mara' }));

  it('writes a type-1 file with a conductor track plus one track per part', () => {
    expect(file.header.format).toBe(1);
    expect(file.header.ticksPerBeat).toBe(sketch.ppq);
    expect(file.tracks).toHaveLength(sketch.tracks.length + 1);
  });

  it('names each part track and sets its program and channel (drums on channel 10)', () => {
    sketch.tracks.forEach((part, i) => {
      const events = file.tracks[i + 1]!;
      expect(events.find((e) => e.type === 'trackName')).toMatchObject({ text: part.name });
      expect(events.find((e) => e.type === 'programChange')).toMatchObject({ programNumber: part.program, channel: part.channel });
      const channels = new Set(events.filter((e) => e.type === 'noteOn').map((e) => (e as { channel: number }).channel));
      expect([...channels]).toEqual([part.channel]);
    });
    expect(file.tracks.at(-1)!.find((e) => e.type === 'trackName')).toMatchObject({ text: 'Drums' });
    expect(file.tracks.at(-1)!.find((e) => e.type === 'noteOn')).toMatchObject({ channel: 9 });
  });

  it('puts the title, tempo, meter and a correct key signature in track 0', () => {
    const conductor = file.tracks[0]!;
    expect(conductor.find((e) => e.type === 'trackName')).toMatchObject({ text: 'For Mara', tick: 0 });
    const tempo = conductor.find((e) => e.type === 'setTempo') as { microsecondsPerBeat: number } | undefined;
    expect(Math.round(60_000_000 / tempo!.microsecondsPerBeat)).toBe(72);
    expect(conductor.find((e) => e.type === 'timeSignature')).toMatchObject({ numerator: 4, denominator: 4, tick: 0 });
    expect(conductor.filter((e) => e.type === 'keySignature')).toEqual([expect.objectContaining({ key: -1, scale: 1, tick: 0 })]);
  });

  it('marks the start of every section with its name', () => {
    const markers = file.tracks[0]!.filter((e) => e.type === 'marker').map((e) => ({ text: (e as { text: string }).text, tick: e.tick }));
    expect(markers).toEqual(sketch.sections.map((s) => ({ text: s.name, tick: s.startTick })));
  });

  it('round-trips every note of every part (pitch, start, duration, velocity)', () => {
    sketch.tracks.forEach((part, i) => {
      const notes = pairNotes(file.tracks[i + 1]!);
      expect(notes.map(({ pitch, start, duration }) => ({ pitch, start, duration }))).toEqual(sorted(part.notes));
      expect(notes.map((n) => n.velocity)).toEqual(
        [...part.notes].sort((a, b) => a.start - b.start || a.pitch - b.pitch).map((n) => Math.round(n.velocity * 127)),
      );
    });
  });

  it('gives identical bytes for the same sketch, and different bytes for a different title', () => {
    const a = sketchToMidi(fixtureSketch());
    const b = sketchToMidi(fixtureSketch());
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
    expect(Buffer.from(a).equals(Buffer.from(sketchToMidi(fixtureSketch(), { title: 'x' })))).toBe(false);
  });

  it('writes compound meters as they are spelled (6/8)', () => {
    const six = readBack(sketchToMidi(fixtureSketch({ meter: '6/8' })));
    expect(six.tracks[0]!.find((e) => e.type === 'timeSignature')).toMatchObject({ numerator: 6, denominator: 8 });
  });

  it('leaves no hanging, doubled or zero-length notes when a sketch overlaps the same pitch', () => {
    const messy = fixtureSketch();
    messy.tracks[0]!.notes = [
      { pitch: 60, start: 0, duration: 960, velocity: 0.5 },
      { pitch: 60, start: 480, duration: 960, velocity: 0.5 }, // starts while the first still sounds
      { pitch: 60, start: 480, duration: 240, velocity: 0.5 }, // same start, shorter: adds nothing
      { pitch: 62, start: 0, duration: 480, velocity: 0 }, // silent velocity must not become a note-off
    ];
    expect(Buffer.from(sketchToMidi(messy)).equals(Buffer.from(referenceMidi(messy)))).toBe(true);
    const notes = pairNotes(readBack(sketchToMidi(messy)).tracks[1]!);
    expect(notes.map(({ pitch, start, duration, velocity }) => ({ pitch, start, duration, velocity }))).toEqual([
      { pitch: 60, start: 0, duration: 480, velocity: 64 },
      { pitch: 62, start: 0, duration: 480, velocity: 1 },
      { pitch: 60, start: 480, duration: 960, velocity: 64 },
    ]);
  });

  it('writes names, markers and the title as UTF-8', () => {
    const song = fixtureSketch({ sections: [['prérefrain', 2], ['Refrain ✨', 2]] });
    song.tracks[0]!.name = 'Mélodie';
    const bytes = sketchToMidi(song, { title: 'Lied für Oma' });
    expect(Buffer.from(bytes).equals(Buffer.from(referenceMidi(song, { title: 'Lied für Oma' })))).toBe(true);
    const back = readBack(bytes);
    const utf8 = (read: string) => new TextDecoder().decode(Uint8Array.from(read, (c) => c.charCodeAt(0)));
    const texts = (i: number, type: string) => back.tracks[i]!.filter((e) => e.type === type).map((e) => utf8((e as { text: string }).text));
    expect(texts(0, 'trackName')).toEqual(['Lied für Oma']);
    expect(texts(0, 'marker')).toEqual(['prérefrain', 'Refrain ✨']);
    expect(texts(1, 'trackName')).toEqual(['Mélodie']);
  });

  it('keeps an empty part as a named track', () => {
    const quiet = fixtureSketch();
    quiet.tracks[3]!.notes = [];
    const back = readBack(sketchToMidi(quiet));
    expect(back.tracks[4]!.find((e) => e.type === 'trackName')).toMatchObject({ text: 'Drums' });
    expect(back.tracks[4]!.some((e) => e.type === 'noteOn')).toBe(false);
  });
});

describe('keySignatureFor', () => {
  const cases: [string, string, number, 0 | 1][] = [
    ['C', 'major', 0, 0],
    ['D', 'major', 2, 0],
    ['D', 'minor', -1, 1],
    ['Bb', 'major', -2, 0],
    ['C#', 'minor', 4, 1],
    ['F#', 'major', 6, 0],
    ['G#', 'major', -4, 0], // eight sharps respelled as A♭ major
    ['D', 'dorian', 0, 1],
    ['E', 'phrygian', 0, 1],
    ['B', 'locrian', 0, 1],
    ['F', 'lydian', 0, 0],
    ['G', 'mixolydian', 0, 0],
    ['A', 'harmonic minor', 0, 1],
    ['E', 'minor pentatonic', 1, 1],
    ['A', 'major pentatonic', 3, 0],
  ];
  it.each(cases)('%s %s → sf %i, mi %i', (tonic, mode, sf, mi) => {
    expect(keySignatureFor(tonic, mode)).toEqual({ sf, mi });
  });

  it('writes flats as negative sf that midi-file reads back', () => {
    const back = readBack(sketchToMidi(fixtureSketch({ key: 'Eb', mode: 'major' })));
    expect(back.tracks[0]!.find((e) => e.type === 'keySignature')).toMatchObject({ key: -3, scale: 0 });
  });
});
