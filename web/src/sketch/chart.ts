/**
 * Chord chart rows: each section's bars with the chords that start in them, straight from the
 * sketch's chord events (the engine spelled them; the chart only groups them by bar).
 */
import type { ChordEvent, Sketch } from '../../../music/index.ts';

export interface ChartBar {
  /** 0-based bar index in the song. */
  bar: number;
  /** Chords starting in this bar, in time order; empty = the previous chord holds. */
  chords: ChordEvent[];
}

export interface ChartRow {
  index: number;
  name: string;
  bars: ChartBar[];
}

/** Group the sketch's chords by section and bar. */
export function chartRows(sketch: Pick<Sketch, 'sections' | 'chords'>): ChartRow[] {
  const byBar = new Map<number, ChordEvent[]>();
  for (const c of [...sketch.chords].sort((a, b) => a.start - b.start)) {
    const list = byBar.get(c.bar) ?? [];
    list.push(c);
    byBar.set(c.bar, list);
  }
  return sketch.sections.map((s) => ({
    index: s.index,
    name: s.name,
    bars: Array.from({ length: s.bars }, (_, i) => ({ bar: s.startBar + i, chords: byBar.get(s.startBar + i) ?? [] })),
  }));
}
