/**
 * Where a line's syllables fall: one onset per syllable on the eighth-note grid (sixteenths only
 * when a line is too long for eighths), chosen by dynamic programming so that stressed syllables
 * take strong beats and unstressed ones weak beats, a word's stressed syllable sits on a stronger
 * beat than its neighbours, notes keep an even, speakable pace, and the line ends before its last
 * beat to leave a breath. Deterministic: the same syllables in the same span get the same rhythm,
 * so a repeated chorus line is sung the same way.
 */
import type { MeterInfo } from '../theory/meter.ts';
import { beatLength } from '../theory/meter.ts';
import { metricWeight } from './rhythm.ts';

export interface RhythmSyllable {
  /** 1 primary stress, 2 secondary, 0 unstressed. */
  stress: 0 | 1 | 2;
  /** Index of its word in the line: syllables of one word share it. */
  word: number;
  /** true when its word has two or more syllables. */
  polysyllable: boolean;
}

export interface Placed {
  /** Onset from the line's start, in ticks. */
  at: number;
  length: number;
}

const STRESS_MISS = 4;
const WEAK_MISS = 1.6;
const WORD_ORDER = 4;
const PACE = 0.8;

/** The bars a line actually uses inside the bars it was given: a short line is not stretched thin. */
export function usedBars(syllables: number, givenBars: number, meter: MeterInfo): number {
  const slots = Math.round(meter.ticksPerBar / meter.pulse);
  // About one syllable per beat-and-a-bit reads naturally; never fewer bars than the eighths need.
  const natural = Math.max(1, Math.ceil((syllables + 2) / Math.max(2, slots * 0.6)));
  let bars = 1;
  while (bars < natural) bars *= 2;
  return Math.min(givenBars, Math.max(bars, 1));
}

/**
 * Onsets and lengths for a line's syllables inside `bars` bars starting at a barline:
 * placeLine(syllables, meter, 2). Always returns one entry per syllable, in order.
 */
export function placeLine(syllables: readonly RhythmSyllable[], meter: MeterInfo, bars: number): Placed[] {
  const n = syllables.length;
  if (n === 0) return [];
  const span = bars * meter.ticksPerBar;
  const breath = beatLength(meter, meter.beats.length - 1);
  // The grid: eighths, or sixteenths when the line has more syllables than eighths before the breath.
  let step = meter.pulse;
  if (Math.floor((span - breath) / step) < n) step = meter.pulse / 2;
  let usable = span - breath;
  // A line too long even for sixteenths sings through its breath (never drops a syllable).
  while (Math.floor(usable / step) < n && step > 30) {
    if (usable < span) usable = span;
    else step /= 2;
  }
  const grid: number[] = [];
  for (let t = 0; t < usable; t += step) grid.push(Math.round(t));
  const G = grid.length;
  const w = grid.map((t) => metricWeight(meter, t % meter.ticksPerBar));
  const ideal = Math.max(step, Math.min(2 * meter.pulse * 2, usable / n));
  const maxGap = Math.max(4 * meter.pulse, 2 * ideal);

  const unary = (i: number, g: number): number => {
    const s = syllables[i] as RhythmSyllable;
    const weight = w[g] ?? 0;
    let c = 0;
    if (s.stress === 1) c += (1 - weight) * STRESS_MISS * (s.polysyllable ? 1.25 : 1);
    else if (s.stress === 2) c += weight * 0.5 * WEAK_MISS;
    else c += weight * WEAK_MISS * (s.polysyllable ? 1.5 : 1);
    // The line's first syllable starts near the barline (a pickup of a beat at most).
    if (i === 0) c += (grid[g] ?? 0) > meter.ticksPerBar / 2 ? 3 : 0;
    return c;
  };
  const pair = (i: number, gPrev: number, g: number): number => {
    const gap = (grid[g] ?? 0) - (grid[gPrev] ?? 0);
    let c = PACE * Math.abs(Math.log2(gap / ideal));
    const a = syllables[i - 1] as RhythmSyllable;
    const b = syllables[i] as RhythmSyllable;
    if (a.word === b.word) {
      // Inside a word the stressed syllable must be the stronger beat; a tie is fine only if it is the longer note (checked by pace).
      const wa = w[gPrev] ?? 0;
      const wb = w[g] ?? 0;
      if (a.stress === 1 && b.stress !== 1 && wb >= wa) c += WORD_ORDER * (wb > wa ? 1 : 0.5);
      if (b.stress === 1 && a.stress !== 1 && wa >= wb) c += WORD_ORDER * (wa > wb ? 1 : 0.5);
      // A word is sung together: no long gap inside it.
      if (gap > 2 * ideal) c += 1;
    }
    return c;
  };

  // cost[i][g]: best cost with syllable i at grid g; from[i][g]: where syllable i-1 was.
  const cost: Float64Array[] = [];
  const from: Int32Array[] = [];
  for (let i = 0; i < n; i++) {
    const row = new Float64Array(G).fill(Infinity);
    const back = new Int32Array(G).fill(-1);
    // Room for the syllables still to come.
    const lastG = G - (n - i);
    for (let g = i; g <= lastG; g++) {
      const u = unary(i, g);
      if (i === 0) {
        row[g] = u;
        continue;
      }
      const prev = cost[i - 1] as Float64Array;
      for (let p = g - 1; p >= i - 1 && (grid[g] ?? 0) - (grid[p] ?? 0) <= maxGap; p--) {
        const c = (prev[p] ?? Infinity) + pair(i, p, g) + u;
        if (c < (row[g] ?? Infinity)) {
          row[g] = c;
          back[g] = p;
        }
      }
    }
    cost.push(row);
    from.push(back);
  }
  // The last syllable is held to the breath: prefer that it is long and lands well.
  const last = cost[n - 1] as Float64Array;
  let best = -1;
  let bestCost = Infinity;
  for (let g = 0; g < G; g++) {
    const hold = usable - (grid[g] ?? 0);
    const c = (last[g] ?? Infinity) + (hold < meter.pulse * 2 ? 1.5 : 0) + (1 - (w[g] ?? 0));
    if (c < bestCost) [best, bestCost] = [g, c];
  }
  if (best < 0) {
    // No placement within the gap limits (only for pathological input): sing the syllables evenly.
    return syllables.map((_, i) => ({ at: Math.round((i * usable) / n), length: Math.max(1, Math.round(usable / n)) }));
  }
  const idx = new Array<number>(n);
  for (let i = n - 1, g = best; i >= 0; i--) {
    idx[i] = g;
    g = (from[i] as Int32Array)[g] ?? -1;
  }
  return idx.map((g, i) => {
    const at = grid[g] ?? 0;
    const next = i + 1 < n ? (grid[idx[i + 1] as number] ?? usable) : usable;
    return { at, length: Math.max(1, next - at) };
  });
}
