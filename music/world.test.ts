/**
 * The world palette: scales beyond the church modes, odd-meter groupings, clave and other world
 * feels, and the style templates with their blends — each held to the engine's invariants.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Note as TNote, Scale } from 'tonal';
import { generateSketch } from './generate.ts';
import { Sketch } from './sketch.ts';
import { SongParameters, type SongParametersInput } from './params.ts';
import { arbParams, scaleChromas, trackNotes } from './testing.ts';
import { scaleInfo } from './theory/scale.ts';
import { romanToChord } from './theory/chord.ts';
import { meterInfo } from './theory/meter.ts';
import { SCALE_APPROACHES, TEMPLATES, applyScale, applyStyle, describeStyle, findTemplate } from './styles/index.ts';

const WORLD_SCALES = ['major pentatonic', 'minor pentatonic', 'blues', 'harmonic minor', 'melodic minor', 'phrygian dominant', 'double harmonic major', 'hirajoshi', 'in-sen', 'whole tone'] as const;
const GROUPING_FOR = { '7/8': ['2+2+3', '3+2+2'], '5/4': ['3+2', '2+3'] } as const;
const seed = fc.integer({ min: 0, max: 2 ** 31 - 1 });
const make = (input: SongParametersInput) => SongParameters.parse(input);

describe('scales beyond the church modes', () => {
  it('knows every scale the brief names through Tonal', () => {
    for (const m of WORLD_SCALES) expect(Scale.get(`C ${m}`).empty, m).toBe(false);
  });

  it('spells every chord of a scale approach from the scale’s own tones, in every key', () => {
    for (const [mode, approach] of Object.entries(SCALE_APPROACHES)) {
      for (const key of ['C', 'E', 'F#', 'Bb']) {
        const scale = scaleInfo(key, mode);
        const numerals = [...(approach.loops ?? []).flat(), ...(approach.cadences ?? []).flatMap((c) => c.chords)];
        for (const n of numerals) {
          const chord = romanToChord(scale, n);
          expect(chord.chromas.every((c) => scale.chromas.includes(c)), `${key} ${mode} ${n} = ${chord.symbol}`).toBe(true);
        }
      }
    }
  });

  it('keeps 100% of melody and bass notes in every new scale, in every meter and grouping', () => {
    const arb = fc.tuple(arbParams({ modes: WORLD_SCALES, borrowed: false }), fc.boolean()).map(([p, flip]) => {
      const options = GROUPING_FOR[p.meter as keyof typeof GROUPING_FOR];
      return options ? { ...p, meterGrouping: options[flip ? 1 : 0] } : p;
    });
    fc.assert(
      fc.property(arb, seed, (params, s) => {
        const sketch = Sketch.parse(generateSketch(params, s));
        const pcs = scaleChromas(params.key, params.mode);
        for (const n of [...trackNotes(sketch, 'melody'), ...trackNotes(sketch, 'bass')]) expect(pcs).toContain(n.pitch % 12);
      }),
      { numRuns: 80 },
    );
  });

  it('vamps I–bII in E Hijaz (phrygian dominant) and closes with a modal cadence', () => {
    const sketch = generateSketch(make({ key: 'E', mode: 'phrygian dominant', meter: '7/8' }), 4);
    const symbols = new Set(sketch.chords.map((c) => c.symbol));
    expect(symbols.has('E')).toBe(true);
    expect(symbols.has('F')).toBe(true);
    const last = sketch.chords[sketch.chords.length - 1];
    expect(last?.symbol).toBe('E');
    expect(sketch.facts.some((f) => /modal cadence/.test(f.text))).toBe(true);
  });

  it('gives hirajoshi and in-sen a tonic drone: open fifths, a pedal bass, no thirds on the tonic', () => {
    for (const mode of ['hirajoshi', 'in-sen']) {
      const params = applyScale(make({ key: 'A', mode }), mode);
      expect(params.bass.style).toBe('pedal');
      const sketch = generateSketch(params, 9);
      const tonicChords = sketch.chords.filter((c) => /^i(?!v)/i.test(c.roman));
      expect(tonicChords.length).toBeGreaterThan(sketch.chords.length / 3);
      expect(tonicChords.every((c) => c.symbol === 'A5' || c.symbol === 'Asus4')).toBe(true);
      expect(new Set(trackNotes(sketch, 'bass').map((n) => n.pitch % 12))).toEqual(new Set([9]));
    }
  });

  it('harmonises whole tone with augmented chords only', () => {
    const sketch = generateSketch(make({ key: 'C', mode: 'whole tone' }), 5);
    expect(sketch.chords.every((c) => c.symbol.endsWith('aug'))).toBe(true);
  });
});

describe('odd meters and their groupings', () => {
  const cases = [
    { meter: '7/8', grouping: '2+2+3', bar: 1680, groups: [0, 480, 960] },
    { meter: '7/8', grouping: '3+2+2', bar: 1680, groups: [0, 720, 1200] },
    { meter: '5/4', grouping: '3+2', bar: 2400, groups: [0, 1440] },
    { meter: '5/4', grouping: '2+3', bar: 2400, groups: [0, 960] },
  ] as const;
  for (const c of cases) {
    it(`plays ${c.meter} as ${c.grouping}: bars of ${c.bar} ticks, kicks only where a group starts`, () => {
      const params = make({ meter: c.meter, meterGrouping: c.grouping, rhythm: { humanize: 0 }, drums: { density: 0, fills: false }, arousal: -1, sections: [{ name: 'verse', bars: 6, energy: 0, arousalOffset: -1 }] });
      const sketch = generateSketch(params, 11);
      expect(sketch.ticksPerBar).toBe(c.bar);
      expect(sketch.totalTicks).toBe(6 * c.bar);
      const beats = meterInfo(c.meter, c.grouping).beats;
      const drums = trackNotes(sketch, 'drums').filter((n) => n.pitch !== 49);
      const kicks = drums.filter((n) => n.pitch === 36).map((n) => n.start % c.bar);
      expect(new Set(kicks)).toContain(0);
      for (const k of kicks) expect(c.groups).toContain(k);
      for (const n of drums) expect(beats).toContain(n.start % c.bar);
      for (const n of trackNotes(sketch, 'bass')) expect(beats).toContain(n.start % c.bar);
    });
  }

  it('leaves params without a grouping exactly as before (7/8 defaults to 2+2+3)', () => {
    const a = generateSketch(make({ meter: '7/8' }), 3);
    const b = generateSketch(make({ meter: '7/8', meterGrouping: '2+2+3' }), 3);
    expect(b).toEqual(a);
  });
});

describe('clave and world feels', () => {
  /** Sixteenth positions over two 4/4 bars, as percussionists count them. */
  const CLAVE = {
    'clave-son-3-2': [0, 6, 12, 20, 24],
    'clave-son-2-3': [4, 8, 16, 22, 28],
    'rumba-3-2': [0, 6, 14, 20, 24],
    'rumba-2-3': [4, 8, 16, 22, 30],
  } as const;
  for (const [feel, positions] of Object.entries(CLAVE)) {
    it(`lines the claves up with ${feel} on every two-bar cycle, across sections of odd length`, () => {
      const params = make({ rhythm: { feel: feel as keyof typeof CLAVE, humanize: 0 }, drums: { fills: false }, sections: [{ name: 'intro', bars: 3 }, { name: 'verse', bars: 5, energy: 0.9 }, { name: 'outro', bars: 4 }] });
      const sketch = generateSketch(params, 1);
      const hits = trackNotes(sketch, 'drums').filter((n) => n.pitch === 75);
      for (const h of hits) expect(h.start % 120).toBe(0);
      const byCycle = new Map<number, number[]>();
      for (const h of hits) {
        const cycle = Math.floor(h.start / 3840);
        byCycle.set(cycle, [...(byCycle.get(cycle) ?? []), (h.start % 3840) / 120]);
      }
      expect(byCycle.size).toBe(6);
      // The song lands on its last bar's downbeat (craft/ending.ts): the last cycle plays its first
      // bar and what falls on that final downbeat, then rings.
      const last = Math.max(...byCycle.keys());
      for (const [cycle, found] of byCycle) expect(found).toEqual(cycle === last ? positions.filter((p) => p <= 16) : [...positions]);
    });
  }

  it('plays the bossa nova rim-click figure and a one-drop with nothing on the one', () => {
    const bossa = generateSketch(make({ rhythm: { feel: 'bossa', humanize: 0 }, drums: { fills: false } }), 2);
    // The verse's first two bars (the default form's quiet intro rests its drums: arrange/orchestra.ts).
    const from = bossa.sections[1]!.startTick;
    const rim = trackNotes(bossa, 'drums').filter((n) => n.pitch === 37 && n.start >= from && n.start < from + 3840).map((n) => (n.start - from) / 120);
    expect(rim).toEqual([0, 6, 12, 20, 26]);
    const drop = generateSketch(make({ rhythm: { feel: 'one-drop', humanize: 0 }, drums: { fills: false }, sections: [{ name: 'verse', bars: 4 }] }), 2);
    const kicks = trackNotes(drop, 'drums').filter((n) => n.pitch === 36 && n.start >= 1920).map((n) => n.start % 1920);
    expect(new Set(kicks)).toEqual(new Set([960]));
  });

  it('describes every world feel in words', () => {
    for (const t of TEMPLATES) expect(describeStyle(t.name)?.details.some((d) => d.startsWith('groove:'))).toBe(true);
  });
});

describe('style templates', () => {
  it('has at least the dozen templates the brief names', () => {
    for (const name of ['folk ballad', 'pop', 'lo-fi hip hop', 'gospel', 'bossa nova', 'flamenco-tinged', 'celtic jig', 'afrobeat', 'ambient', 'blues', 'hymn', 'lullaby']) {
      expect(findTemplate(name)?.name, name).toBe(name);
    }
  });

  for (const t of TEMPLATES) {
    it(`makes a valid ${t.name} sketch in its tempo range, meter and feel, melody in the scale`, () => {
      for (const [key, valence, s] of [['D', 0.5, 1], ['F#', -0.5, 2], ['Bb', 0, 3]] as const) {
        const params = applyStyle(make({ key, valence }), t.name);
        expect(params.style).toBe(t.name);
        expect(params.tempo).toBeGreaterThanOrEqual(t.tempo[0]);
        expect(params.tempo).toBeLessThanOrEqual(t.tempo[1]);
        const sketch = Sketch.parse(generateSketch(params, s));
        expect(sketch.meter).toBe(t.meter);
        expect(params.rhythm.feel).toBe(t.feel);
        const pcs = scaleChromas(key, params.mode);
        for (const n of trackNotes(sketch, 'melody')) expect(pcs).toContain(n.pitch % 12);
        expect(sketch.tracks.some((tr) => tr.id === 'drums')).toBe(t.drums.enabled);
      }
    });
  }

  it('plays the blues in twelve-bar choruses of I7, IV7 and V7', () => {
    const sketch = generateSketch(applyStyle(make({ key: 'A' }), 'blues'), 6);
    const bars = sketch.chords.filter((c) => c.bar < 12).map((c) => c.symbol);
    expect(bars).toEqual(['A7', 'A7', 'A7', 'A7', 'D7', 'D7', 'A7', 'A7', 'E7', 'D7', 'A7', 'E7']);
    expect(sketch.chords[sketch.chords.length - 1]?.symbol).toBe('A7');
  });

  it('blends two styles into an intermediate tempo, density and swing, splitting rhythm and colour at half', () => {
    const base = make({ tempo: 60 });
    const bossa = applyStyle(base, 'bossa nova');
    const lofi = applyStyle(base, 'lo-fi hip hop');
    for (const amount of [0.25, 0.5, 0.75]) {
      const mixed = applyStyle(base, 'bossa nova', { with: 'lo-fi', amount });
      const between = (x: number, a: number, b: number) => x >= Math.min(a, b) && x <= Math.max(a, b);
      expect(between(mixed.tempo, bossa.tempo, lofi.tempo)).toBe(true);
      expect(mixed.tempo).not.toBe(bossa.tempo);
      expect(mixed.tempo).not.toBe(lofi.tempo);
      expect(between(mixed.melody.density, bossa.melody.density, lofi.melody.density)).toBe(true);
      expect(between(mixed.drums.density, bossa.drums.density, lofi.drums.density)).toBe(true);
      expect(between(mixed.rhythm.swing, bossa.rhythm.swing, lofi.rhythm.swing)).toBe(true);
      expect(mixed.styleBlend).toEqual({ with: 'lo-fi hip hop', amount });
      Sketch.parse(generateSketch(mixed, 8));
    }
    const half = applyStyle(base, 'bossa nova', { with: 'lo-fi', amount: 0.5 });
    expect(half.rhythm.feel).toBe('bossa');
    expect(half.instruments.chords).toBe('electric piano');
    expect(applyStyle(base, 'bossa nova', { with: 'lo-fi', amount: 0 })).toEqual({ ...bossa, styleBlend: { with: 'lo-fi hip hop', amount: 0 } });
  });

  it('leaves params alone for a style it does not know', () => {
    const p = make({ style: 'polka' });
    expect(applyStyle(p, 'polka')).toBe(p);
  });
});
