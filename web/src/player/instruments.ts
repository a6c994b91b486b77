/**
 * Builds the Tone.js sound for each voice: the sampled piano (Tone.Sampler over the local
 * Salamander samples, repitched between minor thirds), synths for the other parts and drums.
 * Only imported by player.ts after `import('tone')`, so Tone never reaches the initial bundle.
 * Every sound built here has `dispose()`, and triggers always use the scheduler's `time`.
 */
import type * as ToneNS from 'tone';
import type { PlayEvent } from './schedule.ts';
import type { Voice } from './voices.ts';
import { strictlyIncreasing } from './onset.ts';

export type ToneModule = typeof ToneNS;

/** A playable voice: triggered at an audio-clock time, connected to one track channel. */
export interface VoiceSound {
  output: ToneNS.ToneAudioNode;
  /** Start a note at `time` (audio-context seconds) lasting `seconds`. */
  play(event: PlayEvent, time: number, seconds: number): void;
  /** Silence everything still ringing (on stop or jump). */
  release(time: number): void;
  dispose(): void;
}

/** Tom tuning by GM key (low floor tom … high tom), in Hz. */
const TOM_HZ: Record<number, number> = { 41: 82, 43: 98, 45: 117, 47: 139, 48: 165, 50: 196 };

/** Synth settings for the polyphonic non-piano voices: sound design as data, not branches. */
const POLY_PRESETS = {
  keys: { kind: 'fm', options: { harmonicity: 3.01, modulationIndex: 2, envelope: { attack: 0.005, decay: 0.8, sustain: 0.2, release: 1.2 }, volume: -14 } },
  pluck: { kind: 'basic', options: { oscillator: { type: 'triangle8' }, envelope: { attack: 0.003, decay: 0.6, sustain: 0.1, release: 0.8 }, volume: -12 } },
  pad: { kind: 'basic', options: { oscillator: { type: 'fatsawtooth', count: 3, spread: 18 }, envelope: { attack: 0.4, decay: 0.3, sustain: 0.7, release: 1.5 }, volume: -22 } },
  lead: { kind: 'basic', options: { oscillator: { type: 'square4' }, envelope: { attack: 0.03, decay: 0.2, sustain: 0.6, release: 0.4 }, volume: -16 } },
} as const;

/** Noise drums: high-pass cutoff (Hz), decay (s) and level (dB); brighter and shorter for hats. */
const NOISE_PRESETS = {
  snare: { cutoff: 1800, decay: 0.16, volume: -12 },
  hat: { cutoff: 7000, decay: 0.04, volume: -20 },
  openHat: { cutoff: 6000, decay: 0.25, volume: -22 },
} as const;

/**
 * Build the sound for a voice; `piano` needs its decoded samples keyed by MIDI note. `context` is
 * the page's live context by default, or an OfflineContext when rendering a WAV: every node is
 * made in it explicitly, so an offline render never touches the context the player is using.
 */
export function buildVoice(Tone: ToneModule, voice: Voice, piano: Map<number, AudioBuffer>, context: ToneNS.BaseContext = Tone.getContext()): VoiceSound {
  // Converted in `context` too: Tone.Frequency() would make the page's live context if none exists yet.
  const hz = (m: number) => new Tone.FrequencyClass(context, m, 'midi').toFrequency();
  switch (voice) {
    case 'piano': {
      const s = new Tone.Sampler({ urls: Object.fromEntries(piano), release: 0.9, volume: -4, context });
      return poly(s, (e, t, d) => s.triggerAttackRelease(hz(e.pitch), d, t, e.velocity));
    }
    case 'keys':
    case 'pluck':
    case 'pad':
    case 'lead': {
      const preset = POLY_PRESETS[voice];
      const s =
        preset.kind === 'fm'
          ? new Tone.PolySynth<ToneNS.FMSynth>({ voice: Tone.FMSynth, options: preset.options, context })
          : new Tone.PolySynth<ToneNS.Synth>({ voice: Tone.Synth, options: preset.options, context });
      return poly(s, (e, t, d) => s.triggerAttackRelease(hz(e.pitch), d, t, e.velocity));
    }
    case 'bass': {
      const s = new Tone.MonoSynth({
        oscillator: { type: 'sawtooth' },
        filter: { Q: 1, type: 'lowpass' },
        filterEnvelope: { attack: 0.005, decay: 0.2, sustain: 0.3, baseFrequency: 120, octaves: 2.5 },
        envelope: { attack: 0.005, decay: 0.3, sustain: 0.6, release: 0.3 },
        volume: -10,
        context,
      });
      return mono(s, (e, t, d) => s.triggerAttackRelease(hz(e.pitch), d, t, e.velocity));
    }
    case 'kick': {
      const s = new Tone.MembraneSynth({ pitchDecay: 0.04, octaves: 6, envelope: { attack: 0.001, decay: 0.35, sustain: 0, release: 0.1 }, volume: -4, context });
      return mono(s, (e, t) => s.triggerAttackRelease(52, 0.2, t, e.velocity));
    }
    case 'tom': {
      const s = new Tone.MembraneSynth({ pitchDecay: 0.06, octaves: 2, envelope: { attack: 0.001, decay: 0.4, sustain: 0, release: 0.2 }, volume: -8, context });
      return mono(s, (e, t) => s.triggerAttackRelease(TOM_HZ[e.pitch] ?? 120, 0.25, t, e.velocity));
    }
    case 'cymbal': {
      const s = new Tone.MetalSynth({ harmonicity: 5.1, modulationIndex: 32, resonance: 4000, octaves: 1.5, envelope: { attack: 0.001, decay: 1.2, release: 0.4 }, volume: -26, context });
      return mono(s, (e, t) => s.triggerAttackRelease(300, 0.5, t, e.velocity));
    }
    case 'snare':
    case 'hat':
    case 'openHat':
      return noise(Tone, NOISE_PRESETS[voice], context);
  }
}

type Trigger = (e: PlayEvent, time: number, seconds: number) => void;

function poly(s: ToneNS.PolySynth | ToneNS.Sampler, play: Trigger): VoiceSound {
  return { output: s, play, release: (t) => void s.releaseAll(t), dispose: () => void s.dispose() };
}

function mono(s: ToneNS.MonoSynth | ToneNS.MembraneSynth | ToneNS.MetalSynth, play: Trigger): VoiceSound {
  const onset = strictlyIncreasing();
  return { output: s, play: (e, t, d) => play(e, onset(t), d), release: (t) => void s.triggerRelease(t), dispose: () => void s.dispose() };
}

/** Snare and hats: a noise burst through a high-pass filter. */
function noise(Tone: ToneModule, { cutoff, decay, volume }: { cutoff: number; decay: number; volume: number }, context: ToneNS.BaseContext): VoiceSound {
  const filter = new Tone.Filter({ frequency: cutoff, type: 'highpass', context });
  const s = new Tone.NoiseSynth({ noise: { type: 'white' }, envelope: { attack: 0.001, decay, sustain: 0, release: 0.02 }, volume, context }).connect(filter);
  const onset = strictlyIncreasing();
  return {
    output: filter,
    play: (e, t) => s.triggerAttackRelease(decay, onset(t), e.velocity),
    release: (t) => void s.triggerRelease(t),
    dispose: () => {
      s.dispose();
      filter.dispose();
    },
  };
}
