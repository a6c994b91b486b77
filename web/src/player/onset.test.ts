import { describe, expect, it } from 'vitest';
import { ONSET_GAP, strictlyIncreasing } from './onset.ts';

describe('start times for a one-note-at-a-time voice', () => {
  it('pass through while they increase', () => {
    const next = strictlyIncreasing();
    expect([1, 1.5, 2].map(next)).toEqual([1, 1.5, 2]);
  });

  it('move a start at or before the last one to just after it, and keep counting from there', () => {
    const next = strictlyIncreasing();
    const got = [2, 2, 2, 1.9, 2.5].map(next);
    expect(got[0]).toBe(2);
    expect(got[1]).toBeCloseTo(2 + ONSET_GAP, 9);
    expect(got[2]).toBeCloseTo(2 + 2 * ONSET_GAP, 9);
    expect(got[3]).toBeCloseTo(2 + 3 * ONSET_GAP, 9);
    expect(got[4]).toBe(2.5);
    for (let i = 1; i < got.length; i++) expect(got[i]!).toBeGreaterThan(got[i - 1]!);
  });

  it('keeps one clock per voice', () => {
    const a = strictlyIncreasing();
    const b = strictlyIncreasing();
    a(5);
    expect(b(5)).toBe(5);
  });
});
