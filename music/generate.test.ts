/**
 * Properties of generateSketch over random valid parameters (built through the real schema):
 * the invariants every consumer relies on, plus the musical ones the brief asks for.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { generateSketch } from './generate.ts';
import { outOfRange } from './arrange/orchestraMeasure.ts';
import { Sketch } from './sketch.ts';
import { SongParameters } from './params.ts';
import { arbParams, chordChromasNear, degreeMoves, HEPTATONIC, intervals, isMonophonic, scaleChromas, trackNotes } from './testing.ts';

const seed = fc.integer({ min: 0, max: 2 ** 31 - 1 });
const TICKS_PER_BAR = { '4/4': 1920, '3/4': 1440, '6/8': 1440, '12/8': 2880, '5/4': 2400, '7/8': 1680, '2/4': 960 } as const;
const RUNS = { numRuns: 60 };
/**
 * The step properties judge a statistical habit (about 1 song in 1,500 dips under 60%), so they
 * run from a fixed fast-check seed to stay reproducible; change it to explore other songs.
 */
const STEP_RUNS = { numRuns: 60, seed: 20261125 };

describe('generateSketch invariants', () => {
  it('returns a sketch that passes Sketch.parse with tracks, channels and length as specified', () => {
    fc.assert(
      fc.property(arbParams(), seed, (params, s) => {
        const sketch = Sketch.parse(generateSketch(params, s));
        const bars = params.sections.reduce((n, x) => n + x.bars, 0);
        expect(sketch.ticksPerBar).toBe(TICKS_PER_BAR[params.meter]);
        expect(sketch.bars).toBe(bars);
        expect(sketch.totalTicks).toBe(bars * sketch.ticksPerBar);
        const expected = params.drums.enabled ? ['melody', 'chords', 'bass', 'drums'] : ['melody', 'chords', 'bass'];
        expect(sketch.tracks.map((t) => t.id)).toEqual(expected);
        expect(sketch.tracks.map((t) => t.channel)).toEqual([0, 1, 2, 9].slice(0, expected.length));
        expect(sketch.sections).toHaveLength(params.sections.length);
      }),
      RUNS,
    );
  });

  it('survives a JSON round trip unchanged, as the journal stores it (no -0, NaN or undefined)', () => {
    fc.assert(
      fc.property(arbParams(), seed, (params, s) => {
        const sketch = generateSketch(params, s);
        expect(JSON.parse(JSON.stringify(sketch))).toEqual(sketch);
      }),
      { numRuns: 200 },
    );
  });

  it('never starts a note before 0, makes one shorter than a tick, or rings past totalTicks', () => {
    fc.assert(
      fc.property(arbParams(), seed, (params, s) => {
        const sketch = generateSketch(params, s);
        for (const n of sketch.tracks.flatMap((t) => t.notes)) {
          expect(n.start).toBeGreaterThanOrEqual(0);
          expect(n.duration).toBeGreaterThanOrEqual(1);
          expect(n.start + n.duration).toBeLessThanOrEqual(sketch.totalTicks);
        }
      }),
      RUNS,
    );
  });

  it('keeps melody and bass monophonic and inside their ranges', () => {
    fc.assert(
      fc.property(arbParams(), seed, (params, s) => {
        const sketch = generateSketch(params, s);
        const melody = trackNotes(sketch, 'melody');
        const bass = trackNotes(sketch, 'bass');
        expect(isMonophonic(melody)).toBe(true);
        expect(isMonophonic(bass)).toBe(true);
        expect(melody.length).toBeGreaterThan(0);
        for (const n of melody) expect(n.pitch >= params.melody.low && n.pitch <= params.melody.high).toBe(true);
        for (const n of bass) expect(n.pitch >= 28 && n.pitch <= 55).toBe(true);
        // The comp as written keeps to 48–72; the orchestration's layers over it keep to the instrument's comfortable range.
        for (const n of trackNotes(generateSketch({ ...params, orchestration: 'as-written' }, s), 'chords')) expect(n.pitch >= 48 && n.pitch <= 72).toBe(true);
        expect(outOfRange(sketch).filter((o) => o.track === 'chords')).toEqual([]);
      }),
      RUNS,
    );
  });

  it('is deterministic: the same params and seed give a deep-equal sketch', () => {
    fc.assert(
      fc.property(arbParams(), seed, (params, s) => {
        expect(generateSketch(params, s)).toEqual(generateSketch(structuredClone(params), s));
      }),
      { numRuns: 25 },
    );
  });

  it('writes another melody for another seed', () => {
    const params = SongParameters.parse({});
    const melodies = new Set(Array.from({ length: 12 }, (_, s) => JSON.stringify(trackNotes(generateSketch(params, s), 'melody').map((n) => n.pitch))));
    expect(melodies.size).toBe(12);
  });

  it('stores each section with its effective valence and arousal, clamped to [-1, 1]', () => {
    fc.assert(
      fc.property(arbParams(), seed, (params, s) => {
        const sketch = generateSketch(params, s);
        sketch.sections.forEach((mark, i) => {
          const src = params.sections[i]!;
          expect(mark.valence).toBeCloseTo(Math.max(-1, Math.min(1, params.valence + src.valenceOffset)), 9);
          expect(mark.arousal).toBeCloseTo(Math.max(-1, Math.min(1, params.arousal + src.arousalOffset)), 9);
        });
      }),
      { numRuns: 30 },
    );
  });
});

describe('generateSketch musicality', () => {
  it('keeps 100% of melody and bass note time in the scale when nothing is borrowed', () => {
    fc.assert(
      fc.property(arbParams({ borrowed: false }), seed, (params, s) => {
        const sketch = generateSketch(params, s);
        const pcs = scaleChromas(params.key, params.mode);
        for (const n of [...trackNotes(sketch, 'melody'), ...trackNotes(sketch, 'bass')]) expect(pcs).toContain(n.pitch % 12);
      }),
      RUNS,
    );
  });

  it('lets melody and bass leave the scale only for tones of a sounding borrowed chord, for ≤ 5% of melody time', () => {
    fc.assert(
      fc.property(arbParams({ borrowed: true, modes: HEPTATONIC }), seed, (params, s) => {
        const sketch = generateSketch(params, s);
        const pcs = scaleChromas(params.key, params.mode);
        for (const n of [...trackNotes(sketch, 'melody'), ...trackNotes(sketch, 'bass')]) {
          if (!pcs.includes(n.pitch % 12)) expect(chordChromasNear(sketch, n.start)).toContain(n.pitch % 12);
        }
        // The 95% share is a property of a song, not of a two-bar fragment under one borrowed chord.
        if (sketch.bars < 16) return;
        const melody = trackNotes(sketch, 'melody');
        const total = melody.reduce((t, n) => t + n.duration, 0);
        const inside = melody.filter((n) => pcs.includes(n.pitch % 12)).reduce((t, n) => t + n.duration, 0);
        expect(inside / total).toBeGreaterThanOrEqual(0.95);
      }),
      RUNS,
    );
  });

  it('honours the musician’s own chords, using their tones when they leave the scale', () => {
    fc.assert(
      fc.property(arbParams({ userChords: true }), seed, (params, s) => {
        const sketch = generateSketch(params, s);
        const pcs = scaleChromas(params.key, params.mode);
        for (const n of [...trackNotes(sketch, 'melody'), ...trackNotes(sketch, 'bass')]) {
          if (!pcs.includes(n.pitch % 12)) expect(chordChromasNear(sketch, n.start)).toContain(n.pitch % 12);
        }
      }),
      RUNS,
    );
  });

  // Stepwise motion is a habit of lines that move: a melody of one long note a bar is made of
  // chord tones, which skip. So these properties take full-length songs with density ≥ 0.25.
  const LINES = { leapiness: [0, 0.4] as [number, number], density: [0.25, 1] as [number, number], songForm: true };

  it('moves the melody mostly by scale step in every mode: ≥ 60% of moves are repeats or steps', () => {
    fc.assert(
      fc.property(arbParams(LINES), seed, (params, s) => {
        const moves = degreeMoves(trackNotes(generateSketch(params, s), 'melody'), params.key, params.mode);
        expect(moves.filter((x) => x <= 1).length / moves.length).toBeGreaterThanOrEqual(0.6);
      }),
      STEP_RUNS,
    );
  });

  it('moves the melody mostly by step: ≥ 60% of intervals within 2 semitones, < 5% beyond an octave', () => {
    // Harmonic minor's augmented second is a step of three semitones, so it is judged above instead.
    const modes = HEPTATONIC.filter((m) => m !== 'harmonic minor');
    fc.assert(
      fc.property(arbParams({ ...LINES, modes }), seed, (params, s) => {
        const iv = intervals(trackNotes(generateSketch(params, s), 'melody'));
        expect(iv.filter((x) => x <= 2).length / iv.length).toBeGreaterThanOrEqual(0.6);
        expect(iv.filter((x) => x > 12).length / iv.length).toBeLessThan(0.05);
      }),
      STEP_RUNS,
    );
  });

  it('keeps every melody note inside D dorian', () => {
    const sketch = generateSketch(SongParameters.parse({ key: 'D', mode: 'dorian' }), 11);
    const dorian = new Set([2, 4, 5, 7, 9, 11, 0]);
    expect(trackNotes(sketch, 'melody').every((n) => dorian.has(n.pitch % 12))).toBe(true);
  });

  it('lifts the chorus melody above the verse with the default form', () => {
    const lifts = Array.from({ length: 10 }, (_, s) => {
      const fact = generateSketch(SongParameters.parse({}), s).facts.find((f) => f.kind === 'register-lift');
      return Number(fact?.data?.semitones ?? 0);
    });
    expect(lifts.reduce((a, b) => a + b, 0) / lifts.length).toBeGreaterThan(0);
  });

  it('puts a crash on every section downbeat and drops the drum track when drums are off', () => {
    const params = SongParameters.parse({});
    const sketch = generateSketch(params, 3);
    const drums = trackNotes(sketch, 'drums');
    // Every section where the drums play (the orchestration rests them in the quiet intro).
    const playing = sketch.sections.filter((m) => drums.some((n) => n.start >= m.startTick && n.start < m.startTick + m.bars * sketch.ticksPerBar));
    expect(playing.length).toBeGreaterThanOrEqual(sketch.sections.length - 1);
    for (const mark of playing) expect(drums.some((n) => n.pitch === 49 && Math.abs(n.start - mark.startTick) <= 14)).toBe(true);
    const quiet = generateSketch(SongParameters.parse({ drums: { enabled: false } }), 3);
    expect(quiet.tracks.map((t) => t.id)).toEqual(['melody', 'chords', 'bass']);
  });

  it('states cadence facts that match the last two chords of each section', () => {
    fc.assert(
      fc.property(arbParams(), seed, (params, s) => {
        const sketch = generateSketch(params, s);
        for (const fact of sketch.facts.filter((f) => f.kind === 'cadence')) {
          const mark = sketch.sections.find((m) => m.name === fact.section)!;
          const chords = sketch.chords.filter((c) => c.start >= mark.startTick && c.start < mark.startTick + mark.bars * sketch.ticksPerBar);
          const romans = sketch.chords.length ? chords.slice(-2).map((c) => c.roman).join('–') : '';
          // A fact names some section with this name; at least one such section must end this way.
          const any = sketch.sections.filter((m) => m.name === fact.section).some((m) => {
            const cs = sketch.chords.filter((c) => c.start >= m.startTick && c.start < m.startTick + m.bars * sketch.ticksPerBar);
            return cs.slice(-2).map((c) => c.roman).join('–') === fact.data?.chords;
          });
          expect(any || romans === fact.data?.chords).toBe(true);
        }
      }),
      { numRuns: 30 },
    );
  });

  it('spells every chord with Tonal and covers the whole song without gaps', () => {
    fc.assert(
      fc.property(arbParams(), seed, (params, s) => {
        const sketch = generateSketch(params, s);
        let t = 0;
        for (const c of sketch.chords) {
          expect(c.start).toBe(t);
          t += c.duration;
          expect(chordChromasNear(sketch, c.start, 0).length).toBeGreaterThan(0);
        }
        expect(t).toBe(sketch.totalTicks);
      }),
      { numRuns: 30 },
    );
  });
});
