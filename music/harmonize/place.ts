/**
 * Where a given melody sounds in the song: the whole song from bar 1, every section of one name,
 * or (a motif) the opening bars of every section. The notes come out in song ticks, with the
 * spans they own: inside a span the melody is the musician's, outside it the engine's.
 */
import type { GivenMelody } from '../params.ts';
import type { Note } from '../sketch.ts';
import type { MeterInfo } from '../theory/meter.ts';
import type { SectionPlan } from '../theory/form.ts';

export interface PlacedMelody {
  /** The given notes at their places in the song. */
  notes: Note[];
  /** [from, to) tick ranges the given melody owns. */
  spans: [number, number][];
  /** The melody is the whole song's: the engine writes none of its own. */
  whole: boolean;
}

/** Bars a motif may take at the start of each section. */
export const MOTIF_BARS = 2;

const shift = (notes: readonly GivenMelody['notes'][number][], by: number, limit: number): Note[] =>
  notes.filter((n) => n.start < limit).map((n) => ({ pitch: n.pitch, start: n.start + by, duration: Math.min(n.duration, limit - n.start), velocity: n.velocity }));

/** placeGiven(params.givenMelody, form, meter) → notes in song time and the spans they own. */
export function placeGiven(given: GivenMelody, form: readonly SectionPlan[], meter: MeterInfo): PlacedMelody {
  const total = form.reduce((n, s) => n + s.ticks, 0);
  if (given.use === 'whole') return { notes: shift(given.notes, 0, total), spans: [[0, total]], whole: true };
  const notes: Note[] = [];
  const spans: [number, number][] = [];
  const wanted = given.section?.trim().toLowerCase();
  for (const section of form) {
    if (given.use === 'section' && section.key !== wanted) continue;
    const length = given.use === 'motif' ? Math.min(section.ticks, MOTIF_BARS * meter.ticksPerBar) : section.ticks;
    notes.push(...shift(given.notes, section.startTick, length));
    spans.push([section.startTick, section.startTick + length]);
  }
  return { notes, spans, whole: false };
}

/**
 * The song's melody with the given notes in their spans: the engine's notes that start inside a
 * span go, one that rings into a span is cut where it begins, and the given notes go in unchanged.
 */
export function withGiven(engine: readonly Note[], placed: PlacedMelody): Note[] {
  const inside = (t: number) => placed.spans.some(([a, b]) => t >= a && t < b);
  const kept = engine
    .filter((n) => !inside(n.start))
    .map((n) => {
      const next = placed.spans.find(([a]) => a > n.start && a < n.start + n.duration);
      return next ? { ...n, duration: next[0] - n.start } : n;
    });
  return [...kept, ...placed.notes.map((n) => ({ ...n }))].sort((a, b) => a.start - b.start || a.pitch - b.pitch);
}
