/** The master: loudness measured as BS.1770 defines it, the limiter's ceiling, stems that still sum to the mix. */
import { describe, expect, it } from 'vitest';
import { createRng } from '../rng.ts';
import { integratedLoudness } from './loudness.ts';
import { MASTER_DEFAULTS, masterStems } from './master.ts';
import { averageSpectrum, cosineSimilarity } from './spectrum.ts';

const RATE = 44_100;
const sine = (hz: number, amplitude: number, seconds: number) => Float32Array.from({ length: Math.round(seconds * RATE) }, (_, i) => amplitude * Math.sin((2 * Math.PI * hz * i) / RATE));

describe('integrated loudness', () => {
  it('reads a 997 Hz stereo sine as its level in dBFS (the BS.1770 calibration) and silence as −Infinity', () => {
    for (const db of [-6, -20, -30]) {
      const tone = sine(997, 10 ** (db / 20), 3);
      expect(integratedLoudness(tone, tone, RATE)).toBeCloseTo(db, 1);
    }
    const silence = new Float32Array(RATE * 2);
    expect(integratedLoudness(silence, silence, RATE)).toBe(-Infinity);
  });

  it('gates out the quiet stretches: a song with a long silence measures as its loud part', () => {
    const loud = sine(440, 0.2, 4);
    const withGap = new Float32Array(loud.length * 2);
    withGap.set(loud);
    expect(integratedLoudness(withGap, withGap, RATE)).toBeCloseTo(integratedLoudness(loud, loud, RATE), 0);
  });
});

describe('masterStems', () => {
  it.each([1, 2, 3])('brings random loud stems to −16 LUFS, never past the ceiling, and keeps their sum the mix (seed %i)', (seed) => {
    const rng = createRng(seed);
    const n = RATE * 3;
    // Three quiet parts with random spikes: lifted to −16 LUFS the spikes pass full scale, so the limiter must act.
    const stems = Array.from({ length: 3 }, () => {
      const left = new Float32Array(n);
      const right = new Float32Array(n);
      for (let i = 0; i < n; i++) {
        left[i] = rng.signed() * 0.02 + (rng.next() < 2e-5 ? rng.signed() * 0.8 : 0);
        right[i] = rng.signed() * 0.02;
      }
      return { left, right, sampleRate: RATE };
    });
    const out = masterStems(stems, RATE);
    expect(out.peak, `seed ${seed}`).toBeLessThanOrEqual(MASTER_DEFAULTS.ceiling + 1e-6);
    expect(out.lufs, `seed ${seed}`).toBeGreaterThan(-17);
    expect(out.lufs, `seed ${seed}`).toBeLessThan(-15);
    expect(out.limitingDb).toBeGreaterThan(0);
    for (const i of [0, 1234, n - 1]) expect(out.stems.reduce((s, stem) => s + stem.left[i]!, 0)).toBeCloseTo(out.mix.left[i]!, 5);
  });

  it('leaves a quiet, clean song unlimited: only the loudness gain moves it', () => {
    const tone = sine(220, 0.05, 3);
    const out = masterStems([{ left: tone, right: tone, sampleRate: RATE }], RATE);
    expect(out.limitingDb).toBe(0);
    expect(out.lufs).toBeCloseTo(-16, 1);
    expect(out.mix.left[100]! / tone[100]!).toBeCloseTo(10 ** (out.gainDb / 20), 4);
  });
});

describe('spectral similarity', () => {
  it('is 1 for the same tone, low for different ones, 0 for silence', () => {
    const a = averageSpectrum(sine(440, 0.5, 1));
    expect(cosineSimilarity(a, averageSpectrum(sine(440, 0.2, 1)))).toBeCloseTo(1, 6);
    expect(cosineSimilarity(a, averageSpectrum(sine(1500, 0.5, 1)))).toBeLessThan(0.05);
    expect(cosineSimilarity(a, averageSpectrum(new Float32Array(RATE)))).toBe(0);
  });
});
