/**
 * Synthesised drum kit as data: each General MIDI drum key is a pitched sweep (kick, toms), a
 * filtered noise burst (hats, cymbals) or both (snare). Noise comes from one seeded buffer per
 * render so the same sketch always renders the same samples.
 */
import { createRng } from '../rng.ts';

export interface DrumSound {
  /** Sine sweep from `from` to `to` Hz over `sweep` seconds, fading over `toneDecay` seconds. */
  tone?: { from: number; to: number; sweep: number; toneDecay: number; level: number };
  /** Noise through a filter, fading over `noiseDecay` seconds. */
  noise?: { filter: BiquadFilterType; frequency: number; noiseDecay: number; level: number };
}

const TOM = (f: number): DrumSound => ({ tone: { from: f * 1.6, to: f, sweep: 0.08, toneDecay: 0.35, level: 0.7 } });

/** General MIDI drum keys → sounds; keys the table lacks play as a closed hat. */
export const DRUM_SOUNDS: Readonly<Record<number, DrumSound>> = {
  36: { tone: { from: 140, to: 45, sweep: 0.1, toneDecay: 0.4, level: 1 } },
  37: { noise: { filter: 'bandpass', frequency: 2200, noiseDecay: 0.04, level: 0.5 } },
  38: { tone: { from: 220, to: 180, sweep: 0.05, toneDecay: 0.12, level: 0.4 }, noise: { filter: 'highpass', frequency: 1500, noiseDecay: 0.18, level: 0.6 } },
  42: { noise: { filter: 'highpass', frequency: 7000, noiseDecay: 0.05, level: 0.3 } },
  44: { noise: { filter: 'highpass', frequency: 7000, noiseDecay: 0.035, level: 0.22 } },
  46: { noise: { filter: 'highpass', frequency: 6500, noiseDecay: 0.3, level: 0.3 } },
  49: { noise: { filter: 'highpass', frequency: 4500, noiseDecay: 1.2, level: 0.35 } },
  51: { noise: { filter: 'bandpass', frequency: 6000, noiseDecay: 0.6, level: 0.25 } },
  43: TOM(80),
  45: TOM(100),
  47: TOM(130),
  50: TOM(165),
};

/** Two seconds of white noise, the same for every render (seeded, not Math.random). */
export function noiseBuffer(context: BaseAudioContext): AudioBuffer {
  const buffer = context.createBuffer(1, context.sampleRate * 2, context.sampleRate);
  const data = buffer.getChannelData(0);
  const rng = createRng(0x1c0de);
  for (let i = 0; i < data.length; i++) data[i] = rng.signed();
  return buffer;
}

/** A drum hit in clock time. */
export interface TimedHit {
  key: number;
  /** Seconds. */
  start: number;
  velocity: number;
}

/**
 * Play the hits into `out`: one sweep oscillator and/or one looping noise source per drum key in
 * use, shaped hit by hit with automation, so node count stays flat however long the song is.
 * A new hit of the same drum chokes the last one, as a real cymbal grabbed and struck would.
 */
export function scheduleDrums(context: BaseAudioContext, out: AudioNode, hits: readonly TimedHit[], until: number): void {
  const byKey = new Map<number, TimedHit[]>();
  for (const hit of hits) {
    const key = DRUM_SOUNDS[hit.key] ? hit.key : 42;
    const list = byKey.get(key) ?? [];
    list.push(hit);
    byKey.set(key, list);
  }
  const noise = byKey.size > 0 ? noiseBuffer(context) : null;
  for (const [key, list] of byKey) {
    const sound = DRUM_SOUNDS[key]!;
    list.sort((a, b) => a.start - b.start);
    if (sound.tone) toneDrum(context, out, sound.tone, list, until);
    if (sound.noise && noise) noiseDrum(context, out, sound.noise, noise, list, until);
  }
}

/** A hit's level envelope: full at the hit, exponential fall, silent after `decay` (or the next hit). */
function strike(gain: AudioParam, level: number, start: number, decay: number, next: number): void {
  const stop = Math.min(start + decay, next - 0.002);
  gain.setValueAtTime(level, start);
  gain.exponentialRampToValueAtTime(Math.max(level * 0.001, 1e-5), Math.max(start + 0.001, stop));
  gain.setValueAtTime(0, Math.max(start + 0.001, stop));
}

function toneDrum(context: BaseAudioContext, out: AudioNode, tone: NonNullable<DrumSound['tone']>, hits: readonly TimedHit[], until: number): void {
  const osc = context.createOscillator();
  const env = context.createGain();
  env.gain.setValueAtTime(0, 0);
  osc.connect(env).connect(out);
  hits.forEach((hit, i) => {
    const next = hits[i + 1]?.start ?? until;
    osc.frequency.setValueAtTime(tone.from, hit.start);
    osc.frequency.exponentialRampToValueAtTime(tone.to, hit.start + Math.min(tone.sweep, Math.max(0.001, next - hit.start - 0.003)));
    strike(env.gain, tone.level * hit.velocity * hit.velocity, hit.start, tone.toneDecay, next);
  });
  osc.start(0);
  osc.stop(until);
}

function noiseDrum(context: BaseAudioContext, out: AudioNode, spec: NonNullable<DrumSound['noise']>, noise: AudioBuffer, hits: readonly TimedHit[], until: number): void {
  const source = context.createBufferSource();
  source.buffer = noise;
  source.loop = true;
  const band = context.createBiquadFilter();
  band.type = spec.filter;
  band.frequency.value = spec.frequency;
  const env = context.createGain();
  env.gain.setValueAtTime(0, 0);
  source.connect(band).connect(env).connect(out);
  hits.forEach((hit, i) => strike(env.gain, spec.level * hit.velocity * hit.velocity, hit.start, spec.noiseDecay, hits[i + 1]?.start ?? until));
  // Each drum starts the loop at its own place, so hats and snare do not share the same grain.
  source.start(0, (spec.frequency % 997) / 997);
  source.stop(until);
}
