/**
 * Test support: read exported bytes back with midi-file's parser (a reader that shares no code with
 * the writer that encoded them), pair note-ons with note-offs so hanging or doubled notes fail
 * loudly, and encode through @tonejs/midi as an oracle for byte-identity.
 */
import { parseMidi, type MidiEvent } from 'midi-file';
import type { Sketch } from '../sketch.ts';
import type { MidiExportOptions } from './export.ts';
import { keySignatureFor, patchKeySignature } from './keySignature.ts';
import { playableNotes } from './notes.ts';
import { toMidiText } from './text.ts';
import { Midi } from './toneMidi.ts';

export type Timed = MidiEvent & { tick: number };

/** Parse with midi-file's reader and give every event its absolute tick. */
export function readBack(bytes: Uint8Array) {
  const data = parseMidi(bytes);
  const tracks = data.tracks.map((events) => {
    let tick = 0;
    return events.map((e) => ({ ...e, tick: (tick += e.deltaTime) }) as Timed);
  });
  return { header: data.header, tracks };
}

/** Pair note-ons with note-offs per channel+pitch; throws on a stray or hanging note. */
export function pairNotes(events: Timed[]) {
  const open = new Map<string, Timed>();
  const notes: { pitch: number; start: number; duration: number; velocity: number; channel: number }[] = [];
  for (const e of events) {
    if (e.type !== 'noteOn' && e.type !== 'noteOff') continue;
    const id = `${e.channel}:${e.noteNumber}`;
    const isOff = e.type === 'noteOff' || e.velocity === 0;
    if (!isOff) {
      if (open.has(id)) throw new Error(`note ${id} started twice at ${e.tick}`);
      open.set(id, e);
    } else {
      const on = open.get(id);
      if (!on || on.type !== 'noteOn') throw new Error(`note-off without note-on: ${id} at ${e.tick}`);
      open.delete(id);
      notes.push({ pitch: e.noteNumber, start: on.tick, duration: e.tick - on.tick, velocity: on.velocity, channel: e.channel });
    }
  }
  if (open.size > 0) throw new Error(`hanging notes: ${[...open.keys()].join(', ')}`);
  return notes.sort((a, b) => a.start - b.start || a.pitch - b.pitch);
}

/** The sketch with every part on its own program throughout: what referenceMidi can express. */
export const oneProgram = (sketch: Sketch): Sketch => ({ ...sketch, tracks: sketch.tracks.map(({ programChanges: _, ...t }) => t) });

/**
 * The bytes @tonejs/midi 2.0.28 writes for a sketch (with its wrong key signature patched): how
 * sketchToMidi encoded before it fed midi-file directly, kept as an oracle for byte-identity tests.
 * Quadratic in notes per track, so only for small sketches.
 */
export function referenceMidi(sketch: Sketch, options: MidiExportOptions = {}): Uint8Array {
  const [numerator, denominator] = sketch.meter.split('/').map(Number) as [number, number];
  const midi = new Midi();
  midi.fromJSON({
    header: {
      name: toMidiText(options.title ?? ''),
      ppq: sketch.ppq,
      tempos: [{ bpm: sketch.tempo, ticks: 0 }],
      timeSignatures: [{ ticks: 0, timeSignature: [numerator, denominator] }],
      keySignatures: [{ ticks: 0, key: 'C', scale: 'major' }],
      meta: [...sketch.sections]
        .sort((a, b) => a.startTick - b.startTick)
        .map((section) => ({ type: 'marker', text: toMidiText(section.name), ticks: section.startTick })),
    },
    tracks: [],
  });
  const notesPerTrack = playableNotes(sketch.tracks);
  sketch.tracks.forEach((part, index) => {
    const track = midi.addTrack();
    track.name = toMidiText(part.name);
    track.channel = part.channel;
    track.instrument.number = part.program;
    for (const note of notesPerTrack[index]!) {
      track.addNote({ midi: note.pitch, ticks: note.start, durationTicks: note.duration, velocity: (note.velocity + 0.5) / 127 });
    }
  });
  return patchKeySignature(midi.toArray(), keySignatureFor(sketch.key, sketch.mode));
}
