/**
 * Arrangement templates by style family and the comfortable range of each General MIDI
 * instrument, as data (arrangements.json, arrangementsRanges.json) parsed with zod so a bad table
 * entry fails loudly at load. music/arrange/orchestra.ts turns them into a section's arrangement.
 */
import { z } from 'zod';
import { Instrument, INSTRUMENTS, SectionArrangement } from '../params.ts';
import { findTemplate } from './templates.ts';
import table from './arrangements.json' with { type: 'json' };
import rangeTable from './arrangementsRanges.json' with { type: 'json' };

export const TIERS = ['low', 'mid', 'high'] as const;
export type Tier = (typeof TIERS)[number];

const TierPlan = z.object({
  /** Default arrangement of each part in a section of this tier (the musician's settings win). */
  parts: SectionArrangement,
  /** A sustained layer: the chord's tones held for the chord's length, in the chords' instrument. */
  pad: z.boolean().optional(),
  /** The melody doubled this many octaves away (-1 = an octave below) in the chords' instrument. */
  doubleMelody: z.number().int().min(-2).max(2).optional(),
});
export type TierPlan = z.infer<typeof TierPlan>;

const FamilyName = z.string().min(1);
const Arrangements = z
  .object({
    /** Energy thresholds: below `low` → low tier; at or above `high` → high tier. */
    tiers: z.object({ low: z.number().min(0).max(1), high: z.number().min(0).max(1) }),
    families: z.record(FamilyName, z.object({ low: TierPlan, mid: TierPlan, high: TierPlan })),
    /** Style template name → family. */
    styles: z.record(z.string(), FamilyName),
    default: FamilyName,
  })
  .refine((t) => [t.default, ...Object.values(t.styles)].every((f) => f in t.families), { message: 'every family named must be defined' });

export const ARRANGEMENTS = Arrangements.parse(table);

const Range = z.tuple([z.number().int().min(0).max(127), z.number().int().min(0).max(127)]).refine(([lo, hi]) => lo < hi);
const RANGES = z.object({ ranges: z.record(Instrument, Range) }).refine((t) => INSTRUMENTS.every((i) => i in t.ranges), { message: 'a range for every instrument' }).parse(rangeTable).ranges;

/** Comfortable sounding range of an instrument: comfortableRange('cello') → { low: 36, high: 76 }. */
export function comfortableRange(instrument: Instrument): { low: number; high: number } {
  const [low, high] = RANGES[instrument] ?? [0, 127];
  return { low, high };
}

/** The family a style belongs to: arrangementFamily('bossa') → 'groove'; no or unknown style → the default. */
export function arrangementFamily(style: string | undefined): string {
  const name = style ? (findTemplate(style)?.name ?? style.trim().toLowerCase()) : undefined;
  return (name && ARRANGEMENTS.styles[name]) || ARRANGEMENTS.default;
}

/** The tier a section's energy falls in: tierFor(0.8) → 'high'. */
export function tierFor(energy: number): Tier {
  return energy < ARRANGEMENTS.tiers.low ? 'low' : energy >= ARRANGEMENTS.tiers.high ? 'high' : 'mid';
}

/** What a style family does in a section of this energy. */
export function tierPlan(style: string | undefined, energy: number): TierPlan {
  return ARRANGEMENTS.families[arrangementFamily(style)]![tierFor(energy)];
}
