import { describe, expect, it } from 'vitest';
import { fixtureSketch } from '../../music/midi/fixture.ts';
import { arcPath, barAt, planePoint, playheadPercent, rollRects, ROLL_HEIGHT, ROLL_WIDTH, sectionSpans } from '../../web/src/sketch/geometry.ts';

const sketch = fixtureSketch();

describe('piano roll layout', () => {
  const rects = rollRects(sketch);

  it('draws one rectangle per note, all inside the drawing', () => {
    expect(rects).toHaveLength(sketch.tracks.reduce((n, t) => n + t.notes.length, 0));
    for (const r of rects) {
      expect(r.x).toBeGreaterThanOrEqual(0);
      expect(r.x + r.w).toBeLessThanOrEqual(ROLL_WIDTH + 3);
      expect(r.y).toBeGreaterThanOrEqual(0);
      expect(r.y + r.h).toBeLessThanOrEqual(ROLL_HEIGHT + 0.01);
    }
  });

  it('puts higher pitches higher up (smaller y)', () => {
    const melody = sketch.tracks.find((t) => t.id === 'melody')!.notes;
    const bass = sketch.tracks.find((t) => t.id === 'bass')!.notes;
    const y = (track: string) => rects.filter((r) => r.track === track).map((r) => r.y);
    expect(Math.max(...y('melody'))).toBeLessThan(Math.min(...y('bass')));
    expect(Math.max(...melody.map((n) => n.pitch))).toBeGreaterThan(Math.max(...bass.map((n) => n.pitch)));
  });

  it('spans sections end to end in percent', () => {
    const spans = sectionSpans(sketch);
    expect(spans.map((s) => s.name)).toEqual(['intro', 'verse', 'chorus']);
    expect(spans[0]!.left).toBe(0);
    const last = spans.at(-1)!;
    expect(last.left + last.width).toBeCloseTo(100, 6);
  });

  it('clamps the playhead and counts bars from 1', () => {
    expect(playheadPercent(-5, 100)).toBe(0);
    expect(playheadPercent(50, 100)).toBe(50);
    expect(playheadPercent(500, 100)).toBe(100);
    expect(barAt(0, sketch.ticksPerBar)).toBe(1);
    expect(barAt(sketch.ticksPerBar, sketch.ticksPerBar)).toBe(2);
  });
});

describe('emotion plane', () => {
  it('puts pleasant to the right and excited at the top', () => {
    expect(planePoint(1, 1, 100)).toEqual({ x: 100, y: 0 });
    expect(planePoint(-1, -1, 100)).toEqual({ x: 0, y: 100 });
    expect(planePoint(0, 0, 100, 10)).toEqual({ x: 50, y: 50 });
    expect(planePoint(3, -3, 100)).toEqual({ x: 100, y: 100 });
  });

  it('draws the arc through every section in order', () => {
    const path = arcPath([{ valence: -1, arousal: 1 }, { valence: 1, arousal: -1 }], 100);
    expect(path).toBe('M0.0,0.0 L100.0,100.0');
  });
});

describe('chord chart rows', async () => {
  const { chartRows } = await import('../../web/src/sketch/chart.ts');
  const tpb = sketch.ticksPerBar;
  const chords = [
    { symbol: 'Dm', roman: 'i', start: 0, duration: 2 * tpb, bar: 0 },
    { symbol: 'Gm', roman: 'iv', start: 2 * tpb + tpb / 2, duration: tpb / 2, bar: 2 },
    { symbol: 'A7', roman: 'V7', start: 2 * tpb, duration: tpb / 2, bar: 2 },
  ];
  it('lists every bar of every section once, with the chords that start there', () => {
    const rows = chartRows({ ...sketch, chords });
    expect(rows[0]!.bars[1]!.chords).toEqual([]); // Dm holds through bar 2
    expect(rows[1]!.bars[0]!.chords.map((c) => c.symbol)).toEqual(['A7', 'Gm']); // time order
    expect(rows.map((r) => r.bars.length)).toEqual(sketch.sections.map((s) => s.bars));
    const bars = rows.flatMap((r) => r.bars.map((b) => b.bar));
    expect(bars).toEqual(Array.from({ length: sketch.bars }, (_, i) => i));
    expect(rows.flatMap((r) => r.bars.flatMap((b) => b.chords))).toHaveLength(chords.length);
  });
});

describe('version marks', async () => {
  const { versionMarks } = await import('../../web/src/sketch/geometry.ts');
  it('labels each version, merging versions that sit on the same spot', () => {
    const marks = versionMarks(
      [
        { id: 'b', number: 2, valence: 0, arousal: 0 },
        { id: 'a', number: 1, valence: 0, arousal: 0 },
        { id: 'c', number: 3, valence: 0.5, arousal: -0.5 },
      ],
      'c',
      200,
    );
    expect(marks.map((m) => [m.label, m.current])).toEqual([['v1 · v2', false], ['v3', true]]);
    expect(marks[1]).toMatchObject({ x: 150, y: 150 });
  });
});
