/**
 * Sketch → what the player schedules: per-track, per-voice event lists in ticks, plus the
 * tick ↔ seconds conversion. Pure and Tone-free so it can be tested in Node; the player only
 * hands these lists to Tone.Part. Time stays in ticks until the Transport (PPQ = sketch.ppq)
 * turns it into seconds, so a loop or a jump never drifts.
 */
import type { Sketch, Track, TrackId } from '../../../music/index.ts';
import { byInstrument } from '../../../music/arrange/segments.ts';
import { drumVoice, MONOPHONIC, voiceForInstrument, type Voice } from './voices.ts';

/** One note as the player triggers it. */
export interface PlayEvent {
  tick: number;
  durationTicks: number;
  pitch: number;
  velocity: number;
}

/** Everything one voice of one track plays. */
export interface VoiceLane {
  track: TrackId;
  voice: Voice;
  events: PlayEvent[];
}

/** Seconds for a tick count at the sketch's tempo (quarter-note beats, as MIDI counts them). */
export function ticksToSeconds(ticks: number, sketch: Pick<Sketch, 'tempo' | 'ppq'>): number {
  return (ticks * 60) / (sketch.tempo * sketch.ppq);
}

/** Ticks for a number of seconds: the inverse of ticksToSeconds. */
export function secondsToTicks(seconds: number, sketch: Pick<Sketch, 'tempo' | 'ppq'>): number {
  return (seconds * sketch.tempo * sketch.ppq) / 60;
}

/**
 * Monophonic voices cannot start two notes at one instant (Tone throws on equal start times):
 * keep the loudest of each instant. Polyphonic voices keep everything.
 */
function thin(voice: Voice, events: PlayEvent[]): PlayEvent[] {
  const sorted = [...events].sort((a, b) => a.tick - b.tick || b.velocity - a.velocity);
  if (!MONOPHONIC.has(voice)) return sorted;
  return sorted.filter((e, i) => i === 0 || sorted[i - 1]!.tick !== e.tick);
}

function toEvent(n: Track['notes'][number]): PlayEvent {
  return { tick: n.start, durationTicks: n.duration, pitch: n.pitch, velocity: n.velocity };
}

/** Split one track into voice lanes: drums by GM key, pitched tracks by instrument (one lane per instrument it changes to). */
export function lanesForTrack(track: Track): VoiceLane[] {
  if (track.id !== 'drums') {
    return byInstrument(track).map((part) => {
      const voice = voiceForInstrument(part.instrument);
      return { track: track.id, voice, events: thin(voice, part.notes.map(toEvent)) };
    });
  }
  const byVoice = new Map<Voice, PlayEvent[]>();
  for (const n of track.notes) {
    const voice = drumVoice(n.pitch);
    const list = byVoice.get(voice) ?? [];
    list.push(toEvent(n));
    byVoice.set(voice, list);
  }
  return [...byVoice].map(([voice, events]) => ({ track: track.id, voice, events: thin(voice, events) }));
}

/** All lanes of a sketch, in track order. */
export function lanesForSketch(sketch: Sketch): VoiceLane[] {
  return sketch.tracks.flatMap(lanesForTrack);
}

/** Lowest and highest pitch the sampled piano must cover (null when no lane uses it). */
export function pianoRange(lanes: VoiceLane[]): { low: number; high: number } | null {
  let low = Infinity;
  let high = -Infinity;
  for (const lane of lanes) {
    if (lane.voice !== 'piano') continue;
    for (const e of lane.events) {
      low = Math.min(low, e.pitch);
      high = Math.max(high, e.pitch);
    }
  }
  return low <= high ? { low, high } : null;
}

/** Index of the section containing a tick (the last one that starts at or before it). */
export function sectionAt(sketch: Pick<Sketch, 'sections'>, tick: number): number {
  let found = 0;
  sketch.sections.forEach((s, i) => {
    if (s.startTick <= tick) found = i;
  });
  return found;
}

/**
 * How far ahead of the audio clock Play puts the first note (seconds): enough for the note to reach
 * the synth's worklet before it is due, far less than the Transport's look-ahead (0.1 s).
 */
export const FIRST_NOTE_LEAD = 0.025;

/**
 * The lead-in of a Play from tick `from` when the audio clock reads `now`: the notes of [from, to)
 * go straight to the synth, the first at `at`, and the Transport starts on tick `to` at
 * `transportAt` — the first whole tick after one look-ahead, so nothing the scheduler has passed
 * is skipped. Null when the look-ahead is too short to lead in.
 */
export function leadIn(from: number, now: number, lookAhead: number, sketch: Pick<Sketch, 'tempo' | 'ppq' | 'totalTicks'>): { to: number; at: number; transportAt: number } | null {
  if (lookAhead <= FIRST_NOTE_LEAD) return null;
  const at = now + FIRST_NOTE_LEAD;
  const to = Math.min(sketch.totalTicks, from + Math.ceil(secondsToTicks(lookAhead - FIRST_NOTE_LEAD, sketch)));
  return { to, at, transportAt: at + ticksToSeconds(to - from, sketch) };
}
