/**
 * Where a sketch's jam and its "Send to MIDI device" panel meet: the panel puts a tap here, the
 * jam player calls it every scheduling step with the bar plan and the step's audio time, so MIDI
 * out follows the jam loop (swaps included) exactly as the voices do. One link per sketch tools bar.
 */
import type { BarPlan } from '../../../music/jam/index.ts';

/** A listener of the jam player; `time` is the audio-clock time of the step's first tick. */
export interface JamTap {
  step(plan: BarPlan, fromTick: number, toTick: number, time: number, tempo: number): void;
  /** Everything must be let go at `time` (the jam stopped). */
  stop(time: number): void;
}

export class JamLink {
  tap: JamTap | null = null;
  /** MIDI clock out (the performance view's), beside the note stream: both follow the same steps. */
  clock: JamTap | null = null;
}
