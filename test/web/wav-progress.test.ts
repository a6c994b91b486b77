import { describe, expect, it } from 'vitest';
import { RENDER_QUANTUM, stagedProgress, suspendTimes } from '../../web/src/export/progress.ts';

const STAGES = [
  { name: 'samples', share: 0.1 },
  { name: 'schedule', share: 0.3 },
  { name: 'audio', share: 0.6 },
];

function recorder() {
  const seen: number[] = [];
  return { seen, progress: stagedProgress(STAGES, (f) => seen.push(f)) };
}

describe('WAV progress bar', () => {
  it('maps each stage into its own share of the bar', () => {
    const { seen, progress } = recorder();
    progress.report('samples', 0.5);
    progress.report('schedule', 0.5);
    progress.report('audio', 0.5);
    expect(seen.map((v) => +v.toFixed(6))).toEqual([0.05, 0.25, 0.7]);
  });

  it('never moves backwards: late reports of an earlier stage or a smaller fraction are dropped', () => {
    const { seen, progress } = recorder();
    progress.report('audio', 0.5);
    progress.report('schedule', 1);
    progress.report('audio', 0.25);
    progress.report('audio', 0.5);
    expect(seen.map((v) => +v.toFixed(6))).toEqual([0.7]);
    expect(progress.value).toBeCloseTo(0.7, 10);
  });

  it('clamps fractions outside 0 … 1 to their stage and ends at exactly 1', () => {
    const { seen, progress } = recorder();
    progress.report('schedule', 7);
    progress.report('samples', -1);
    progress.finish();
    progress.finish();
    expect(seen.map((v) => +v.toFixed(6))).toEqual([0.4, 1]);
    expect(seen.at(-1)).toBe(1);
  });

  it('refuses a stage it was not told about (a typo would otherwise freeze the bar)', () => {
    expect(() => recorder().progress.report('mixdown', 0.5)).toThrow(/unknown render stage "mixdown"/);
  });
});

describe('suspend times for an offline render', () => {
  const rate = 44_100;

  it('spreads about `count` pauses evenly over the render', () => {
    const times = suspendTimes(rate * 10, rate, 4);
    expect(times).toHaveLength(4);
    times.forEach((t, i) => expect(t).toBeCloseTo(2 * (i + 1), 2));
  });

  it('puts each pause in its own render quantum, strictly inside the render', () => {
    for (const [frames, count] of [[rate * 17.5, 20], [1000, 20], [129, 5], [128 * 5 + 1, 50]] as const) {
      const times = suspendTimes(frames, rate, count);
      const quanta = times.map((t) => Math.floor((t * rate) / RENDER_QUANTUM));
      expect(new Set(quanta).size).toBe(quanta.length);
      for (let i = 1; i < quanta.length; i++) expect(quanta[i]!).toBeGreaterThan(quanta[i - 1]!);
      // A suspend is rounded up to the next quantum boundary; that must still be before the end.
      for (const q of quanta) expect((q + 1) * RENDER_QUANTUM).toBeLessThan(frames);
      expect(times.length).toBeLessThanOrEqual(count);
    }
  });

  it('asks for no pause when the render is a single quantum', () => {
    expect(suspendTimes(128, rate, 10)).toEqual([]);
  });
});
