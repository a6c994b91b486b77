/**
 * The colour of each mode in plain words, as data, and the line the Theory panel says about the
 * song's mode. Interval facts come from Tonal's `Mode`/`Scale`; the colour words are ours.
 */
import { Mode, Scale } from 'tonal';
import { SCALE_WORDS } from '../styles/words.ts';
import { describeMode } from '../theory/scale.ts';

/** How a mode tends to feel, in a songwriter's words (keys are Tonal scale names). */
export const MODE_COLOURS: Readonly<Record<string, string>> = {
  ionian: 'bright, settled and open — the everyday major sound',
  major: 'bright, settled and open — the everyday major sound',
  dorian: 'minor but hopeful: the raised sixth lets light in, folk and soul love it',
  phrygian: 'dark and tense, with a Spanish or ominous edge from the lowered second',
  lydian: 'dreamy and floating: the raised fourth sounds like wonder or flight',
  mixolydian: 'major but earthy and relaxed: the lowered seventh gives rock and folk swagger',
  aeolian: 'sad, reflective and grounded — the natural minor',
  minor: 'sad, reflective and grounded — the natural minor',
  locrian: 'unstable and uneasy: even its home chord is diminished',
  'harmonic minor': 'minor with a pull: the raised seventh makes a strong leading tone, dramatic and old-world',
  'melodic minor': 'minor that rises towards the light, smooth and jazzy',
  'major pentatonic': 'simple and sunny: five notes with no tension in them',
  'minor pentatonic': 'plain-spoken and bluesy: five notes that are hard to get wrong',
  blues: 'gritty and expressive: minor pentatonic with a bent "blue" note',
};

export interface ModeExplanation {
  /** "D dorian" */
  name: string;
  /** Tonal's scale notes: ["D", "E", "F", …]. */
  notes: string[];
  /** The mode's place among the church modes (1 = ionian … 7 = locrian), null for other scales. */
  modeNumber: number | null;
  /** The triad on the home note in this mode: "m" for dorian (from Tonal's Mode data). */
  homeTriad: string | null;
  colour: string;
}

/** Explain a key + mode: explainMode('D', 'dorian').colour → "minor but hopeful: …". */
export function explainMode(key: string, mode: string): ModeExplanation {
  const scale = Scale.get(`${key} ${mode}`);
  const church = Mode.get(mode);
  // Scales beyond the church modes say what they are (Hijaz: the raised third over a flat second);
  // anything else is at least described by how it differs from plain major or minor.
  const colour = MODE_COLOURS[mode] ?? SCALE_WORDS[mode] ?? MODE_COLOURS[scale.name.replace(/^\S+\s/, '')] ?? describeMode(key, mode).replace(/^[^:]*:\s*/, '');
  return {
    name: `${key} ${mode}`,
    notes: scale.empty ? [] : scale.notes,
    modeNumber: church.empty ? null : church.modeNum + 1,
    homeTriad: church.empty ? null : church.triad,
    colour,
  };
}
