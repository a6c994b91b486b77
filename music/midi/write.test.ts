import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { writeMidi, type MidiData, type MidiEvent } from 'midi-file';
import { MAX_EVENTS_PER_WRITE, writeMidiFile } from './write.ts';

const endOfTrack: MidiEvent = { deltaTime: 0, meta: true, type: 'endOfTrack' };

// Events whose bytes vary in length: short and long delta times, text, meta and channel events.
const event: fc.Arbitrary<MidiEvent> = fc.oneof(
  fc.record({ deltaTime: fc.nat(100_000), type: fc.constant('noteOn' as const), channel: fc.nat(15), noteNumber: fc.nat(127), velocity: fc.integer({ min: 1, max: 127 }) }),
  fc.record({ deltaTime: fc.nat(300), type: fc.constant('noteOff' as const), channel: fc.nat(15), noteNumber: fc.nat(127), velocity: fc.nat(127) }),
  fc.record({ deltaTime: fc.nat(5_000), meta: fc.constant(true as const), type: fc.constant('marker' as const), text: fc.string({ unit: 'binary-ascii', maxLength: 300 }) }),
  fc.record({ deltaTime: fc.nat(5_000), meta: fc.constant(true as const), type: fc.constant('keySignature' as const), key: fc.integer({ min: -7, max: 7 }), scale: fc.nat(1) }),
);
const file: fc.Arbitrary<MidiData> = fc
  .array(fc.array(event, { maxLength: 4 * MAX_EVENTS_PER_WRITE }), { minLength: 1, maxLength: 4 })
  .map((tracks) => ({ header: { format: 1, numTracks: tracks.length, ticksPerBeat: 480 }, tracks: tracks.map((t) => [...t, endOfTrack]) }));

describe('writeMidiFile', () => {
  it("gives exactly midi-file's writeMidi bytes, however the tracks split into batches", () => {
    fc.assert(
      fc.property(file, (data) => {
        expect(Buffer.from(writeMidiFile(data)).equals(Buffer.from(writeMidi(data)))).toBe(true);
      }),
      { numRuns: 60 },
    );
  });

  it('writes an empty track and a file of no tracks as writeMidi does', () => {
    for (const tracks of [[], [[]], [[endOfTrack], []]] as MidiEvent[][][]) {
      const data: MidiData = { header: { format: 1, numTracks: tracks.length, ticksPerBeat: 96 }, tracks };
      expect([...writeMidiFile(data)]).toEqual(writeMidi(data));
    }
  });

  it('refuses running status, whose bytes depend on the event before', () => {
    const data: MidiData = {
      header: { format: 0, numTracks: 1, ticksPerBeat: 96 },
      tracks: [[{ deltaTime: 0, type: 'noteOn', channel: 0, noteNumber: 60, velocity: 90, running: true }, endOfTrack]],
    };
    expect(() => writeMidiFile(data)).toThrow(/running status/);
  });
});
