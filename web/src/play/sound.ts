/**
 * The player's own notes, sounding now: a small interface (`noteOn(pitch, velocity)` /
 * `noteOff(pitch)`) so the live input does not care which engine makes the sound: the General
 * MIDI soundfont synth with the song's instrument when the sketch's bank is in hand (the sound the
 * player and the WAV make), else the sketch's own Tone voices (web/src/player/instruments.ts).
 * Notes start at the audio clock's now without Tone's look-ahead (Tone.immediate()), so
 * key-to-sound is the context's own output latency plus the event's dispatch; each note-on
 * reports the time it was given, which the latency bench reads.
 */
import type * as ToneNS from 'tone';
import { GM_PROGRAMS } from '../../../music/instruments.ts';
import type { Instrument } from '../../../music/params.ts';
import { midiVelocity } from '../../../music/render/soundfont/events.ts';
import { bankWith, createGmSynth, READY_LIMIT_MS, withinLimit } from '../player/gm.ts';
import { buildVoice, type ToneModule, type VoiceSound } from '../player/instruments.ts';
import { voiceForInstrument, type PitchedVoice } from '../player/voices.ts';
import { strictlyIncreasing } from '../player/onset.ts';

/** One live instrument: a key down sounds now, a key up lets it ring out. */
export interface LiveInstrument {
  /** Start `pitch` (MIDI) at `velocity` (0–1) now; returns the audio-clock time it starts at. */
  noteOn(pitch: number, velocity: number): number;
  noteOff(pitch: number): void;
  /** Let everything go (stop, hush, leaving the page). */
  allOff(): void;
  dispose(): void;
}

/** Where live notes go, and how loud the result is right now (tests check the graph is not silent). */
export interface LiveSound {
  instrument: LiveInstrument;
  /** Which engine makes the sound. */
  engine: LiveEngine;
  /** Output level now, 0 (silence) … 1. */
  level(): number;
  /** The audio clock now, seconds (no look-ahead). */
  now(): number;
  /** Seconds the context adds between a start time and the speaker (base + output latency). */
  outputLatency(): number;
  dispose(): void;
}

type Held = ToneNS.PolySynth | ToneNS.Sampler;
type Mono = ToneNS.MonoSynth;

/**
 * The sketch's voice for `voice` as a live instrument, through its own volume and a meter. The
 * sampled piano becomes the FM keys (as the jam does), so the first key never waits for samples.
 */
export function toneLiveSound(Tone: ToneModule, voice: PitchedVoice): LiveSound {
  const sound: VoiceSound = buildVoice(Tone, voice === 'piano' ? 'keys' : voice, new Map());
  const { volume, meter, level } = meteredOut(Tone);
  sound.output.connect(volume);
  const hz = (pitch: number) => Tone.Frequency(pitch, 'midi').toFrequency();
  const node = sound.output as unknown;
  const poly = node instanceof Tone.PolySynth || node instanceof Tone.Sampler ? (node as Held) : null;
  const mono = node instanceof Tone.MonoSynth ? (node as Mono) : null;
  let monoPitch: number | null = null;
  // Two keys within one render quantum share Tone.immediate(); a mono voice must start after its last start.
  const monoOnset = strictlyIncreasing();
  const instrument: LiveInstrument = {
    noteOn(pitch, velocity) {
      let at = Tone.immediate();
      if (poly) poly.triggerAttack(hz(pitch), at, velocity);
      else if (mono) {
        at = monoOnset(at);
        mono.triggerAttack(hz(pitch), at, velocity);
        monoPitch = pitch;
      } else sound.play({ tick: 0, durationTicks: 240, pitch, velocity }, at, 0.3);
      return at;
    },
    noteOff(pitch) {
      const at = Tone.immediate();
      if (poly) poly.triggerRelease(hz(pitch), at);
      else if (mono && monoPitch === pitch) {
        mono.triggerRelease(at);
        monoPitch = null;
      }
    },
    allOff: () => sound.release(Tone.immediate()),
    dispose: () => sound.dispose(),
  };
  return {
    instrument,
    engine: 'synth',
    level,
    now: () => Tone.immediate(),
    outputLatency: () => contextLatency(Tone),
    dispose() {
      instrument.allOff();
      sound.dispose();
      volume.dispose();
      meter.dispose();
    },
  };
}

/** Which engine a live sound plays through (read by tests). */
export type LiveEngine = 'soundfont' | 'synth';

/** The synth channel live notes go to (any will do: the live synth is the player's own). */
const LIVE_CHANNEL = 0;
/** MIDI CC 123: all notes off. */
const ALL_NOTES_OFF = 123;

/** Metered output shared by both engines: a volume into the speakers and a meter reading it. */
function meteredOut(Tone: ToneModule) {
  const volume = new Tone.Volume(-2).toDestination();
  const meter = new Tone.Meter({ normalRange: true, smoothing: 0.5 });
  volume.connect(meter);
  return { volume, meter, level: () => {
    const v = meter.getValue();
    return Array.isArray(v) ? Math.max(...v) : v;
  } };
}

/**
 * GM `program` from `bank` as a live instrument: its own worklet synth (the player's synth belongs
 * to the sketch's Transport and goes when the sketch does), notes sent with no time so the synth
 * plays them at its next render quantum (128 samples).
 */
export async function gmLiveSound(Tone: ToneModule, bank: ArrayBuffer, program: number): Promise<LiveSound> {
  const { synth, effects } = await withinLimit(createGmSynth(Tone, bank), READY_LIMIT_MS, 'the instrument synth did not start');
  const out = meteredOut(Tone);
  effects.connect(out.meter);
  synth.programChange(LIVE_CHANNEL, program);
  // The synth's channel output wants a native node: a Tone.Gain's own input is one (Volume's is not).
  const tap = new Tone.Gain().connect(out.volume);
  synth.connectChannel(tap.input as unknown as AudioNode, LIVE_CHANNEL);
  const allOff = () => synth.controllerChange(LIVE_CHANNEL, ALL_NOTES_OFF as Parameters<typeof synth.controllerChange>[1], 0);
  const instrument: LiveInstrument = {
    noteOn(pitch, velocity) {
      const at = Tone.immediate();
      synth.noteOn(LIVE_CHANNEL, pitch, midiVelocity(velocity));
      return at;
    },
    noteOff: (pitch) => synth.noteOff(LIVE_CHANNEL, pitch),
    allOff,
    dispose: () => synth.destroy(),
  };
  return {
    instrument,
    engine: 'soundfont',
    level: out.level,
    now: () => Tone.immediate(),
    outputLatency: () => contextLatency(Tone),
    dispose() {
      allOff();
      synth.destroy();
      effects.dispose();
      tap.dispose();
      out.volume.dispose();
      out.meter.dispose();
    },
  };
}

function contextLatency(Tone: ToneModule): number {
  const raw = Tone.getContext().rawContext as AudioContext;
  return (raw.baseLatency ?? 0) + (raw.outputLatency ?? 0);
}

/**
 * The live sound for one of the song's instruments ("flute", "piano"), started from a gesture:
 * the GM synth playing the instrument's program when the page has a bank holding it (the
 * sketch's bank, fetched as the sketch arrived; waited for if still on its way), else — no bank, or its synth would not start —
 * the sketch's Tone voice for it.
 */
export async function liveSoundFor(instrument: string): Promise<LiveSound> {
  const Tone = await import('tone');
  await Tone.start();
  const program = (GM_PROGRAMS as Readonly<Record<string, number>>)[instrument as Instrument];
  const bank = program === undefined ? null : bankWith(program);
  if (bank && program !== undefined) {
    try {
      return await gmLiveSound(Tone, await bank, program);
    } catch {
      // No bank after all, or its synth would not start: the Tone voice still lets the musician play.
    }
  }
  return toneLiveSound(Tone, voiceForInstrument(instrument));
}
