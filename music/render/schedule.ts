/**
 * Schedule a whole sketch into an audio context — typically an OfflineAudioContext, in Node
 * (node-web-audio-api) or the browser — with synthesised voices: one bus per track (tone filter,
 * level, stereo place) into a gentle compressor. No Tone.js and no clock: times come from ticks.
 */
import { byInstrument } from '../arrange/segments.ts';
import type { Sketch, Track, TrackId } from '../sketch.ts';
import { scheduleDrums } from './drums.ts';
import { SAMPLED_PIANO_INSTRUMENTS, schedulePiano } from './piano.ts';
import { renderSeconds, tickSeconds } from './timing.ts';
import { scheduleTones, voiceFor } from './voices.ts';

/** Where each part sits: stereo position −1 … 1 and a mix level. */
const MIX: Readonly<Record<TrackId, { pan: number; level: number }>> = {
  melody: { pan: 0.1, level: 1 },
  chords: { pan: -0.3, level: 0.55 },
  bass: { pan: 0, level: 0.9 },
  drums: { pan: 0.2, level: 0.7 },
};

export interface ScheduleResult {
  /** Seconds of audio the schedule fills, release tail included. */
  seconds: number;
  /** Notes and hits scheduled. */
  events: number;
}

/** A track's bus: tone filter → level → stereo place → `out`. Returns its input. A sampled part
 *  keeps its own recorded tone (no synth-voice filter). */
function trackBus(context: BaseAudioContext, out: AudioNode, track: Track, sampled: boolean): AudioNode {
  const mix = MIX[track.id];
  const level = context.createGain();
  level.gain.value = mix.level;
  const pan = context.createStereoPanner();
  pan.pan.value = mix.pan;
  level.connect(pan).connect(out);
  if (track.id === 'drums' || sampled) return level;
  const filter = context.createBiquadFilter();
  filter.type = 'lowpass';
  filter.frequency.value = voiceFor(track.instrument).brightness;
  filter.connect(level);
  return filter;
}

export interface ScheduleOptions {
  /** Decoded piano samples by MIDI note (see piano.ts samplesFor): piano parts play them instead of a synth voice. */
  piano?: ReadonlyMap<number, AudioBuffer>;
}

/** Lowest and highest note of the parts the sampled piano would play, or null when none would. */
export function pianoRange(sketch: Sketch): { low: number; high: number } | null {
  const pitches = sketch.tracks.flatMap(byInstrument).filter((t) => t.id !== 'drums' && SAMPLED_PIANO_INSTRUMENTS.has(t.instrument.toLowerCase())).flatMap((t) => t.notes.map((n) => n.pitch));
  return pitches.length ? { low: Math.min(...pitches), high: Math.max(...pitches) } : null;
}

/**
 * Put every note of `sketch` on `context`'s timeline from time 0 and return how long it lasts.
 * The caller renders (OfflineAudioContext.startRendering) or plays it.
 * @example const ctx = new OfflineAudioContext(2, Math.ceil(renderSeconds(s) * 44100), 44100); scheduleSketch(s, ctx); await ctx.startRendering();
 */
export function scheduleSketch(sketch: Sketch, context: BaseAudioContext, options: ScheduleOptions = {}): ScheduleResult {
  const master = context.createGain();
  master.gain.value = 0.8;
  const compressor = context.createDynamicsCompressor();
  compressor.threshold.value = -14;
  compressor.ratio.value = 4;
  master.connect(compressor).connect(context.destination);
  const seconds = (tick: number) => tickSeconds(sketch, tick);
  const until = renderSeconds(sketch);
  let events = 0;
  // A part that changes instrument in some sections plays each stretch on its own voice.
  for (const track of sketch.tracks.flatMap(byInstrument)) {
    if (track.notes.length === 0) continue;
    const sampled = track.id !== 'drums' && Boolean(options.piano?.size) && SAMPLED_PIANO_INSTRUMENTS.has(track.instrument.toLowerCase());
    const bus = trackBus(context, master, track, sampled);
    events += track.notes.length;
    if (track.id === 'drums') {
      scheduleDrums(context, bus, track.notes.map((n) => ({ key: n.pitch, start: seconds(n.start), velocity: n.velocity })), until);
    } else {
      const notes = track.notes.map((n) => ({ pitch: n.pitch, start: seconds(n.start), end: seconds(n.start + n.duration), velocity: n.velocity }));
      if (sampled) schedulePiano(context, bus, options.piano!, notes, until);
      else scheduleTones(context, bus, voiceFor(track.instrument), notes, until);
    }
  }
  return { seconds: until, events };
}

/**
 * Render a sketch offline: make a context of the right length with `createContext` (the browser's
 * or node-web-audio-api's OfflineAudioContext), schedule, render.
 * @example const buffer = await renderSketch(sketch, (ch, len, sr) => new OfflineAudioContext(ch, len, sr));
 */
export async function renderSketch(
  sketch: Sketch,
  createContext: (channels: number, length: number, sampleRate: number) => OfflineAudioContext,
  sampleRate = 44_100,
  options: ScheduleOptions = {},
): Promise<AudioBuffer> {
  const context = createContext(2, Math.ceil(renderSeconds(sketch) * sampleRate), sampleRate);
  scheduleSketch(sketch, context, options);
  return context.startRendering();
}
