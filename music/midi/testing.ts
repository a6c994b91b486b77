/**
 * Test support: read exported bytes back with the independent `midi-file` parser (not the library
 * that wrote them), and pair note-ons with note-offs so hanging or doubled notes fail loudly.
 */
import { parseMidi, type MidiEvent } from 'midi-file';

export type Timed = MidiEvent & { tick: number };

/** Parse with the independent `midi-file` reader and give every event its absolute tick. */
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

