import { describe, expect, it } from 'vitest';
import { approachCadence, awayFromHome, quicken, secondaryDominant, withSecondaryDominants } from './colour.ts';
import { scaleInfo } from '../theory/scale.ts';
import { meterInfo } from '../theory/meter.ts';
import { romanToChord } from '../theory/chord.ts';
import { createRng } from '../rng.ts';

const C = scaleInfo('C', 'major');
const Am = scaleInfo('A', 'minor');
const bar = 1920;

describe('secondary dominants', () => {
  it('names the dominant a fifth above each chord it may lean into', () => {
    const symbol = (s: typeof C, n: string) => { const d = secondaryDominant(s, n); return d && romanToChord(s, d).symbol; };
    expect(['ii', 'iii', 'IV', 'V', 'vi'].map((n) => symbol(C, n))).toEqual(['A7', 'B7', 'C7', 'D7', 'E7']);
    expect(['iv', 'III', 'VI', 'VII'].map((n) => symbol(Am, n))).toEqual(['A7', 'G7', 'C7', 'D7']);
    // Not into the tonic (that is the plain V), nor into a diminished chord.
    expect(secondaryDominant(C, 'I')).toBeUndefined();
    expect(secondaryDominant(C, 'vii°')).toBeUndefined();
  });

  it('puts one in the second half of a bar before a change, never into the cadence', () => {
    const slots = { times: [0, 1, 2, 3].map((i): [number, number] => [i * bar, bar]), numerals: ['I', 'vi', 'IV', 'V'] };
    const out = withSecondaryDominants(slots, C, meterInfo('4/4'), 1, 1, createRng(1));
    expect(out.numerals).toEqual(['I', 'III7', 'vi', 'I7', 'IV', 'V']);
    expect(out.times[1]).toEqual([960, 960]);
    expect(withSecondaryDominants(slots, C, meterInfo('4/4'), 1, 0, createRng(1))).toEqual(slots);
  });
});

describe('harmonic rhythm', () => {
  it('quickens a pre-chorus to two chords a bar, and prepares a dominant in the penultimate bar', () => {
    const slots = { times: [[0, bar], [bar, bar]] as [number, number][], numerals: ['IV', 'V'] };
    expect(quicken(slots, meterInfo('4/4')).times).toEqual([[0, 960], [960, 960], [1920, 960], [2880, 960]]);
    const cadence = { times: [[0, bar], [bar, bar], [2 * bar, bar]] as [number, number][], numerals: ['I', 'V', 'I'] };
    expect(approachCadence(cadence, C, meterInfo('4/4'), 3 * bar).numerals).toEqual(['I', 'ii', 'V', 'I']);
    expect(approachCadence(cadence, Am, meterInfo('4/4'), 3 * bar).numerals).toEqual(['I', 'iv', 'V', 'I']);
    expect(approachCadence({ ...cadence, numerals: ['I', 'IV', 'I'] }, C, meterInfo('4/4'), 3 * bar).numerals).toEqual(['I', 'IV', 'I']);
    // 7/8 cannot halve a bar on a beat: left alone.
    expect(quicken({ times: [[0, 1680]], numerals: ['I'] }, meterInfo('7/8')).times).toEqual([[0, 1680]]);
  });

  it('starts a bridge away from home', () => {
    expect(awayFromHome(['I', 'V', 'vi', 'IV'], C, 'bridge')).toEqual(['V', 'vi', 'IV', 'I']);
    expect(awayFromHome(['I', 'V', 'vi', 'IV'], C, 'verse')).toEqual(['I', 'V', 'vi', 'IV']);
  });
});
