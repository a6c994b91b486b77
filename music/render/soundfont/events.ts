/**
 * A sketch part as the channel messages a General MIDI synth needs, in clock time: the program
 * (and its changes at section starts), the mix controllers, then every note on and off. Pure, so
 * the offline render and the browser player send exactly the same messages.
 */
import { partReverb, PART_MIX } from '../mixPlan.ts';
import type { Sketch, Track } from '../../sketch.ts';
import { tickSeconds } from '../timing.ts';

export type ChannelEvent =
  | { time: number; kind: 'program'; program: number }
  | { time: number; kind: 'cc'; controller: number; value: number }
  | { time: number; kind: 'on'; pitch: number; velocity: number }
  | { time: number; kind: 'off'; pitch: number };

/** MIDI controller numbers used by the mix. */
export const CC = { volume: 7, pan: 10, reverb: 91, chorus: 93 } as const;

/** Order within one instant: program before controllers before note-offs before note-ons (a repeated note re-strikes). */
const ORDER: Record<ChannelEvent['kind'], number> = { program: 0, cc: 1, off: 2, on: 3 };

/** MIDI velocity 1–127 from the sketch's 0 … 1 (a note is never silent by rounding). */
export function midiVelocity(velocity: number): number {
  return Math.max(1, Math.min(127, Math.round(velocity * 127)));
}

/**
 * The messages for one part, sorted by time.
 * @example partEvents(sketch, sketch.tracks[0], 'pop')[0] // → { time: 0, kind: 'program', program: 73 }
 */
export function partEvents(sketch: Pick<Sketch, 'ppq' | 'tempo'>, track: Track, style?: string): ChannelEvent[] {
  const seconds = (tick: number) => tickSeconds(sketch, tick);
  const mix = PART_MIX[track.id];
  const events: ChannelEvent[] = [
    { time: 0, kind: 'program', program: track.program },
    { time: 0, kind: 'cc', controller: CC.volume, value: mix.volume },
    { time: 0, kind: 'cc', controller: CC.pan, value: mix.pan },
    { time: 0, kind: 'cc', controller: CC.reverb, value: partReverb(track.id, style) },
    { time: 0, kind: 'cc', controller: CC.chorus, value: 0 },
  ];
  for (const change of track.programChanges ?? []) events.push({ time: seconds(change.tick), kind: 'program', program: change.program });
  for (const note of track.notes) {
    events.push({ time: seconds(note.start), kind: 'on', pitch: note.pitch, velocity: midiVelocity(note.velocity) });
    events.push({ time: seconds(note.start + note.duration), kind: 'off', pitch: note.pitch });
  }
  return events.sort((a, b) => a.time - b.time || ORDER[a.kind] - ORDER[b.kind]);
}
