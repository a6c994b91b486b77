import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Scale, Note } from 'tonal';
import { generateSketch } from '../generate.ts';
import { parseParams } from '../params.ts';
import { romanToChord } from '../theory/chord.ts';
import { scaleInfo } from '../theory/scale.ts';
import { chordNumeral, detectChord, detectKey, followParams, tapTempo, type PlayedNote } from './follow.ts';
import { jamParams } from './params.ts';

const q = (pitches: number[], len = 480): PlayedNote[] => pitches.map((pitch, i) => ({ pitch, start: i * len, duration: len, velocity: 0.7 }));

describe('detectKey', () => {
  it('finds the key of plain scale tunes, major and minor, in several keys', () => {
    // Do-re-mi-fa-sol-la-ti-do then a held tonic, in C, D, F#, Bb.
    for (const [tonic, pc] of [['C', 60], ['D', 62], ['F#', 66], ['Bb', 58]] as const) {
      const major = [0, 2, 4, 5, 7, 9, 11, 12, 7, 4, 0].map((s) => pc + s);
      const k = detectKey([...q(major), { pitch: pc, start: 6000, duration: 1920, velocity: 0.7 }]);
      expect(k?.tonic).toBe(tonic);
      expect(k?.mode).toBe('major');
    }
    // A harmonic-minor tune outlining i–V–i in A, E and C.
    for (const [tonic, pc] of [['A', 57], ['E', 64], ['C', 60]] as const) {
      const minor = [0, 3, 7, 12, 11, 7, 2, 5, 3, 0].map((s) => pc + s);
      const k = detectKey([...q(minor), { pitch: pc, start: 6000, duration: 1920, velocity: 0.7 }]);
      expect(k).toMatchObject({ tonic, mode: 'minor' });
    }
  });

  it('is null for nothing played and never throws on any notes', () => {
    expect(detectKey([])).toBeNull();
    fc.assert(
      fc.property(fc.array(fc.record({ pitch: fc.integer({ min: 0, max: 127 }), start: fc.nat(10000), duration: fc.nat(2000), velocity: fc.double({ min: 0, max: 1, noNaN: true }) }), { minLength: 1, maxLength: 40 }), (notes) => {
        const k = detectKey(notes)!;
        expect(parseParams({ key: k.tonic, mode: k.mode }).key).toBe(k.tonic);
      }),
      { numRuns: 100 },
    );
  });
});

describe('detectChord', () => {
  it('names triads and sevenths played in any voicing, root position preferred', () => {
    expect(detectChord([57, 60, 64])).toBe('Am');
    expect(detectChord([48, 52, 55])).toBe('C');
    expect(detectChord([52, 55, 60])).toBe('C'); // first inversion, still C
    expect(detectChord([43, 59, 62, 65])).toBe('G7');
    expect(detectChord([50, 53, 57, 60])).toBe('Dm7');
    expect(detectChord([60, 64])).toBeNull();
    expect(detectChord([61, 65, 68], { tonic: 'Db', mode: 'major', strength: 1 })).toBe('Db');
  });

  it('gives chords whose notes are exactly the pitch classes played (for every major and minor triad)', () => {
    for (let root = 0; root < 12; root++) {
      for (const third of [3, 4]) {
        const name = detectChord([48 + root, 48 + root + third, 48 + root + 7])!;
        const want = [root, (root + third) % 12, (root + 7) % 12].sort((a, b) => a - b);
        expect(romanFree(name)).toEqual(want);
      }
    }
  });
});

/** The pitch classes of a chord symbol, sorted. */
function romanFree(symbol: string): number[] {
  return romanToChord(scaleInfo('C', 'major'), symbol).chromas.slice().sort((a, b) => a - b);
}

describe('followParams', () => {
  it('re-harmonises the loop to the chord the player holds, in their key, as the engine spells it', () => {
    const base = parseParams({ key: 'C', mode: 'major', sections: [{ name: 'verse', bars: 4, chords: ['I', 'V', 'vi', 'IV'] }] });
    const cases: [string, 'major' | 'minor', string][] = [['C', 'major', 'Am'], ['A', 'minor', 'F'], ['G', 'major', 'D7'], ['E', 'minor', 'B7'], ['Bb', 'major', 'Eb']];
    for (const [tonic, mode, chord] of cases) {
      const params = followParams(base, { tonic, mode, strength: 1 }, chord);
      expect(params.key).toBe(tonic);
      expect(params.mode).toBe(mode);
      const numeral = params.sections[0]!.chords[0]!;
      const spelled = romanToChord(scaleInfo(tonic, mode), numeral);
      expect([...spelled.chromas].sort((a, b) => a - b)).toEqual(romanFree(chord));
      // The loop the engine makes plays that chord: the chords track sounds its pitch classes only.
      const sketch = generateSketch(jamParams(params, { valence: 0, arousal: 0 }), 3);
      const chordPcs = new Set(sketch.tracks.find((t) => t.id === 'chords')!.notes.map((n) => n.pitch % 12));
      for (const pc of chordPcs) expect(romanFree(chord)).toContain(pc);
    }
  });

  it('keeps the song progression, moved to the player key, when no chord is held', () => {
    const base = parseParams({ key: 'C', mode: 'major', sections: [{ name: 'verse', bars: 4, chords: ['I', 'V', 'vi', 'IV'] }] });
    const params = followParams(base, { tonic: 'E', mode: 'major', strength: 1 }, null);
    expect(params.sections[0]!.chords).toEqual(['I', 'V', 'vi', 'IV']);
    const sketch = generateSketch(jamParams(params, { valence: 0, arousal: 0 }), 3);
    const scale = new Set(Scale.get('E major').notes.map((n) => Note.chroma(n)));
    for (const n of sketch.tracks.find((t) => t.id === 'bass')!.notes) expect(scale.has(n.pitch % 12)).toBe(true);
  });

  it('turns a chord into a numeral of the key, and refuses what is not a chord', () => {
    expect(chordNumeral('Am', { tonic: 'C' })).toBe('VIm');
    expect(chordNumeral('nonsense', { tonic: 'C' })).toBeNull();
  });
});

describe('tapTempo', () => {
  it('reads the median gap of the latest run of taps', () => {
    expect(tapTempo([0, 500, 1000, 1500])).toBe(120);
    expect(tapTempo([0, 600, 1200, 1790, 2400])).toBe(100);
    // A pause starts over: only the last run counts.
    expect(tapTempo([0, 300, 600, 5000, 5750, 6500])).toBe(80);
    expect(tapTempo([100])).toBeNull();
    expect(tapTempo([0, 100])).toBe(240);
    expect(tapTempo([0, 1990])).toBe(40);
  });

  it('gives the tempo of steady taps within a beat per minute, whatever the tempo and jitter', () => {
    fc.assert(
      fc.property(fc.integer({ min: 40, max: 240 }), fc.array(fc.integer({ min: -4, max: 4 }), { minLength: 8, maxLength: 8 }), (bpm, jitter) => {
        const gap = 60_000 / bpm;
        const taps = jitter.map((j, i) => i * gap + j);
        expect(Math.abs(tapTempo(taps)! - bpm)).toBeLessThanOrEqual(Math.ceil(bpm * bpm * 8 / 60_000) + 1);
      }),
      { numRuns: 200 },
    );
  });
});
