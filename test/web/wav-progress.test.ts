import { describe, expect, it } from 'vitest';
import { RENDER_QUANTUM, stagedProgress, stepFrames } from '../../web/src/export/progress.ts';

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

describe('where an offline render pauses', () => {
  it('pauses every step, strictly before the end', () => {
    expect(stepFrames(1000, 256)).toEqual([256, 512, 768]);
    expect(stepFrames(1024, 256)).toEqual([256, 512, 768]);
    expect(stepFrames(1025, 256)).toEqual([256, 512, 768, 1024]);
  });

  it('covers a whole song in exact quanta, so no stretch goes unscheduled', () => {
    const frames = Math.ceil(17.5 * 44_100);
    const pauses = stepFrames(frames, 64 * RENDER_QUANTUM);
    expect(pauses.every((f) => f % RENDER_QUANTUM === 0 && f < frames)).toBe(true);
    // The last pause is less than one step from the end: the look-ahead from there reaches it.
    expect(frames - pauses.at(-1)!).toBeLessThanOrEqual(64 * RENDER_QUANTUM);
  });

  it('asks for no pause when the render is one step long', () => {
    expect(stepFrames(256, 256)).toEqual([]);
  });

  it('refuses a step that is not a whole number of quanta (the pause would be rounded)', () => {
    expect(() => stepFrames(1000, 100)).toThrow(/multiple of 128/);
    expect(() => stepFrames(1000, 0)).toThrow();
  });
});
