/**
 * How many bars a sung line needs: one syllable per eighth note at most (a singable pace in
 * every meter the engine plays), plus the breath at the line's end. Lines are laid out in
 * phrases of 1, 2, 4 or 8 bars so they sit on the form's grid; shorter lines rest longer.
 */
import type { Meter, Section } from '../params.ts';
import { meterInfo } from '../theory/meter.ts';
import { syllablesOf } from './syllabify.ts';

/** Most bars one section may hold (the schema's limit). */
export const MAX_SECTION_BARS = 64;

/** Syllable onsets a bar can hold: its eighth notes. */
export function slotsPerBar(meter: Meter): number {
  const m = meterInfo(meter);
  return Math.round(m.ticksPerBar / m.pulse);
}

/** Bars one line of `syllables` needs, as a phrase length (1, 2, 4, 8 …): lineBars(7, '4/4') → 1, lineBars(9, '3/4') → 2. */
export function lineBars(syllables: number, meter: Meter): number {
  // Two eighths of breath after the line (a quarter note; a dotted-quarter beat's worth in 6/8 is close enough).
  const need = Math.max(1, Math.ceil((syllables + 2) / slotsPerBar(meter)));
  let bars = 1;
  while (bars < need) bars *= 2;
  return bars;
}

/** The bars each line of a section gets and the section's resulting length (never shorter than it was). */
export function planLines(counts: readonly number[], bars: number, meter: Meter): { lineBars: number[]; bars: number } {
  if (counts.length === 0) return { lineBars: [], bars };
  const unit = Math.max(...counts.map((n) => lineBars(n, meter)));
  const even = Math.floor(bars / counts.length);
  const each = Math.max(unit, even);
  return { lineBars: counts.map(() => each), bars: Math.max(bars, each * counts.length) };
}

/** The section's sung lines as syllable counts. */
export function lineCounts(lines: readonly string[], lang: string): number[] {
  return lines.map((l) => syllablesOf(l, lang).length);
}

/** Bars a section needs to sing its lines (its own bars when they are enough). */
export function barsForLyrics(section: Pick<Section, 'bars' | 'lyrics'>, meter: Meter, lang: string): number {
  if (!section.lyrics?.length) return section.bars;
  return planLines(lineCounts(section.lyrics, lang), section.bars, meter).bars;
}
