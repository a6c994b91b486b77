/**
 * Schedule a whole sketch into an audio context — typically an OfflineAudioContext, in Node
 * (node-web-audio-api) or the browser — with synthesised voices: one bus per track (tone filter,
 * level, stereo place) into a gentle compressor. No Tone.js and no clock: times come from ticks.
 */
import type { Sketch, Track, TrackId } from '../sketch.ts';
import { scheduleDrums } from './drums.ts';
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

/** A track's bus: tone filter → level → stereo place → `out`. Returns its input. */
function trackBus(context: BaseAudioContext, out: AudioNode, track: Track): AudioNode {
  const mix = MIX[track.id];
  const level = context.createGain();
  level.gain.value = mix.level;
  const pan = context.createStereoPanner();
  pan.pan.value = mix.pan;
  level.connect(pan).connect(out);
  if (track.id === 'drums') return level;
  const filter = context.createBiquadFilter();
  filter.type = 'lowpass';
  filter.frequency.value = voiceFor(track.instrument).brightness;
  filter.connect(level);
  return filter;
}

/**
 * Put every note of `sketch` on `context`'s timeline from time 0 and return how long it lasts.
 * The caller renders (OfflineAudioContext.startRendering) or plays it.
 * @example const ctx = new OfflineAudioContext(2, Math.ceil(renderSeconds(s) * 44100), 44100); scheduleSketch(s, ctx); await ctx.startRendering();
 */
export function scheduleSketch(sketch: Sketch, context: BaseAudioContext): ScheduleResult {
  const master = context.createGain();
  master.gain.value = 0.8;
  const compressor = context.createDynamicsCompressor();
  compressor.threshold.value = -14;
  compressor.ratio.value = 4;
  master.connect(compressor).connect(context.destination);
  const seconds = (tick: number) => tickSeconds(sketch, tick);
  const until = renderSeconds(sketch);
  let events = 0;
  for (const track of sketch.tracks) {
    if (track.notes.length === 0) continue;
    const bus = trackBus(context, master, track);
    events += track.notes.length;
    if (track.id === 'drums') {
      scheduleDrums(context, bus, track.notes.map((n) => ({ key: n.pitch, start: seconds(n.start), velocity: n.velocity })), until);
    } else {
      const notes = track.notes.map((n) => ({ pitch: n.pitch, start: seconds(n.start), end: seconds(n.start + n.duration), velocity: n.velocity }));
      scheduleTones(context, bus, voiceFor(track.instrument), notes, until);
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
): Promise<AudioBuffer> {
  const context = createContext(2, Math.ceil(renderSeconds(sketch) * sampleRate), sampleRate);
  scheduleSketch(sketch, context);
  return context.startRendering();
}
