/**
 * Meters as data: bar length, where the beats fall and which of them are strong. Compound meters
 * (6/8, 12/8) count dotted-quarter beats; odd meters (5/4, 7/8) group their beats unevenly.
 */
import { PPQ } from '../sketch.ts';
import type { Meter, MeterGrouping } from '../params.ts';

export interface MeterInfo {
  meter: Meter;
  ticksPerBar: number;
  /** Beat starts within the bar, in ticks. */
  beats: readonly number[];
  /** Beat indices that carry weight (downbeat, mid-bar). */
  strong: readonly number[];
  /** The smallest pulse the parts think in: an eighth note. */
  pulse: number;
  /** Compound meters divide beats in three; swing does not apply to them. */
  compound: boolean;
}

const Q = PPQ;
const E = PPQ / 2;

/** One entry per meter the schema allows. */
export const METER_TABLE: Record<Meter, MeterInfo> = {
  '2/4': { meter: '2/4', ticksPerBar: 2 * Q, beats: [0, Q], strong: [0], pulse: E, compound: false },
  '3/4': { meter: '3/4', ticksPerBar: 3 * Q, beats: [0, Q, 2 * Q], strong: [0], pulse: E, compound: false },
  '4/4': { meter: '4/4', ticksPerBar: 4 * Q, beats: [0, Q, 2 * Q, 3 * Q], strong: [0, 2], pulse: E, compound: false },
  '5/4': { meter: '5/4', ticksPerBar: 5 * Q, beats: [0, Q, 2 * Q, 3 * Q, 4 * Q], strong: [0, 3], pulse: E, compound: false },
  '6/8': { meter: '6/8', ticksPerBar: 6 * E, beats: [0, 3 * E], strong: [0, 1], pulse: E, compound: true },
  '7/8': { meter: '7/8', ticksPerBar: 7 * E, beats: [0, 2 * E, 4 * E], strong: [0, 2], pulse: E, compound: false },
  '12/8': { meter: '12/8', ticksPerBar: 12 * E, beats: [0, 3 * E, 6 * E, 9 * E], strong: [0, 2], pulse: E, compound: true },
};

/**
 * The other groupings of the odd meters. The table rows above are the defaults (7/8 as 2+2+3,
 * 5/4 as 3+2 — strong on beat 4); these move the beat starts and the strong beats.
 */
export const GROUPED_METERS: Readonly<Partial<Record<`${Meter} ${MeterGrouping}`, MeterInfo>>> = {
  '7/8 3+2+2': { meter: '7/8', ticksPerBar: 7 * E, beats: [0, 3 * E, 5 * E], strong: [0, 1], pulse: E, compound: false },
  '5/4 2+3': { meter: '5/4', ticksPerBar: 5 * Q, beats: [0, Q, 2 * Q, 3 * Q, 4 * Q], strong: [0, 2], pulse: E, compound: false },
};

/** Bar length and beat grid for a meter: meterInfo('6/8').ticksPerBar → 1440; meterInfo('7/8', '3+2+2').beats → [0, 720, 1200]. */
export function meterInfo(meter: Meter, grouping?: MeterGrouping): MeterInfo {
  return (grouping && GROUPED_METERS[`${meter} ${grouping}`]) || METER_TABLE[meter];
}


/** Length in ticks of beat `i` of a bar (the last beat runs to the barline). */
export function beatLength(info: MeterInfo, i: number): number {
  const start = info.beats[i] ?? 0;
  const end = info.beats[i + 1] ?? info.ticksPerBar;
  return end - start;
}
