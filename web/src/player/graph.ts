/**
 * The Tone.js graph for one sketch: a Channel per track (mute/solo/volume), the voices feeding
 * it, and a Part per voice lane on the Transport. Built when a sketch is first played and
 * disposed as a whole when the sketch is replaced or the player goes away. The WAV export builds
 * the very same graph in an OfflineContext, so the file sounds like the player.
 */
import type * as ToneNS from 'tone';
import type { Sketch, TrackId } from '../../../music/index.ts';
import { buildVoice, type ToneModule, type VoiceSound } from './instruments.ts';
import { ticksToSeconds, type PlayEvent, type VoiceLane } from './schedule.ts';

/** A track's mixer settings; volume in decibels (0 = as arranged). */
export interface Mix {
  mute: boolean;
  solo: boolean;
  volume: number;
}

export const DEFAULT_MIX: Mix = { mute: false, solo: false, volume: 0 };

export interface SketchGraph {
  channels: Map<TrackId, ToneNS.Channel>;
  voices: VoiceSound[];
  parts: ToneNS.Part[];
  /**
   * Hand the events with ticks in [fromTick, toTick) straight to the instruments, the one at
   * `fromTick` sounding at audio time `at` (the Transport then starts at `toTick`): lets Play sound
   * sooner than the Transport's look-ahead. Absent where the graph cannot (the fallback voices).
   */
  lead?(fromTick: number, toTick: number, at: number): void;
  dispose(): void;
}

type PartEvent = PlayEvent & { time: string };

/**
 * Set a context's Transport to the sketch's clock: PPQ, tempo, meter and the song-long loop span.
 * PPQ must be set before any Part is made: their "480i" times are read as ticks of it.
 */
export function configureTransport(transport: ToneNS.TransportInstance, sketch: Sketch, loop: boolean): void {
  transport.PPQ = sketch.ppq;
  transport.bpm.value = sketch.tempo;
  const [num, den] = sketch.meter.split('/').map(Number);
  transport.timeSignature = [num ?? 4, den ?? 4];
  transport.loopStart = 0;
  transport.loopEnd = `${sketch.totalTicks}i`;
  transport.loop = loop;
}

/**
 * Wire a sketch into `context`'s Transport (the page's live context unless told otherwise).
 * `onNote(time)` is called from inside the scheduler before each note, with the audio-clock time the
 * note will sound at (used for the debug count and marks); `false` silences that note — the player
 * has stopped and the scheduler is still catching up on ticks that fell due before the stop.
 */
export function buildGraph(
  Tone: ToneModule,
  sketch: Sketch,
  lanes: VoiceLane[],
  piano: Map<number, AudioBuffer>,
  mixOf: (track: TrackId) => Mix,
  onNote: (time: number) => boolean | void,
  context: ToneNS.BaseContext = Tone.getContext(),
): SketchGraph {
  const channels = new Map<TrackId, ToneNS.Channel>();
  const voices: VoiceSound[] = [];
  const parts: ToneNS.Part[] = [];
  for (const track of sketch.tracks) {
    const mix = mixOf(track.id);
    channels.set(track.id, new Tone.Channel({ volume: mix.volume, mute: mix.mute, solo: mix.solo, context }).toDestination());
  }
  for (const lane of lanes) {
    const channel = channels.get(lane.track);
    if (!channel || lane.events.length === 0) continue;
    const sound = buildVoice(Tone, lane.voice, piano, context);
    sound.output.connect(channel);
    voices.push(sound);
    // Times in ticks ("480i"): exact under the Transport's PPQ, so loops and jumps never drift.
    const events: PartEvent[] = lane.events.map((e) => ({ ...e, time: `${e.tick}i` }));
    const part = new Tone.Part<PartEvent>({
      callback: (time, e) => {
        if (onNote(time) === false) return;
        sound.play(e, time, ticksToSeconds(e.durationTicks, sketch));
      },
      events,
      context,
    }).start(0);
    parts.push(part);
  }
  return {
    channels,
    voices,
    parts,
    dispose() {
      for (const p of parts) p.dispose();
      for (const v of voices) v.dispose();
      for (const c of channels.values()) c.dispose();
      parts.length = 0;
      voices.length = 0;
      channels.clear();
    },
  };
}

/** Apply mixer settings to a live graph (no rebuild, no glitch). */
export function applyMix(graph: SketchGraph, track: TrackId, mix: Mix): void {
  const channel = graph.channels.get(track);
  if (!channel) return;
  channel.volume.value = mix.volume;
  channel.mute = mix.mute;
  channel.solo = mix.solo;
}
