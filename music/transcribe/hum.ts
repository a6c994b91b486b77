/**
 * Synthetic singers for testing and evaluating transcription: a seeded tune in a key, sung by a
 * voice with harmonics shaped by a vowel, vibrato, scoops between notes, a slightly wandering
 * intonation, human timing and breath noise. Everything is drawn from the seed, so a failing case
 * can be replayed exactly. The reference notes are what the singer meant, in ticks from the first.
 */
import { createRng, type Rng } from '../rng.ts';
import { PPQ, type Note } from '../sketch.ts';
import { scaleInfo } from '../theory/scale.ts';

export interface Voice {
  name: string;
  /** MIDI range the tune stays in. */
  low: number;
  high: number;
  /** Harmonic amplitudes relative to the fundamental (a whistle has almost none). */
  harmonics: number[];
  /** Formant centres in Hz that boost nearby harmonics (a vowel); empty → hum. */
  formants: number[];
}

/** Voices from a bass hum to a whistle. */
export const VOICES: readonly Voice[] = [
  { name: 'bass hum', low: 40, high: 60, harmonics: [1, 0.6, 0.35, 0.2, 0.12, 0.08], formants: [] },
  { name: 'baritone "ah"', low: 45, high: 64, harmonics: [1, 0.7, 0.5, 0.4, 0.3, 0.2, 0.15, 0.1], formants: [700, 1150] },
  { name: 'tenor "oo"', low: 50, high: 69, harmonics: [1, 0.5, 0.25, 0.12, 0.06], formants: [300, 870] },
  { name: 'alto hum', low: 55, high: 74, harmonics: [1, 0.45, 0.2, 0.1], formants: [] },
  { name: 'soprano "ah"', low: 60, high: 81, harmonics: [1, 0.5, 0.35, 0.2, 0.1], formants: [850, 1220] },
  { name: 'child "la"', low: 62, high: 79, harmonics: [1, 0.4, 0.2, 0.1], formants: [750, 1300] },
  { name: 'whistle', low: 72, high: 91, harmonics: [1, 0.03], formants: [] },
];

export interface HumOptions {
  seed: number;
  sampleRate?: number;
  voice?: Voice;
  tempo?: number;
  notes?: number;
  /** Key of the tune. */
  key?: string;
  mode?: 'major' | 'minor';
}

export interface Hum {
  samples: Float32Array;
  sampleRate: number;
  tempo: number;
  key: string;
  mode: string;
  voice: string;
  /** What was meant, first onset at tick 0. */
  notes: Note[];
  /** Seconds of silence before the first note. */
  lead: number;
}

const KEYS = ['C', 'D', 'Eb', 'E', 'F', 'G', 'A', 'Bb', 'B', 'F#', 'Ab', 'Db'];
/** Note lengths in beats, weighted towards the ones tunes use most. */
const LENGTHS = [0.5, 1, 1, 1, 1.5, 2, 0.5, 1, 3];

/** A tune: a stepwise walk through the key with some leaps and repeated notes. */
function writeTune(rng: Rng, voice: Voice, key: string, mode: string, count: number): Note[] {
  const scale = scaleInfo(key, mode);
  const pitches: number[] = [];
  for (let p = voice.low; p <= voice.high; p++) if (scale.chromas.includes(p % 12)) pitches.push(p);
  let at = Math.floor(pitches.length / 2) + rng.int(-2, 2);
  const notes: Note[] = [];
  let tick = 0;
  for (let i = 0; i < count; i++) {
    const move = rng.weighted([0, 1, -1, 2, -2, 3, -3, 4, -4], [1, 4, 4, 2, 2, 1, 1, 0.5, 0.5]);
    at = Math.max(0, Math.min(pitches.length - 1, at + move));
    const beats = rng.pick(LENGTHS);
    const duration = Math.round(beats * PPQ);
    notes.push({ pitch: pitches[at]!, start: tick, duration, velocity: 0.8 });
    tick += duration;
  }
  return notes;
}

function plan(options: HumOptions) {
  const rng = createRng(options.seed);
  const voice = options.voice ?? rng.pick(VOICES);
  const tempo = options.tempo ?? rng.int(66, 150);
  const key = options.key ?? rng.pick(KEYS);
  const mode = options.mode ?? (rng.chance(0.4) ? 'minor' : 'major');
  const notes = writeTune(rng.fork('tune'), voice, key, mode, options.notes ?? rng.int(8, 16));
  return { rng, voice, tempo, key, mode, notes };
}

/** The tune synthesizeHum would sing for these options, without the audio (cheap, for harmony tests). */
export function seededTune(options: HumOptions): Omit<Hum, 'samples' | 'sampleRate' | 'lead'> {
  const { voice, tempo, key, mode, notes } = plan(options);
  return { voice: voice.name, tempo, key, mode, notes };
}

/**
 * Sing a seeded tune.
 * @example synthesizeHum({ seed: 3 }).notes.length // 12
 */
export function synthesizeHum(options: HumOptions): Hum {
  const { rng, voice, tempo, key, mode, notes } = plan(options);
  const sampleRate = options.sampleRate ?? 22050;
  const secondsPerTick = 60 / tempo / PPQ;
  const lead = 0.2 + rng.next() * 0.3;
  const end = notes[notes.length - 1]!;
  const seconds = lead + (end.start + end.duration) * secondsPerTick + 0.4;
  const samples = new Float32Array(Math.ceil(seconds * sampleRate));
  const vibratoRate = 4.5 + rng.next() * 2;
  const vibratoDepth = rng.next() * 0.45; // semitones, up to ±45 cents
  const legato = rng.next(); // 0 detached … 1 joined
  const noise = createRng(options.seed ^ 0x5bd1e995);
  let phase = 0;
  let previousPitch: number | null = null;
  for (const [i, note] of notes.entries()) {
    // Human timing: a singer lands up to ±25 ms off the beat (never before the song starts).
    const jitter = i === 0 ? 0 : (rng.next() - 0.5) * 0.05;
    const t0 = lead + note.start * secondsPerTick + jitter;
    const length = note.duration * secondsPerTick;
    const next = notes[i + 1];
    const repeated = next?.pitch === note.pitch;
    // Detached notes leave a breath; legato ones run on (a repeated note still re-attacks).
    const gap = repeated ? Math.max(0.05, length * 0.15) : length * (1 - legato) * 0.25;
    const t1 = t0 + Math.max(0.08, length - gap);
    const detune = (rng.next() - 0.5) * 0.3; // ±15 cents of wandering intonation
    const scoopFrom = previousPitch !== null && legato > 0.5 ? previousPitch : note.pitch - (rng.chance(0.4) ? 0.6 : 0);
    const scoop = 0.03 + rng.next() * 0.04;
    const attack = 0.015 + rng.next() * 0.03;
    const release = 0.03 + rng.next() * 0.04;
    const level = 0.35 + rng.next() * 0.4;
    const from = Math.floor(t0 * sampleRate);
    const to = Math.min(samples.length, Math.floor((t1 + release) * sampleRate));
    for (let n = from; n < to; n++) {
      const t = n / sampleRate - t0;
      const glide = t < scoop ? scoopFrom + (note.pitch - scoopFrom) * (t / scoop) : note.pitch;
      // Vibrato grows in after the first 150 ms, as singers do.
      const vib = vibratoDepth * Math.min(1, Math.max(0, (t - 0.15) / 0.2)) * Math.sin(2 * Math.PI * vibratoRate * t);
      const hz = 440 * 2 ** ((glide + detune + vib - 69) / 12);
      phase += (2 * Math.PI * hz) / sampleRate;
      const env = Math.min(1, t / attack) * (t > t1 - t0 ? Math.max(0, 1 - (t - (t1 - t0)) / release) : 1);
      let s = 0;
      voice.harmonics.forEach((a, h) => {
        const f = hz * (h + 1);
        if (f > sampleRate / 2 - 200) return;
        const boost = voice.formants.reduce((b, c) => b + Math.exp(-(((f - c) / 180) ** 2)), 0);
        s += a * (1 + 1.5 * boost) * Math.sin(phase * (h + 1));
      });
      samples[n]! += 0.3 * level * env * s;
    }
    previousPitch = note.pitch;
  }
  for (let n = 0; n < samples.length; n++) samples[n]! += (noise.next() - 0.5) * 0.006;
  return { samples, sampleRate, tempo, key, mode, voice: voice.name, notes, lead };
}
