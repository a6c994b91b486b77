/**
 * Krumhansl–Kessler key profiles (Krumhansl 1990, "Cognitive Foundations of Musical Pitch"):
 * how well each of the 12 pitch classes, counted up from the tonic, was judged to fit a major or
 * minor key context. Published constants, used by the Krumhansl–Schmuckler key-finding algorithm.
 */
export const KEY_PROFILES = {
  major: [6.35, 2.23, 3.48, 2.33, 4.38, 4.09, 2.52, 5.19, 2.39, 3.66, 2.29, 2.88],
  minor: [6.33, 2.68, 3.52, 5.38, 2.6, 3.53, 2.54, 4.75, 3.98, 2.69, 3.34, 3.17],
} as const;

export type KeyMode = keyof typeof KEY_PROFILES;
