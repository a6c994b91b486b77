import { describe, expect, it } from 'vitest';
import { generateSketch } from '../generate.ts';
import { parseParams } from '../params.ts';
import type { Sketch } from '../sketch.ts';
import { allNotesOff, noteOffFor, sketchToMidiMessages, ticksToMs, toPerformanceMs } from './midi.ts';

/** A tiny known sketch: two melody notes (one repeated pitch overlapping), a bass note and a kick. */
const KNOWN: Sketch = {
  engineVersion: 'test',
  seed: 1,
  ppq: 480,
  tempo: 120,
  meter: '4/4',
  ticksPerBar: 1920,
  key: 'C',
  mode: 'major',
  bars: 1,
  totalTicks: 1920,
  tracks: [
    { id: 'melody', name: 'Melody', instrument: 'flute', program: 73, channel: 0, notes: [
      { pitch: 72, start: 0, duration: 600, velocity: 0.5 },
      { pitch: 72, start: 480, duration: 480, velocity: 1 },
    ] },
    { id: 'bass', name: 'Bass', instrument: 'electric bass', program: 33, channel: 2, notes: [{ pitch: 36, start: 960, duration: 2000, velocity: 0.8 }] },
    { id: 'drums', name: 'Drums', instrument: 'drums', program: 0, channel: 9, notes: [{ pitch: 36, start: 0, duration: 120, velocity: 0.79 }] },
  ],
  chords: [],
  sections: [],
  facts: [],
};

describe('sketchToMidiMessages', () => {
  it('gives the exact stream for a known sketch: programs, pairs, drums on 0x99, offs before ons', () => {
    const stream = sketchToMidiMessages(KNOWN);
    expect(stream.map((m) => [m.atTick, m.atMs, m.bytes])).toEqual([
      [0, 0, [0xc0, 73]],
      [0, 0, [0xc2, 33]],
      [0, 0, [0x90, 72, 64]],
      [0, 0, [0x99, 36, 100]],
      [120, 125, [0x89, 36, 0]],
      // The repeated C5 ends where it starts again, so its off never cuts the second note.
      [480, 500, [0x80, 72, 0]],
      [480, 500, [0x90, 72, 127]],
      [960, 1000, [0x80, 72, 0]],
      [960, 1000, [0x92, 36, 102]],
      // The bass would ring past the end of the sketch: it is let go at the last tick.
      [1920, 2000, [0x82, 36, 0]],
    ]);
  });

  it('sends only the chosen tracks', () => {
    const stream = sketchToMidiMessages(KNOWN, { tracks: ['drums'] });
    expect(stream.map((m) => m.bytes)).toEqual([[0x99, 36, 100], [0x89, 36, 0]]);
  });

  it('pairs every note-on with a later note-off on its channel for a whole generated song', () => {
    const sketch = generateSketch(parseParams({ key: 'E', mode: 'dorian', tempo: 140 }), 11);
    const stream = sketchToMidiMessages(sketch);
    const held = new Map<string, number>();
    let last = -1;
    for (const m of stream) {
      expect(m.atTick).toBeGreaterThanOrEqual(last);
      last = m.atTick;
      const kind = m.bytes[0]! & 0xf0;
      const id = `${m.bytes[0]! & 0x0f}:${m.bytes[1]}`;
      if (kind === 0x90) {
        expect(held.get(id) ?? 0).toBe(0);
        held.set(id, 1);
      } else if (kind === 0x80) {
        expect(held.get(id)).toBe(1);
        held.set(id, 0);
      }
    }
    expect([...held.values()].every((n) => n === 0)).toBe(true);
    const drumOns = stream.filter((m) => m.bytes[0] === 0x99).length;
    expect(drumOns).toBe(sketch.tracks.find((t) => t.id === 'drums')!.notes.length);
    expect(stream.filter((m) => (m.bytes[0]! & 0xf0) === 0x90 && (m.bytes[0]! & 0x0f) === 9).length).toBe(drumOns);
    expect(stream.at(-1)!.atMs).toBeLessThanOrEqual(ticksToMs(sketch.totalTicks, 140, 480));
    expect(stream.at(-1)!.atMs).toBeCloseTo(ticksToMs(stream.at(-1)!.atTick, 140, 480), 6);
  });
});

describe('stop messages', () => {
  it('lifts the sustain pedal and sends All Notes Off on each channel once', () => {
    expect(allNotesOff([0, 9, 0])).toEqual([[0xb0, 64, 0], [0xb0, 123, 0], [0xb9, 64, 0], [0xb9, 123, 0]]);
    expect(noteOffFor([0x99, 38, 90])).toEqual([0x89, 38, 0]);
  });
});

describe('toPerformanceMs', () => {
  it('maps an audio-clock time onto performance.now() through one stamp of both clocks', () => {
    const stamp = { contextTime: 10, performanceTime: 4000 };
    expect(toPerformanceMs(10.5, stamp)).toBe(4500);
    expect(toPerformanceMs(10, stamp)).toBe(4000);
  });
});
