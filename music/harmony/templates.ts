/**
 * Progression vocabularies as data: loops keyed by mode family and emotional region (quadrant of
 * the valence/arousal circumplex), flavour loops for modes with a signature sound, cadence
 * formulas by mode, and chords a mode may borrow from its parallel. Unaltered numerals name the
 * mode's own degrees ("VI" in minor is the flat sixth); "b" marks a chord from outside.
 */
import type { ModeFamily } from '../theory/scale.ts';

/** Valence/arousal quadrant: bright (+,+), tender (+,−), tense (−,+), sad (−,−). */
export type Quadrant = 'bright' | 'tender' | 'tense' | 'sad';

/** Which quadrant a (valence, arousal) point falls in. */
export function quadrantOf(valence: number, arousal: number): Quadrant {
  if (valence >= 0) return arousal >= 0 ? 'bright' : 'tender';
  return arousal >= 0 ? 'tense' : 'sad';
}

export const PROGRESSIONS: Record<ModeFamily, Record<Quadrant, readonly string[][]>> = {
  major: {
    bright: [['I', 'V', 'vi', 'IV'], ['I', 'IV', 'V', 'IV'], ['I', 'IV', 'vi', 'V'], ['IV', 'I', 'V', 'vi']],
    tender: [['I', 'vi', 'IV', 'V'], ['I', 'iii', 'IV', 'I'], ['IV', 'I', 'ii', 'V'], ['I', 'IV', 'I', 'V']],
    tense: [['vi', 'IV', 'I', 'V'], ['ii', 'V', 'iii', 'vi'], ['vi', 'V', 'IV', 'V'], ['I', 'iii', 'vi', 'IV']],
    sad: [['vi', 'IV', 'I', 'V'], ['I', 'vi', 'ii', 'V'], ['vi', 'iii', 'IV', 'I'], ['IV', 'vi', 'ii', 'V']],
  },
  minor: {
    bright: [['i', 'VI', 'III', 'VII'], ['i', 'VII', 'VI', 'VII'], ['VI', 'VII', 'i', 'i'], ['i', 'III', 'VII', 'VI']],
    tender: [['i', 'VI', 'III', 'VII'], ['i', 'iv', 'VI', 'v'], ['VI', 'III', 'VII', 'i'], ['i', 'III', 'iv', 'i']],
    tense: [['i', 'VII', 'VI', 'v'], ['i', 'iv', 'v', 'i'], ['i', 'VI', 'iv', 'v'], ['i', 'i', 'VI', 'VII']],
    sad: [['i', 'iv', 'VI', 'v'], ['i', 'VI', 'iv', 'i'], ['i', 'iv', 'i', 'v'], ['VI', 'iv', 'i', 'v']],
  },
};

/** Modes whose colour lives in one chord get loops that feature it (used instead of the family loops). */
export const MODE_PROGRESSIONS: Readonly<Record<string, readonly string[][]>> = {
  dorian: [['i', 'IV', 'i', 'IV'], ['i', 'ii', 'IV', 'i'], ['i', 'IV', 'VII', 'i'], ['i', 'v', 'IV', 'i']],
  mixolydian: [['I', 'VII', 'IV', 'I'], ['I', 'v', 'IV', 'I'], ['I', 'VII', 'I', 'IV'], ['I', 'IV', 'VII', 'IV']],
  lydian: [['I', 'II', 'I', 'II'], ['I', 'II', 'vii', 'I'], ['I', 'II', 'V', 'I'], ['I', 'vi', 'II', 'I']],
  phrygian: [['i', 'II', 'i', 'II'], ['i', 'II', 'VII', 'i'], ['i', 'VII', 'VI', 'II'], ['i', 'iv', 'II', 'i']],
  'harmonic minor': [['i', 'iv', 'V', 'i'], ['i', 'VI', 'iv', 'V'], ['i', 'iv', 'VI', 'V'], ['VI', 'iv', 'V', 'i']],
};

export interface Cadence {
  /** "authentic", "plagal", "half", "modal" … */
  kind: string;
  chords: readonly string[];
}

/** Closing formulas by mode, falling back to the family. */
export const CADENCES: Readonly<Record<string, readonly Cadence[]>> = {
  major: [
    { kind: 'authentic', chords: ['V', 'I'] },
    { kind: 'authentic', chords: ['ii', 'V', 'I'] },
    { kind: 'plagal', chords: ['IV', 'I'] },
  ],
  minor: [
    { kind: 'plagal', chords: ['iv', 'i'] },
    { kind: 'subtonic', chords: ['VI', 'VII', 'i'] },
    // A minor v has no leading tone, so it is not an authentic cadence.
    { kind: 'minor-dominant', chords: ['v', 'i'] },
  ],
  'harmonic minor': [
    { kind: 'authentic', chords: ['V', 'i'] },
    { kind: 'authentic', chords: ['iv', 'V', 'i'] },
  ],
  dorian: [{ kind: 'modal', chords: ['IV', 'i'] }, { kind: 'modal', chords: ['VII', 'i'] }],
  mixolydian: [{ kind: 'modal', chords: ['VII', 'I'] }, { kind: 'modal', chords: ['v', 'I'] }],
  lydian: [{ kind: 'modal', chords: ['II', 'I'] }],
  phrygian: [{ kind: 'modal', chords: ['II', 'i'] }],
};

/** Half cadences: a section that hands over to the next may stop on the dominant. */
export const HALF_CADENCES: Record<ModeFamily, readonly Cadence[]> = {
  major: [{ kind: 'half', chords: ['IV', 'V'] }, { kind: 'half', chords: ['ii', 'V'] }],
  minor: [{ kind: 'half', chords: ['iv', 'v'] }, { kind: 'half', chords: ['VI', 'VII'] }],
};

/** Borrowed cadences: used when params.harmony.borrowed allows the parallel mode. */
export const BORROWED_CADENCES: Record<ModeFamily, readonly Cadence[]> = {
  major: [{ kind: 'plagal (minor iv)', chords: ['iv', 'I'] }, { kind: 'backdoor', chords: ['bVI', 'bVII', 'I'] }],
  minor: [{ kind: 'authentic', chords: ['V', 'i'] }, { kind: 'authentic', chords: ['iv', 'V', 'i'] }],
};

/** Chords from the parallel mode that a loop may swap in, with the degree they replace. */
export const BORROWED: Record<ModeFamily, readonly { numeral: string; replaces: readonly number[] }[]> = {
  major: [
    { numeral: 'iv', replaces: [4, 2] },
    { numeral: 'bVI', replaces: [6, 4] },
    { numeral: 'bVII', replaces: [5, 3] },
  ],
  minor: [
    { numeral: 'IV', replaces: [4, 6] },
    { numeral: 'V', replaces: [5, 7] },
  ],
};
