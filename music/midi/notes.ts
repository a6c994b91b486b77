/**
 * Make a sketch's notes safe to write as MIDI: on one channel, a second note-on of a pitch that is
 * still sounding would be cut by the first note's note-off (or hang, depending on the player), so
 * overlapping same-pitch notes are shortened to meet, and anything left with no length is dropped.
 */
import type { Note, Track } from '../sketch.ts';

/** A note as it will be written: whole ticks and a MIDI velocity 1–127 (0 would mean note-off). */
export interface MidiNote {
  pitch: number;
  start: number;
  duration: number;
  velocity: number;
}

/** 0…1 velocity → 1…127, never 0 (a note-on with velocity 0 is a note-off). */
export function midiVelocity(velocity: number): number {
  return Math.min(127, Math.max(1, Math.round(velocity * 127)));
}

/**
 * Per track, the notes to write, sorted by start then pitch, with same-pitch overlaps on a shared
 * channel resolved: the earlier note ends where the later begins; equal starts keep the longer.
 */
export function playableNotes(tracks: readonly Track[]): MidiNote[][] {
  const result: MidiNote[][] = tracks.map(() => []);
  const byChannel = new Map<number, { track: number; note: MidiNote }[]>();
  tracks.forEach((track, index) => {
    const list = byChannel.get(track.channel) ?? [];
    for (const note of track.notes) list.push({ track: index, note: toMidiNote(note) });
    byChannel.set(track.channel, list);
  });
  for (const list of byChannel.values()) {
    list.sort((a, b) => a.note.start - b.note.start || a.note.pitch - b.note.pitch || b.note.duration - a.note.duration || a.track - b.track);
    const sounding = new Map<number, MidiNote>();
    const kept: { track: number; note: MidiNote }[] = [];
    for (const entry of list) {
      const previous = sounding.get(entry.note.pitch);
      if (previous && previous.start + previous.duration > entry.note.start) {
        // Same start: the sort put the longer note first, so this one adds nothing audible.
        if (previous.start === entry.note.start) continue;
        previous.duration = entry.note.start - previous.start;
      }
      sounding.set(entry.note.pitch, entry.note);
      kept.push(entry);
    }
    for (const entry of kept) result[entry.track]!.push(entry.note);
  }
  for (const notes of result) notes.sort((a, b) => a.start - b.start || a.pitch - b.pitch);
  return result;
}

function toMidiNote(note: Note): MidiNote {
  return {
    pitch: note.pitch,
    start: Math.max(0, Math.round(note.start)),
    duration: Math.max(1, Math.round(note.duration)),
    velocity: midiVelocity(note.velocity),
  };
}
