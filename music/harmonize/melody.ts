/**
 * A melody handed to the engine: read from a MIDI file (the musician's or `innerchord transcribe`'s),
 * rescaled to the engine's PPQ and moved by whole bars so its first note sits in the first bar on
 * the beat where it was written. Pitches, onsets relative to the first note, lengths and
 * velocities are kept exactly.
 */
import { Midi } from '../midi/toneMidi.ts';
import { chunkProblem } from '../analyze/chunks.ts';
import { MidiFileError } from '../analyze/analyze.ts';
import { PPQ, type Note } from '../sketch.ts';

const DRUM_CHANNEL = 9;

function parseMidi(bytes: Uint8Array): Midi {
  const problem = chunkProblem(bytes);
  if (problem) throw new MidiFileError(problem);
  let midi: Midi;
  try {
    midi = new Midi(bytes);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new MidiFileError(`unreadable MIDI file: ${reason.replace(/\s+/g, ' ').trim()}`);
  }
  return midi;
}

function toNotes(midi: Midi, notes: Midi['tracks'][number]['notes']): Note[] {
  const scale = PPQ / midi.header.ppq;
  return notes
    .map((n) => ({ pitch: n.midi, start: Math.round(n.ticks * scale), duration: Math.max(1, Math.round(n.durationTicks * scale)), velocity: Math.round(n.velocity * 1000) / 1000 }))
    .sort((a, b) => a.start - b.start || a.pitch - b.pitch);
}

/** Every pitched note of a MIDI file (all tracks but drums): chords played in. */
export function readPlayedMidi(bytes: Uint8Array): Note[] {
  const midi = parseMidi(bytes);
  const notes = toNotes(midi, midi.tracks.filter((t) => t.channel !== DRUM_CHANNEL).flatMap((t) => t.notes));
  if (!notes.length) throw new MidiFileError('the MIDI file has no pitched notes to hear chords in');
  return notes;
}

/** The melody track of a MIDI file: one named "Melody", else the first pitched track with notes. */
export function readMelodyMidi(bytes: Uint8Array): Note[] {
  const midi = parseMidi(bytes);
  const pitched = midi.tracks.filter((t) => t.channel !== DRUM_CHANNEL && t.notes.length > 0);
  const track = pitched.find((t) => t.name.trim().toLowerCase() === 'melody') ?? pitched[0];
  if (!track) throw new MidiFileError('the MIDI file has no pitched notes to use as a melody');
  return toNotes(midi, track.notes);
}

/** Move the melody by whole bars so its first note lies in bar 0 (a pickup stays a pickup's beat). */
export function placeMelody(notes: readonly Note[], ticksPerBar: number): Note[] {
  if (!notes.length) return [];
  const first = Math.min(...notes.map((n) => n.start));
  const shift = Math.floor(first / ticksPerBar) * ticksPerBar;
  return notes.map((n) => ({ ...n, start: n.start - shift }));
}
