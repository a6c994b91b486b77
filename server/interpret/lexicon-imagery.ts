/**
 * English imagery (places, seasons, times of day) and phrases, from lang/en/feelings.json: songs
 * are often described by a picture ("rain on the window") rather than a feeling.
 */
import { ENGLISH, type Affect } from './lexicon.ts';

export const IMAGERY: Readonly<Record<string, Affect>> = ENGLISH.data.imagery;
/** Phrases that mean more than their words; matched first, longest first. */
export const PHRASES: Readonly<Record<string, Affect>> = ENGLISH.data.phrases;
