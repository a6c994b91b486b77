/**
 * The WAV render's arithmetic, pure so it is testable in Node: where the render pauses, and the
 * progress bar, which goes through stages of different cost (fetching samples, rendering,
 * encoding) yet shows one number that only ever moves forward and ends at exactly 1.
 */

/** A stage of the render and the share of the bar it fills; shares add up to 1. */
export interface Stage {
  name: string;
  share: number;
}

export interface StagedProgress {
  report(stage: string, fraction: number): void;
  finish(): void;
  /** What the bar shows now. */
  readonly value: number;
}

/**
 * A progress reporter over `stages`: `report(name, fraction)` maps a stage's own 0 … 1 into the
 * bar; `finish()` reports 1. Values never go backwards (a late or repeated report is ignored) and
 * are reported only when they move, so a burst of callbacks costs the page nothing.
 * @example const p = stagedProgress(STAGES, (f) => (bar = f)); p.report('audio', 0.5);
 */
export function stagedProgress(stages: readonly Stage[], onProgress: (fraction: number) => void): StagedProgress {
  const starts = new Map<string, { start: number; share: number }>();
  let at = 0;
  for (const s of stages) {
    starts.set(s.name, { start: at, share: s.share });
    at += s.share;
  }
  let shown = 0;
  const show = (value: number) => {
    const clamped = Math.min(1, Math.max(0, value));
    if (clamped <= shown) return;
    shown = clamped;
    onProgress(clamped);
  };
  return {
    report(name: string, fraction: number): void {
      const s = starts.get(name);
      if (!s) throw new Error(`unknown render stage "${name}"`);
      show(s.start + s.share * Math.min(1, Math.max(0, fraction)));
    },
    finish(): void {
      show(1);
    },
    get value(): number {
      return shown;
    },
  };
}

/** Frames an OfflineAudioContext renders at a time; a pause (suspend) lands on a multiple of this. */
export const RENDER_QUANTUM = 128;

/**
 * Frames at which to pause an offline render of `frames` frames every `step` frames (a multiple
 * of the render quantum, so each pause is exact): every one strictly inside the render, since the
 * context refuses a pause at or past its end.
 * @example stepFrames(1000, 256) → [256, 512, 768]
 */
export function stepFrames(frames: number, step: number): number[] {
  if (step <= 0 || step % RENDER_QUANTUM !== 0) throw new Error(`render step ${step} is not a positive multiple of ${RENDER_QUANTUM} frames`);
  const out: number[] = [];
  for (let f = step; f < frames; f += step) out.push(f);
  return out;
}
