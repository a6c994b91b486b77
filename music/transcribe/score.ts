/**
 * How well a transcription matches what was sung: the notes matched in order by pitch (a longest
 * common subsequence), how many of those start within a tolerance of the meant onset, and how many
 * notes were heard that were never sung. Used by the tests and by `npm run eval`.
 */
import type { Note } from '../sketch.ts';

export interface TranscriptionScore {
  reference: number;
  heard: number;
  /** Reference notes matched in order with the same pitch. */
  pitchesInOrder: number;
  /** Matched notes whose onset is within the tolerance. */
  onsetsOnTime: number;
  /** Heard notes that match nothing. */
  extra: number;
}

/** Align by pitch, preferring among equal-length alignments the one with closer onsets. */
export function scoreTranscription(reference: readonly Note[], heard: readonly Note[], tolerance: number): TranscriptionScore {
  const n = reference.length;
  const m = heard.length;
  // dp[i][j] = [matches, onsetsOnTime] for reference[i…] and heard[j…]
  const dp: [number, number][][] = Array.from({ length: n + 1 }, () => Array.from({ length: m + 1 }, (): [number, number] => [0, 0]));
  const better = (a: [number, number], b: [number, number]) => (a[0] !== b[0] ? a[0] > b[0] : a[1] > b[1]);
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      let best = better(dp[i + 1]![j]!, dp[i]![j + 1]!) ? dp[i + 1]![j]! : dp[i]![j + 1]!;
      if (reference[i]!.pitch === heard[j]!.pitch) {
        const next = dp[i + 1]![j + 1]!;
        const close = Math.abs(reference[i]!.start - heard[j]!.start) <= tolerance ? 1 : 0;
        const take: [number, number] = [next[0] + 1, next[1] + close];
        if (better(take, best)) best = take;
      }
      dp[i]![j] = best;
    }
  }
  const [matched, onTime] = dp[0]![0]!;
  return { reference: n, heard: m, pitchesInOrder: matched, onsetsOnTime: onTime, extra: m - matched };
}
