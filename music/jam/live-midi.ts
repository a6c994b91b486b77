/**
 * A jam loop as a live Web MIDI stream, one scheduling step at a time, in step with the jam
 * player: note-ons for the notes starting in the step, and note-offs only when they fall due. An
 * off is never queued ahead on the device, so a swap at a barline can still cut a ringing note
 * there — the device never holds a note the player has let go. Pure: ticks in, bytes out.
 */
import { allNotesOff, midiVelocity } from './midi.ts';
import type { BarPlan } from './swap.ts';

/** One message of the live stream, at an absolute tick of the jam's timeline. */
export interface LiveMidiMessage {
  atTick: number;
  bytes: number[];
}

/** A note the device is holding: sent on, its off not sent yet. */
export interface HeldMidiNote {
  channel: number;
  pitch: number;
  offTick: number;
}

export interface LiveMidiState {
  held: readonly HeldMidiNote[];
  /** Channels that have sounded (All Notes Off goes to each on stop). */
  channels: readonly number[];
}

/** The MIDI channel for a lane ("melody:flute" → 0), or null to leave the lane out. */
export type ChannelOf = (lane: string) => number | null;

const NOTE_OFF = 0x80;
const NOTE_ON = 0x90;

export const liveMidiStart = (): LiveMidiState => ({ held: [], channels: [] });

const off = (n: HeldMidiNote, atTick: number): LiveMidiMessage => ({ atTick, bytes: [NOTE_OFF | n.channel, n.pitch, 0] });

/**
 * The messages of the step [from, to) of `plan` (the bar the player is in), in time order with
 * offs before ons at one tick. At a swap's barline every held note is cut there, exactly as the
 * player releases its voices. liveMidiStep(s, plan, 0, 120, ch).messages[0].bytes → [0x90, 60, 89].
 */
export function liveMidiStep(state: LiveMidiState, plan: BarPlan, from: number, to: number, channelOf: ChannelOf): { state: LiveMidiState; messages: LiveMidiMessage[] } {
  const out: LiveMidiMessage[] = [];
  const cut = plan.swapped && plan.barTick >= from && plan.barTick < to;
  let held = state.held.map((n) => (cut && n.offTick > plan.barTick ? { ...n, offTick: plan.barTick } : n));
  const channels = new Set(state.channels);
  /** Send the offs due at or before `tick` (`inclusive`) or strictly before it. */
  const flush = (tick: number, inclusive: boolean) => {
    const due = held.filter((n) => (inclusive ? n.offTick <= tick : n.offTick < tick)).sort((a, b) => a.offTick - b.offTick || a.channel - b.channel || a.pitch - b.pitch);
    for (const n of due) out.push(off(n, Math.max(from, n.offTick)));
    held = held.filter((n) => !due.includes(n));
  };
  const starts = plan.start.filter((n) => n.start >= from && n.start < to).sort((a, b) => a.start - b.start || a.pitch - b.pitch);
  for (const n of starts) {
    const channel = channelOf(n.lane);
    if (channel === null) continue;
    flush(n.start, true);
    // The same key already down on this channel: let it go first, or its late off would cut this note.
    const again = held.find((h) => h.channel === channel && h.pitch === n.pitch);
    if (again) {
      out.push(off(again, n.start));
      held = held.filter((h) => h !== again);
    }
    out.push({ atTick: n.start, bytes: [NOTE_ON | (channel & 0x0f), n.pitch & 0x7f, midiVelocity(n.velocity)] });
    held.push({ channel: channel & 0x0f, pitch: n.pitch & 0x7f, offTick: n.start + Math.max(1, n.duration) });
    channels.add(channel & 0x0f);
  }
  flush(to, false);
  return { state: { held, channels: [...channels].sort((a, b) => a - b) }, messages: out };
}

/** Stop: every held note let go at `atTick`, then sustain up and All Notes Off on each channel used. */
export function liveMidiStop(state: LiveMidiState, atTick: number): LiveMidiMessage[] {
  return [...state.held.map((n) => off(n, atTick)), ...allNotesOff(state.channels).map((bytes) => ({ atTick, bytes }))];
}

/** Channels by lane for a sketch's tracks: "drums:kick" → the drums track's channel (9). */
export function channelsByTrack(tracks: readonly { id: string; channel: number }[], only: readonly string[] = []): ChannelOf {
  const map = new Map(tracks.filter((t) => !only.length || only.includes(t.id)).map((t) => [t.id, t.channel & 0x0f]));
  return (lane) => map.get(lane.split(':')[0] ?? '') ?? null;
}
