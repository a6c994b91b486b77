/**
 * The teaching layer's words for the world palette: a scale's harmonic approach, an odd meter's
 * beat grouping, and the style template (and blend) a sketch was made in — all from the data in
 * music/styles, so the Theory panel says what the engine's tables say.
 */
import type { Meter, MeterGrouping, SongParameters } from '../params.ts';
import { approachFor } from '../harmony/approach.ts';
import { describeStyle } from '../styles/describe.ts';
import { GROUPING_WORDS } from '../styles/words.ts';

export interface TeachRow {
  label: string;
  value: string;
  note: string;
}

/** The grouping an odd meter is played in: the one asked for, else the engine's default (2+2+3, 3+2). */
export function groupingOf(meter: Meter, grouping: MeterGrouping | undefined): MeterGrouping | undefined {
  if (meter === '7/8') return grouping === '3+2+2' ? '3+2+2' : '2+2+3';
  if (meter === '5/4') return grouping === '2+3' ? '2+3' : '3+2';
  return undefined;
}

/** A row for the beat grouping of an odd meter, or none: groupingRow('7/8', '3+2+2').note → "seven counted 1-2-3 1-2 1-2 …". */
export function groupingRow(meter: Meter, grouping: MeterGrouping | undefined): TeachRow[] {
  const g = groupingOf(meter, grouping);
  return g ? [{ label: 'Grouping', value: g, note: GROUPING_WORDS[g] }] : [];
}

/** How the scale is harmonised, when it has an approach of its own (Hijaz vamps, drones, blues). */
export function approachRow(mode: string): TeachRow[] {
  const a = approachFor(mode);
  return a ? [{ label: 'Harmony', value: a.kind, note: a.words }] : [];
}

/** The style section's content, or null when the sketch has no known style. */
export function styleTeaching(params: SongParameters): { title: string; text: string; rows: TeachRow[] } | null {
  if (!params.style) return null;
  const d = describeStyle(params.style, params.styleBlend);
  if (!d) return null;
  const rows = d.details.map((line) => {
    const at = line.indexOf(':');
    const label = at > 0 ? line.slice(0, at) : 'style';
    return { label: label.charAt(0).toUpperCase() + label.slice(1), value: '', note: at > 0 ? line.slice(at + 1).trim() : line };
  });
  return { title: `Style: ${d.name}`, text: `${d.summary}.`, rows };
}
