/**
 * The WAV progress bar's arithmetic, pure so it is testable in Node: the render goes through
 * stages of different cost (fetching samples, Tone's scheduling pass, the audio render, encoding)
 * and the bar shows one number that only ever moves forward and ends at exactly 1.
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

/** Frames an OfflineAudioContext renders at a time; a suspend lands on a multiple of this. */
export const RENDER_QUANTUM = 128;

/**
 * Times (seconds) to suspend an offline render of `frames` frames at, about `count` of them, to
 * report progress: each on its own render quantum (the context rejects two suspends in one
 * quantum) and before the end (a suspend at or past the end is rejected too).
 * @example suspendTimes(44_100 * 10, 44_100, 4) → [2.0013…, 4.0011…, 6.0009…, 8.0007…]
 */
export function suspendTimes(frames: number, sampleRate: number, count: number): number[] {
  const quanta = Math.floor((frames - 1) / RENDER_QUANTUM);
  const times: number[] = [];
  let last = 0;
  for (let i = 1; i <= count; i++) {
    const quantum = Math.floor((quanta * i) / (count + 1));
    if (quantum <= last) continue;
    last = quantum;
    // Mid-quantum: the context rounds a suspend to a quantum boundary, and a time exactly on one
    // could fall either side of it by a rounding error; half a quantum in is unambiguous.
    times.push(((quantum + 0.5) * RENDER_QUANTUM) / sampleRate);
  }
  return times;
}
