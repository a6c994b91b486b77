/**
 * Sketch → Standard MIDI File bytes, as DAWs and notation programs expect them: type 1, one named
 * track per part with its General MIDI program and channel (drums on channel 10), tempo,
 * time-signature and key-signature meta events, and a marker at the start of every section.
 * Pure and deterministic: the same sketch always gives the same bytes.
 */
import type { Sketch } from '../sketch.ts';
import { keySignatureFor, patchKeySignature } from './keySignature.ts';
import { playableNotes } from './notes.ts';
import { Midi } from './toneMidi.ts';
import { toMidiText } from './text.ts';

export interface MidiExportOptions {
  /** Written as the name of track 0, where DAWs look for the song's title. */
  title?: string;
}

/**
 * Encode a sketch as a type-1 MIDI file.
 * @example writeFileSync('song.mid', sketchToMidi(sketch, { title: 'For Mara' }))
 */
export function sketchToMidi(sketch: Sketch, options: MidiExportOptions = {}): Uint8Array {
  const [numerator, denominator] = sketch.meter.split('/').map(Number) as [number, number];
  const midi = new Midi();
  midi.fromJSON({
    header: {
      name: toMidiText(options.title ?? ''),
      ppq: sketch.ppq,
      tempos: [{ bpm: sketch.tempo, ticks: 0 }],
      timeSignatures: [{ ticks: 0, timeSignature: [numerator, denominator] }],
      // A placeholder the library can encode; patchKeySignature writes the real values below.
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
      // The encoder floors velocity × 127; the half step keeps float error from losing one.
      track.addNote({ midi: note.pitch, ticks: note.start, durationTicks: note.duration, velocity: (note.velocity + 0.5) / 127 });
    }
  });
  return patchKeySignature(midi.toArray(), keySignatureFor(sketch.key, sketch.mode));
}
