/**
 * The English feeling words as a table, for callers and tests that want the raw list. The data
 * lives in lang/en/feelings.json (Innerchord's own list, MIT); other languages beside it.
 */
import { ENGLISH, type Affect } from './lexicon.ts';

export type { Affect };
/** Emotion words → [valence, arousal] on Russell's circumplex, each in [-1, 1]. */
export const FEELINGS: Readonly<Record<string, Affect>> = ENGLISH.data.feelings;
