/**
 * A light master over the stems: one gain that brings the mix to the target loudness (about
 * −16 LUFS integrated), then a look-ahead peak limiter whose gain curve is computed on the mix and
 * applied to every stem alike, so the mastered stems still sum exactly to the mastered mix and no
 * sample passes the ceiling. Pure: arrays in, arrays out.
 */
import { integratedLoudness } from './loudness.ts';
import type { StereoAudio } from './soundfont/synth.ts';

export interface MasterOptions {
  /** Integrated loudness to aim for, LUFS. */
  targetLufs: number;
  /** Highest sample magnitude allowed (−1 dBFS leaves room for the 16-bit encoder and MP3 encoders later). */
  ceiling: number;
  /** Seconds the limiter looks ahead (and ramps over) before a peak. */
  lookahead: number;
  /** Seconds for the limiter to recover ~63% of the way after a peak. */
  release: number;
}

export const MASTER_DEFAULTS: MasterOptions = { targetLufs: -16, ceiling: 10 ** (-1 / 20), lookahead: 0.005, release: 0.15 };

export interface Mastered {
  mix: StereoAudio;
  stems: StereoAudio[];
  /** Loudness of the mastered mix, LUFS (−Infinity when silent). */
  lufs: number;
  /** Largest sample magnitude of the mastered mix. */
  peak: number;
  /** The loudness gain applied, dB. */
  gainDb: number;
  /** The deepest limiter gain reduction, dB (0 when it never acted). */
  limitingDb: number;
}

/** Sum stems sample by sample. */
export function sumStems(stems: readonly StereoAudio[], frames: number, sampleRate: number): StereoAudio {
  const left = new Float32Array(frames);
  const right = new Float32Array(frames);
  for (const stem of stems) {
    for (let i = 0; i < frames; i++) {
      left[i]! += stem.left[i] ?? 0;
      right[i]! += stem.right[i] ?? 0;
    }
  }
  return { left, right, sampleRate };
}

/**
 * The limiter's gain per frame for `mix` scaled by `gain`: never lets |sample·gain·g| pass the
 * ceiling. The needed gain is taken as a sliding minimum over ±lookahead, held with a release, then
 * averaged over ±lookahead/2: every frame averaged already knew about the peak, so the smooth curve
 * stays under the needed gain at every frame.
 */
export function limiterGain(mix: StereoAudio, gain: number, options: MasterOptions = MASTER_DEFAULTS): Float32Array {
  const n = mix.left.length;
  const needed = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    const peak = Math.max(Math.abs(mix.left[i]!), Math.abs(mix.right[i]!)) * gain;
    needed[i] = peak > options.ceiling ? options.ceiling / peak : 1;
  }
  const w = Math.max(1, Math.round(options.lookahead * mix.sampleRate));
  const held = slidingMin(needed, w);
  const recover = 1 - Math.exp(-1 / (options.release * mix.sampleRate));
  for (let i = 1; i < n; i++) held[i] = Math.min(held[i]!, held[i - 1]! + (1 - held[i - 1]!) * recover);
  // Box average over ±w/2 (prefix sums).
  const half = Math.floor(w / 2);
  const sums = new Float64Array(n + 1);
  for (let i = 0; i < n; i++) sums[i + 1] = sums[i]! + held[i]!;
  const out = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    const from = Math.max(0, i - half);
    const to = Math.min(n, i + half + 1);
    // Float32 rounding could lift the average a hair over the needed gain: never allow that.
    out[i] = Math.min(needed[i]!, (sums[to]! - sums[from]!) / (to - from));
  }
  return out;
}

/** Minimum of `values` over [i − w, i + w] for each i (monotonic deque, O(n)). */
function slidingMin(values: Float32Array, w: number): Float32Array {
  const n = values.length;
  const out = new Float32Array(n);
  const deque = new Int32Array(n);
  let head = 0;
  let tail = 0;
  let added = 0;
  for (let i = 0; i < n; i++) {
    for (; added <= Math.min(n - 1, i + w); added++) {
      while (tail > head && values[deque[tail - 1]!]! >= values[added]!) tail--;
      deque[tail++] = added;
    }
    while (deque[head]! < i - w) head++;
    out[i] = values[deque[head]!]!;
  }
  return out;
}

/**
 * Master the stems: loudness gain to the target, limiter to the ceiling, the same curve on every stem.
 * A second pass corrects the loudness the limiter took away (loud, peaky songs).
 */
export function masterStems(stems: readonly StereoAudio[], sampleRate: number, options: MasterOptions = MASTER_DEFAULTS): Mastered {
  const frames = Math.max(0, ...stems.map((s) => s.left.length));
  const raw = sumStems(stems, frames, sampleRate);
  const rawLufs = integratedLoudness(raw.left, raw.right, sampleRate);
  let gain = Number.isFinite(rawLufs) ? 10 ** ((options.targetLufs - rawLufs) / 20) : 1;
  let curve = limiterGain(raw, gain, options);
  if (Number.isFinite(rawLufs)) {
    const after = integratedLoudness(...scaled(raw, gain, curve), sampleRate);
    // Make up what limiting cost, at most 3 dB more, then limit again.
    if (Number.isFinite(after)) gain *= 10 ** (Math.min(3, Math.max(0, options.targetLufs - after)) / 20);
    curve = limiterGain(raw, gain, options);
  }
  const out = stems.map((stem) => {
    const [left, right] = scaled({ left: stem.left, right: stem.right, sampleRate }, gain, curve);
    return { left, right, sampleRate };
  });
  const mix = sumStems(out, frames, sampleRate);
  let peak = 0;
  let deepest = 1;
  for (let i = 0; i < frames; i++) {
    peak = Math.max(peak, Math.abs(mix.left[i]!), Math.abs(mix.right[i]!));
    deepest = Math.min(deepest, curve[i]!);
  }
  return { mix, stems: out, lufs: integratedLoudness(mix.left, mix.right, sampleRate), peak, gainDb: 20 * Math.log10(gain), limitingDb: -20 * Math.log10(deepest) || 0 };
}

function scaled(audio: StereoAudio, gain: number, curve: Float32Array): [Float32Array, Float32Array] {
  const n = curve.length;
  const left = new Float32Array(n);
  const right = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    const g = gain * curve[i]!;
    left[i] = (audio.left[i] ?? 0) * g;
    right[i] = (audio.right[i] ?? 0) * g;
  }
  return [left, right];
}
