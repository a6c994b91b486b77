/** Shapes the offline interpreter and reviser return; the guide helper and the CLI consume them. */
import type { SongParameters } from '../../music/params.ts';

/** Where the song sits on Russell's circumplex, and the words that put it there. */
export interface EmotionReading {
  valence: number;
  arousal: number;
  /** Lexicon words found, as written ("not happy" keeps its negation). */
  words: string[];
}

/** interpretOffline's answer: validated parameters plus what was heard. */
export interface Interpretation {
  params: SongParameters;
  emotion: EmotionReading;
  /** Requests honoured exactly, e.g. ["key D minor", "tempo 72"]. */
  explicit: string[];
}

/** reviseOffline's answer: the changed parameters and what was understood, in words. */
export interface Revision {
  params: SongParameters;
  /** One line per change: "slower: 96 → 80 bpm". */
  understood: string[];
  /** True when nothing in the request was recognised; params are then unchanged. */
  unrecognised: boolean;
  /** Sections the request named that the song does not have ("bridge"): why nothing changed. */
  absent?: string[];
  /** The language the request's revision words are in ("en", "de" …), for the reply. */
  language?: string;
}
