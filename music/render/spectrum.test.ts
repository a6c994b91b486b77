import { describe, expect, it } from 'vitest';
import { averageSpectrum, cosineSimilarity, frameSpectrum } from './spectrum.ts';

const sine = (bin: number, n: number, length = n) => Float32Array.from({ length }, (_, i) => Math.sin((2 * Math.PI * bin * i) / n));

describe('spectra', () => {
  it('puts a sine on its own bin, in one frame and averaged over many', () => {
    for (const bin of [5, 40, 300]) {
      const one = frameSpectrum(sine(bin, 1024));
      expect(one.length).toBe(512);
      expect(one.indexOf(Math.max(...one))).toBe(bin);
      const avg = averageSpectrum(sine(bin * 4, 4096, 4096 * 4));
      expect(avg.indexOf(Math.max(...avg))).toBe(bin * 4);
    }
  });

  it('calls the same tone colour 1 and two different tones much less', () => {
    const a = frameSpectrum(sine(20, 1024));
    expect(cosineSimilarity(a, frameSpectrum(sine(20, 1024)))).toBeCloseTo(1, 6);
    expect(cosineSimilarity(a, frameSpectrum(sine(200, 1024)))).toBeLessThan(0.1);
    expect(cosineSimilarity(a, new Float64Array(512))).toBe(0);
  });
});
