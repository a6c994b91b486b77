/** What the live player shows tests and the bench through `window.__innerchordPlay` (read-only). */
import type { PlayedNote } from '../../../music/jam/index.ts';

/** One answer the engine gave: when the call's rest was complete, the first tick still free, and where it landed. */
export interface AnswerLog {
  restAt: number;
  earliest: number;
  at: number;
  notes: number;
  variation: string;
}

/** What tests and the bench read through `window.__innerchordPlay`. */
export interface PlayDebug {
  readonly notesPlayed: number;
  /** Milliseconds from each input event to its sound's start (event dispatch + scheduling + output latency). */
  readonly latencies: readonly number[];
  readonly level: number;
  readonly chord: string | null;
  readonly key: string | null;
  readonly performance: readonly PlayedNote[];
  readonly answers: readonly AnswerLog[];
  readonly ports: readonly string[];
  /** Jam ticks of the latest note-ons (the last 50; none while the jam is stopped). */
  readonly onsets: readonly number[];
}

declare global {
  interface Window {
    __innerchordPlay?: PlayDebug;
  }
}
