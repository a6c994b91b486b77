/**
 * A transcription as a one-track Standard MIDI File: tempo, 4/4, the key's signature, and the
 * notes on channel 1 named "Melody", so `innerchord generate --melody` and any DAW read it back.
 */
import type { MidiData, MidiEvent } from 'midi-file';
import { keySignatureFor } from '../midi/keySignature.ts';
import { midiVelocity } from '../midi/notes.ts';
import { writeMidiFile } from '../midi/write.ts';
import type { Transcription } from './schema.ts';

/** Encode the transcribed melody: transcriptionToMidi(t) → bytes of a type-0 file. */
export function transcriptionToMidi(t: Transcription): Uint8Array {
  const { sf, mi } = keySignatureFor(t.key, t.mode);
  const placed: { tick: number; order: number; event: MidiEvent }[] = [
    { tick: 0, order: 0, event: { deltaTime: 0, meta: true, type: 'trackName', text: 'Melody' } },
    { tick: 0, order: 0, event: { deltaTime: 0, meta: true, type: 'setTempo', microsecondsPerBeat: Math.floor(60_000_000 / t.tempo) } },
    { tick: 0, order: 0, event: { deltaTime: 0, meta: true, type: 'timeSignature', numerator: 4, denominator: 4, metronome: 24, thirtyseconds: 8 } },
    { tick: 0, order: 0, event: { deltaTime: 0, meta: true, type: 'keySignature', key: sf, scale: mi } },
  ];
  for (const n of t.notes) {
    // Note-offs sort before note-ons at the same tick, so touching notes never cut each other.
    placed.push({ tick: n.start, order: 2, event: { deltaTime: 0, type: 'noteOn', channel: 0, noteNumber: n.pitch, velocity: midiVelocity(n.velocity) } });
    placed.push({ tick: n.start + n.duration, order: 1, event: { deltaTime: 0, type: 'noteOff', channel: 0, noteNumber: n.pitch, velocity: 0 } });
  }
  placed.sort((a, b) => a.tick - b.tick || a.order - b.order);
  let last = 0;
  const events: MidiEvent[] = placed.map(({ tick, event }) => {
    const delta = tick - last;
    last = tick;
    return { ...event, deltaTime: delta };
  });
  events.push({ deltaTime: 0, meta: true, type: 'endOfTrack' });
  const data: MidiData = { header: { format: 0, numTracks: 1, ticksPerBeat: t.ppq }, tracks: [events] };
  return writeMidiFile(data);
}
