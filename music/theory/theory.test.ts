/** Roman numerals, diatonic chords, voicing and mode descriptions, checked against known answers. */
import { describe, expect, it } from 'vitest';
import { scaleInfo, describeMode } from './scale.ts';
import { diatonicChord, romanToChord, withSeventh } from './chord.ts';
import { movement, voiceLead } from './voicing.ts';
import { meterInfo } from './meter.ts';

describe('theory', () => {
  it('reads lower-case numerals as minor, unlike Tonal’s Progression helper', () => {
    const c = scaleInfo('C', 'major');
    expect(romanToChord(c, 'ii').symbol).toBe('Dm');
    expect(romanToChord(c, 'ii7').symbol).toBe('Dm7');
    expect(romanToChord(c, 'V7').symbol).toBe('G7');
    expect(romanToChord(c, 'vii°').symbol).toBe('Bdim');
    expect(romanToChord(c, 'bVII').symbol).toBe('Bb');
    expect(romanToChord(c, 'iv').symbol).toBe('Fm');
  });

  it('reads unaltered numerals as the mode’s own degrees (VI in A minor is F)', () => {
    const a = scaleInfo('A', 'minor');
    expect(romanToChord(a, 'VI').symbol).toBe('F');
    expect(romanToChord(a, 'VII').symbol).toBe('G');
    expect(romanToChord(a, 'V').symbol).toBe('E');
  });

  it('builds diatonic triads and sevenths from the scale itself', () => {
    const d = scaleInfo('D', 'dorian');
    expect([1, 2, 3, 4, 5, 6, 7].map((n) => diatonicChord(d, n, false).symbol)).toEqual(['Dm', 'Em', 'F', 'G', 'Am', 'Bdim', 'C']);
    expect(withSeventh(d, romanToChord(d, 'IV')).symbol).toBe('G7');
  });

  it('harmonises pentatonic modes from their parent scale', () => {
    const p = scaleInfo('A', 'minor pentatonic');
    expect(p.heptatonic).toBe(false);
    expect(p.family).toBe('minor');
    expect(p.harmonyNotes).toEqual(['A', 'B', 'C', 'D', 'E', 'F', 'G']);
  });

  it('describes modes against major or minor', () => {
    expect(describeMode('D', 'dorian')).toBe('D dorian: minor with a raised sixth');
    expect(describeMode('G', 'mixolydian')).toBe('G mixolydian: major with a lowered seventh');
  });

  it('voices each chord close to the previous one inside C3–C5', () => {
    const first = voiceLead([0, 4, 7], null);
    const next = voiceLead([5, 9, 0], first);
    expect(movement(next, first)).toBeLessThanOrEqual(6);
    for (const p of [...first, ...next]) expect(p >= 48 && p <= 72).toBe(true);
  });

  it('gives the bar lengths of every meter', () => {
    expect(['4/4', '3/4', '6/8', '12/8', '5/4', '7/8', '2/4'].map((m) => meterInfo(m as '4/4').ticksPerBar)).toEqual([1920, 1440, 1440, 2880, 2400, 1680, 960]);
  });
});
