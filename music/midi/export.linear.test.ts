/**
 * Encoding must stay linear in the number of notes. midi-file's writer copies the whole track so
 * far for most events, so the structural guard is: no call ever hands it more than a bounded batch,
 * whatever the song's length. (Speed itself is left to `npm run bench -- midi`.)
 */
import { describe, expect, it, vi } from 'vitest';
import * as midiFile from 'midi-file';
import { generateSketch } from '../generate.ts';
import { parseParams } from '../params.ts';
import { sketchToMidi } from './export.ts';
import { MAX_EVENTS_PER_WRITE } from './write.ts';
import { oneProgram, readBack, referenceMidi } from './testing.ts';

vi.mock('midi-file', async (importOriginal) => {
  const real = await importOriginal<typeof import('midi-file')>();
  return { ...real, writeMidi: vi.fn(real.writeMidi) };
});

function song(bars: number) {
  const sections = Array.from({ length: bars / 16 }, (_, i) => ({ name: i % 2 === 0 ? 'verse' : 'chorus', bars: 16, energy: i % 2 === 0 ? 0.45 : 0.8 }));
  return generateSketch(parseParams({ key: 'D', mode: 'minor', tempo: 92, sections }), 1);
}

/** Events handed to each writeMidi call while encoding `bars` bars. */
function writeCalls(bars: number): number[] {
  const write = vi.mocked(midiFile.writeMidi);
  write.mockClear();
  sketchToMidi(song(bars));
  return write.mock.calls.map(([data]) => data.tracks.reduce((n, t) => n + t.length, 0));
}

describe('sketchToMidi stays linear', () => {
  it('never hands midi-file more than a bounded batch of events, for a short or a long song', () => {
    const short = writeCalls(64);
    const long = writeCalls(256);
    const notes = song(256).tracks.reduce((n, t) => n + t.notes.length, 0);
    expect(long.reduce((a, b) => a + b, 0)).toBeGreaterThan(2 * notes); // every note-on and note-off went through midi-file
    expect(Math.max(...short, ...long)).toBeLessThanOrEqual(MAX_EVENTS_PER_WRITE);
    // Four times the song, about four times the calls (not one call per track growing with it).
    expect(long.length / short.length).toBeGreaterThan(3);
    expect(long.length / short.length).toBeLessThan(5);
  });

  it('writes a multi-batch song byte for byte as @tonejs/midi does, and midi-file reads it back', () => {
    // The oracle writes one program per track (section instrument changes are read back in sectionDiff.test.ts).
    const sketch = oneProgram(song(64));
    const bytes = sketchToMidi(sketch, { title: 'Lied für Oma' });
    expect(Buffer.from(bytes).equals(Buffer.from(referenceMidi(sketch, { title: 'Lied für Oma' })))).toBe(true);
    const back = readBack(bytes);
    expect(back.tracks.slice(1).map((t) => t.filter((e) => e.type === 'noteOn').length)).toEqual(sketch.tracks.map((t) => t.notes.length));
  });
});
