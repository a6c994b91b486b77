import { describe, expect, it } from 'vitest';
import { clockPulses } from './clock.ts';

describe('clockPulses', () => {
  it('gives 24 pulses a quarter note, evenly spaced at the tempo, across any step boundaries', () => {
    const steps = [0, 120, 240, 360, 480, 600, 700, 960];
    const all = steps.slice(1).flatMap((to, i) => clockPulses(steps[i]!, to, 120));
    expect(all.map((p) => p.tick)).toEqual(Array.from({ length: 48 }, (_, i) => i * 20));
    // At 120 bpm a quarter is 0.5 s: a pulse every 1/48 s from its step's start.
    expect(clockPulses(100, 200, 120)[0]).toEqual({ tick: 100, seconds: 0 });
    expect(clockPulses(90, 200, 120)[0]!.seconds).toBeCloseTo(10 / 960);
    expect(clockPulses(0, 0, 120)).toEqual([]);
  });
});
