/**
 * The player's own notes, sounding now: a small interface (`noteOn(pitch, velocity)` /
 * `noteOff(pitch)`) so the live input does not care which engine makes the sound. Today it is the
 * sketch's own Tone voices (web/src/player/instruments.ts); a General MIDI soundfont engine can
 * stand behind the same interface. Notes start at the audio clock's now without Tone's
 * look-ahead (Tone.immediate()), so key-to-sound is the context's own output latency plus the
 * event's dispatch; each note-on reports the time it was given, which the latency bench reads.
 */
import type * as ToneNS from 'tone';
import { buildVoice, type ToneModule, type VoiceSound } from '../player/instruments.ts';
import { voiceForInstrument, type PitchedVoice } from '../player/voices.ts';

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
  const volume = new Tone.Volume(-2).toDestination();
  const meter = new Tone.Meter({ normalRange: true, smoothing: 0.5 });
  sound.output.connect(volume);
  volume.connect(meter);
  const hz = (pitch: number) => Tone.Frequency(pitch, 'midi').toFrequency();
  const node = sound.output as unknown;
  const poly = node instanceof Tone.PolySynth || node instanceof Tone.Sampler ? (node as Held) : null;
  const mono = node instanceof Tone.MonoSynth ? (node as Mono) : null;
  let monoPitch: number | null = null;
  const instrument: LiveInstrument = {
    noteOn(pitch, velocity) {
      const at = Tone.immediate();
      if (poly) poly.triggerAttack(hz(pitch), at, velocity);
      else if (mono) {
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
    level: () => {
      const v = meter.getValue();
      return Array.isArray(v) ? Math.max(...v) : v;
    },
    now: () => Tone.immediate(),
    outputLatency: () => {
      const raw = Tone.getContext().rawContext as AudioContext;
      return (raw.baseLatency ?? 0) + (raw.outputLatency ?? 0);
    },
    dispose() {
      instrument.allOff();
      sound.dispose();
      volume.dispose();
      meter.dispose();
    },
  };
}

/**
 * The live sound for one of the song's instruments ("flute", "piano"), started from a gesture:
 * the one place a General MIDI soundfont engine plugs in (its program for the name, noteOn as
 * playNow(program, pitch, velocity)); today the sketch's Tone voices.
 */
export async function liveSoundFor(instrument: string): Promise<LiveSound> {
  const Tone = await import('tone');
  await Tone.start();
  return toneLiveSound(Tone, voiceForInstrument(instrument));
}
