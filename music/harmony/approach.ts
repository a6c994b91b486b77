/**
 * How each scale beyond the church modes is harmonised, as data. Functional scales (harmonic and
 * melodic minor, the pentatonics) keep the engine's ordinary loops and cadences; scales whose
 * colour would be lost in functional harmony get vamps, drones or symmetric chords instead, and
 * every chord listed here is spelled exactly and uses only tones of the scale (tested).
 * Numerals with "b" are measured from the major scale, as musicians write them ("bII" in E is F).
 */
import type { Cadence } from './templates.ts';

export type ApproachKind = 'functional' | 'modal vamp' | 'drone' | 'symmetric' | 'blues';

export interface ScaleApproach {
  kind: ApproachKind;
  /** Loops that keep the scale's colour; absent → the engine's ordinary tables. */
  loops?: readonly (readonly string[])[];
  cadences?: readonly Cadence[];
  /** Bass that suits the approach (a drone wants a pedal). */
  bass?: 'pedal' | 'root' | 'root-fifth' | 'walking';
  /** The approach in a musician's words, for explanations. */
  words: string;
}

export const SCALE_APPROACHES: Readonly<Record<string, ScaleApproach>> = {
  'major pentatonic': { kind: 'functional', words: 'ordinary major chords underneath; the melody simply leaves out the fourth and seventh, so nothing rubs' },
  'minor pentatonic': { kind: 'functional', words: 'ordinary minor-key chords underneath; five melody notes that sit over almost any of them' },
  blues: { kind: 'blues', bass: 'walking', words: 'dominant-seventh chords on I, IV and V in the twelve-bar form, with the minor-sounding blues scale rubbing against them on purpose' },
  'minor blues': { kind: 'blues', bass: 'walking', words: 'dominant-seventh chords on I, IV and V in the twelve-bar form, with the minor-sounding blues scale rubbing against them on purpose' },
  'major blues': { kind: 'blues', bass: 'walking', words: 'the twelve-bar I7–IV7–V7 form with a sweeter, major-leaning blues line' },
  'harmonic minor': { kind: 'functional', words: 'minor-key chords with a major V: the raised seventh gives a real leading tone and a strong V–i cadence' },
  'melodic minor': { kind: 'functional', words: 'a minor tonic with a major IV and V: smooth, a little jazzy, and it cadences like major' },
  'phrygian dominant': {
    kind: 'modal vamp',
    loops: [['I', 'bII', 'I', 'bII'], ['I', 'bII', 'bvii', 'I'], ['I', 'iv', 'bII', 'I'], ['iv', 'bvii', 'bII', 'I']],
    cadences: [{ kind: 'modal', chords: ['bII', 'I'] }, { kind: 'modal', chords: ['bvii', 'I'] }, { kind: 'modal', chords: ['iv', 'bII', 'I'] }],
    words: 'a vamp on the home chord and the chord a semitone above it (I–bII–I), closing bvii–I or bII–I — the Hijaz and flamenco sound',
  },
  'double harmonic major': {
    kind: 'modal vamp',
    loops: [['I', 'bII', 'I', 'bII'], ['I', 'bII', 'iv', 'I'], ['I', 'iv', 'bII', 'I'], ['I', 'bII', 'iii', 'bII']],
    cadences: [{ kind: 'modal', chords: ['bII', 'I'] }, { kind: 'modal', chords: ['iv', 'I'] }],
    bass: 'pedal',
    words: 'a drone-like vamp between the home chord and the chord a semitone above, over a held bass: two augmented seconds give it its desert colour',
  },
  hirajoshi: {
    kind: 'drone',
    loops: [['I5', 'I5', 'bVI', 'I5'], ['I5', 'bVI', 'V5', 'I5'], ['I5', 'V5', 'bVI', 'V5'], ['I5', 'I5', 'V5', 'I5']],
    cadences: [{ kind: 'drone', chords: ['bVI', 'I5'] }, { kind: 'drone', chords: ['V5', 'I5'] }],
    bass: 'pedal',
    words: 'a drone on the home note with open fifths over it, moving only to the chord on the flat sixth: the melody carries the colour',
  },
  'in-sen': {
    kind: 'drone',
    loops: [['I5', 'bVII5', 'I5', 'IV5'], ['Isus4', 'I5', 'bVII5', 'I5'], ['I5', 'IV5', 'bVII5', 'I5'], ['I5', 'I5', 'Isus4', 'I5']],
    cadences: [{ kind: 'drone', chords: ['bVII5', 'I5'] }, { kind: 'drone', chords: ['Isus4', 'I5'] }],
    bass: 'pedal',
    words: 'a drone on the home note with open fifths and a suspended fourth: no thirds, so the half-step above the tonic does the talking',
  },
  'whole tone': {
    kind: 'symmetric',
    loops: [['I+', 'II+', 'I+', 'II+'], ['I+', 'bVII+', 'I+', 'II+'], ['I+', 'I+', 'II+', 'II+']],
    cadences: [{ kind: 'symmetric', chords: ['II+', 'I+'] }, { kind: 'symmetric', chords: ['bVII+', 'I+'] }],
    words: 'augmented chords a whole step apart: every note is the same distance from the next, so nothing pulls home — dreamy and weightless',
  },
};

/** The twelve-bar blues, one numeral per bar: four bars of I, two of IV, two of I, V–IV–I–V turnaround. */
export const TWELVE_BAR: readonly string[] = ['I7', 'I7', 'I7', 'I7', 'IV7', 'IV7', 'I7', 'I7', 'V7', 'IV7', 'I7', 'V7'];

/** The approach for a scale, or undefined for the church modes: approachFor('hirajoshi').kind → "drone". */
export function approachFor(mode: string): ScaleApproach | undefined {
  return SCALE_APPROACHES[mode];
}
