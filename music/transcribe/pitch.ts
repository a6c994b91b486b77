/**
 * Frame-by-frame pitch of a single voice, by the McLeod Pitch Method (pitchy). A sung or hummed
 * line is one voice, so a monophonic tracker is enough and is small enough to run in the browser
 * with no model to load (see README "Transcription" for the comparison with basic-pitch).
 */
import { PitchDetector } from 'pitchy';

export interface PitchFrame {
  /** Centre of the analysis window, in seconds from the start of the audio. */
  time: number;
  /** Fractional MIDI pitch (69 = A440), or null where no clear pitch was heard. */
  midi: number | null;
  /** 0 … 1: how periodic the window is (pitchy's clarity). */
  clarity: number;
  /** Root-mean-square level of the window. */
  rms: number;
}

export interface TrackOptions {
  /** Seconds between frames. */
  hop?: number;
  /** Lowest and highest fundamental accepted, in Hz (a bass hum to a whistle). */
  minHz?: number;
  maxHz?: number;
  /** Clarity a frame needs to count as pitched. */
  clarity?: number;
}

/** Below this level (−60 dBFS RMS) the recording counts as silence. */
export const SILENCE_RMS = 0.001;

/** Window length: a power of two covering at least 40 ms, so two periods of a 55 Hz hum fit. */
export function windowLength(sampleRate: number): number {
  let n = 256;
  while (n < sampleRate * 0.04) n *= 2;
  return n;
}

/**
 * Pitch every `hop` seconds across the audio.
 * @example trackPitch(samples, 44100)[10] // { time: 0.123, midi: 60.02, clarity: 0.97, rms: 0.21 }
 */
export function trackPitch(samples: Float32Array, sampleRate: number, options: TrackOptions = {}): PitchFrame[] {
  const hop = Math.max(1, Math.round((options.hop ?? 0.01) * sampleRate));
  const size = windowLength(sampleRate);
  const minHz = options.minHz ?? 55;
  const maxHz = options.maxHz ?? 2100;
  const minClarity = options.clarity ?? 0.8;
  const detector = PitchDetector.forFloat32Array(size);
  // The tracker judges loudness itself below; pitchy's own volume floor would hide quiet takes.
  detector.minVolumeDecibels = -80;
  const window = new Float32Array(size);
  const frames: PitchFrame[] = [];
  for (let from = 0; from + hop <= samples.length; from += hop) {
    window.fill(0);
    window.set(samples.subarray(from, Math.min(samples.length, from + size)));
    let energy = 0;
    for (let i = 0; i < size; i++) energy += window[i]! * window[i]!;
    const rms = Math.sqrt(energy / size);
    const time = (from + size / 2) / sampleRate;
    if (rms < SILENCE_RMS) {
      frames.push({ time, midi: null, clarity: 0, rms });
      continue;
    }
    const [hz, clarity] = detector.findPitch(window, sampleRate);
    const pitched = clarity >= minClarity && hz >= minHz && hz <= maxHz;
    frames.push({ time, midi: pitched ? 69 + 12 * Math.log2(hz / 440) : null, clarity, rms });
  }
  return frames;
}
