/**
 * A Sketch as a stream of Web MIDI messages: program changes first, then note-on/note-off pairs on
 * each track's channel (drums on channel 10, status 0x99), in time order with note-offs before
 * note-ons at the same instant. Pure: the player turns `atTick`/`atMs` into device timestamps.
 */
import type { Sketch, TrackId } from '../sketch.ts';

export interface MidiMessage {
  atTick: number;
  /** Milliseconds from the top of the sketch at its tempo. */
  atMs: number;
  bytes: number[];
}

export interface MidiStreamOptions {
  /** Tracks to send (all when absent or empty). */
  tracks?: readonly TrackId[];
  /** Send each pitched track's General MIDI program at tick 0 (default true). */
  programs?: boolean;
}

const NOTE_OFF = 0x80;
const NOTE_ON = 0x90;
const CONTROL = 0xb0;
const PROGRAM = 0xc0;
/** Controller 123: All Notes Off (every device should honour it on stop). */
const ALL_NOTES_OFF = 123;
/** Controller 64: sustain pedal, lifted on stop in case a device was holding it. */
const SUSTAIN = 64;

/** MIDI velocity 1…127 from 0…1 (0 would mean note-off, so the softest note is 1). */
export const midiVelocity = (v: number) => Math.max(1, Math.min(127, Math.round(v * 127)));

/** Milliseconds for a tick at a tempo (quarter-note beats): ticksToMs(480, 120, 480) → 500. */
export function ticksToMs(ticks: number, tempo: number, ppq: number): number {
  return (ticks * 60_000) / (tempo * ppq);
}

/** sketchToMidiMessages(sketch, { tracks: ['drums'] })[1].bytes → [0x99, 36, 100] (a kick on channel 10). */
export function sketchToMidiMessages(sketch: Sketch, options: MidiStreamOptions = {}): MidiMessage[] {
  const wanted = options.tracks?.length ? new Set(options.tracks) : null;
  const tracks = sketch.tracks.filter((t) => !wanted || wanted.has(t.id));
  const at = (atTick: number, bytes: number[]): MidiMessage & { order: number } => ({
    atTick,
    atMs: ticksToMs(atTick, sketch.tempo, sketch.ppq),
    bytes,
    order: bytes[0]! & 0xf0,
  });
  const out: (MidiMessage & { order: number })[] = [];
  for (const track of tracks) {
    const ch = track.channel & 0x0f;
    if (options.programs !== false && ch !== 9) out.push({ ...at(0, [PROGRAM | ch, track.program & 0x7f]), order: -1 });
    // A repeated pitch on one channel must end before it starts again, or its off would cut the new one.
    const byPitch = new Map<number, { start: number; end: number; velocity: number }[]>();
    for (const n of track.notes) {
      const list = byPitch.get(n.pitch) ?? [];
      list.push({ start: n.start, end: Math.min(n.start + n.duration, sketch.totalTicks), velocity: n.velocity });
      byPitch.set(n.pitch, list);
    }
    for (const [pitch, notes] of byPitch) {
      notes.sort((a, b) => a.start - b.start);
      notes.forEach((n, i) => {
        const end = Math.min(n.end, notes[i + 1]?.start ?? Infinity);
        if (end <= n.start) return; // two notes at one instant: keep the later one only
        out.push(at(n.start, [NOTE_ON | ch, pitch, midiVelocity(n.velocity)]));
        out.push(at(end, [NOTE_OFF | ch, pitch, 0]));
      });
    }
  }
  // Programs first, then note-offs (0x80) before note-ons (0x90) at equal ticks.
  out.sort((a, b) => a.atTick - b.atTick || a.order - b.order || (a.bytes[0]! & 0x0f) - (b.bytes[0]! & 0x0f) || a.bytes[1]! - b.bytes[1]!);
  return out.map(({ atTick, atMs, bytes }) => ({ atTick, atMs, bytes }));
}

/** The messages that silence channels on stop: sustain up and All Notes Off on each. */
export function allNotesOff(channels: Iterable<number>): number[][] {
  return [...new Set(channels)].flatMap((ch) => [
    [CONTROL | (ch & 0x0f), SUSTAIN, 0],
    [CONTROL | (ch & 0x0f), ALL_NOTES_OFF, 0],
  ]);
}

/** Note-off bytes for a note-on's bytes (the same channel and pitch). */
export function noteOffFor(noteOn: readonly number[]): number[] {
  return [NOTE_OFF | (noteOn[0]! & 0x0f), noteOn[1]! & 0x7f, 0];
}

/** A simultaneous reading of the audio clock (seconds) and performance.now() (ms). */
export interface ClockStamp {
  contextTime: number;
  performanceTime: number;
}

/**
 * The `performance.now()` timestamp for an audio-clock time, from one stamp of both clocks
 * (AudioContext.getOutputTimestamp): toPerformanceMs(10.5, { contextTime: 10, performanceTime: 4000 }) → 4500.
 */
export function toPerformanceMs(audioTime: number, stamp: ClockStamp): number {
  return stamp.performanceTime + (audioTime - stamp.contextTime) * 1000;
}
