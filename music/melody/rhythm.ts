/**
 * Melody rhythms: onsets drawn on an eighth (or, when busy, sixteenth) grid with metric weight —
 * downbeats almost always, off-beats only when the section is lively — and rests that let the line
 * breathe.
 */
import type { Rng } from '../rng.ts';
import type { MeterInfo } from '../theory/meter.ts';

export interface RhythmNote {
  /** Offset from the fragment start, in ticks. */
  at: number;
  length: number;
}

/** Metric weight of a tick inside a bar: 1 on the downbeat … 0.2 on a sixteenth. */
export function metricWeight(meter: MeterInfo, tickInBar: number): number {
  if (tickInBar === 0) return 1;
  const beat = meter.beats.indexOf(tickInBar);
  if (beat >= 0) return meter.strong.includes(beat) ? 0.85 : 0.65;
  return tickInBar % meter.pulse === 0 ? 0.4 : 0.18;
}

/** How a fragment's rhythm is shaped beyond its density. */
export interface RhythmShape {
  /** Ticks of silence left at the fragment's end: a breath before the next phrase half. */
  breath?: number;
  /** 0 … 1: chance that a note due on a strong beat is pushed an eighth early (an anticipation). */
  syncopation?: number;
  /** false → eighths at most: a swung line moves in eighths (swung sixteenths blur into each other). */
  sixteenths?: boolean;
}

/**
 * A rhythm filling `span` ticks from `offset` (the fragment's position in its bar):
 * density 0 → a few long notes, 1 → running eighths and sixteenths. The first onset is at 0.
 * With a breath, the last note stops that many ticks before the span's end; with syncopation,
 * some strong-beat notes arrive an eighth early and are held across the beat.
 */
export function drawRhythm(meter: MeterInfo, span: number, offset: number, density: number, rng: Rng, shape: RhythmShape = {}): RhythmNote[] {
  const grid = density > 0.72 && shape.sixteenths !== false ? meter.pulse / 2 : meter.pulse;
  const breath = Math.min(shape.breath ?? 0, Math.max(0, span - meter.pulse));
  const sounding = span - breath;
  const onsets: number[] = [0];
  for (let t = grid; t < sounding; t += grid) {
    const w = metricWeight(meter, (offset + t) % meter.ticksPerBar);
    // Sixteenths only appear once the line is busy; otherwise weight scales the chance directly.
    const p = Math.min(0.95, Math.max(0.05, (0.2 + 1.3 * density) * w * (w < 0.3 ? density : 1)));
    if (!rng.chance(p)) continue;
    // An anticipation: the note of a strong beat arrives on the off-beat before it.
    const pushed = w >= 0.85 && t - meter.pulse > (onsets[onsets.length - 1] ?? 0) && rng.chance(shape.syncopation ?? 0);
    onsets.push(pushed ? t - meter.pulse : t);
  }
  const notes: RhythmNote[] = [];
  onsets.forEach((at, i) => {
    const gap = (onsets[i + 1] ?? sounding) - at;
    // A short rest before some notes: breath inside the phrase, more of it when the line is sparse.
    const rest = gap >= 2 * meter.pulse && rng.chance(0.18 + 0.2 * (1 - density)) ? meter.pulse : 0;
    notes.push({ at, length: gap - rest });
  });
  return notes;
}
