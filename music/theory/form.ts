/**
 * The song's form laid out in time: where each section starts, how long it is, and the emotion it
 * carries (song valence / arousal plus the section's offsets, clamped to the circumplex).
 */
import type { SongParameters } from '../params.ts';
import type { MeterInfo } from './meter.ts';

export interface SectionPlan {
  index: number;
  name: string;
  /** Lower-cased name: repeated sections ("verse", "Verse") share material. */
  key: string;
  /** 0 for the first verse, 1 for the second … */
  occurrence: number;
  startBar: number;
  startTick: number;
  bars: number;
  ticks: number;
  energy: number;
  valence: number;
  arousal: number;
  isLast: boolean;
  /** User-given roman numerals, or empty for the engine to choose. */
  chords: string[];
}

/** Clamp to the circumplex range [-1, 1]. */
export function clampAxis(x: number): number {
  // `+ 0` turns -0 into 0: the journal stores sketches as JSON, which has no -0, and a
  // sketch must read back exactly as it was made.
  return Math.max(-1, Math.min(1, x)) + 0;
}

/** Lay the sections end to end: planForm(params, meterInfo('4/4'))[1].startTick → 7680 for a 4-bar intro. */
export function planForm(params: SongParameters, meter: MeterInfo): SectionPlan[] {
  const seen = new Map<string, number>();
  let bar = 0;
  return params.sections.map((s, index) => {
    const key = s.name.trim().toLowerCase();
    const occurrence = seen.get(key) ?? 0;
    seen.set(key, occurrence + 1);
    const plan: SectionPlan = {
      index,
      name: s.name,
      key,
      occurrence,
      startBar: bar,
      startTick: bar * meter.ticksPerBar,
      bars: s.bars,
      ticks: s.bars * meter.ticksPerBar,
      energy: s.energy,
      valence: clampAxis(params.valence + s.valenceOffset),
      arousal: clampAxis(params.arousal + s.arousalOffset),
      isLast: index === params.sections.length - 1,
      chords: s.chords,
    };
    bar += s.bars;
    return plan;
  });
}

/** 0 … 1 drive of a section, blending its energy with its arousal. */
export function drive(section: SectionPlan): number {
  return Math.max(0, Math.min(1, 0.7 * section.energy + 0.3 * ((section.arousal + 1) / 2)));
}
