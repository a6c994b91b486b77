/**
 * Chords in theory words, computed afresh with Tonal (not copied from the engine's labels, so the
 * Theory panel double-checks them): the roman numeral on the scale step, its function (tonic,
 * subdominant, dominant — from Tonal's Key tables — or borrowed), and the cadence two chords make.
 */
import { Chord, Interval, Key, Note, Scale } from 'tonal';

export type ChordFunction = 'tonic' | 'subdominant' | 'dominant' | 'modal' | 'borrowed';
export type CadenceKind = 'authentic' | 'minor-dominant' | 'plagal' | 'half' | 'deceptive' | 'modal' | 'open';

export interface ChordExplanation {
  symbol: string;
  /** "V7", "i", "bVII" — accidentals measured against the major scale, as the engine writes them. */
  roman: string;
  /** 1–7: the scale step the chord's root stands on. */
  degree: number;
  function: ChordFunction;
}

/** Semitones of each major-scale step above the tonic: the yardstick for "b" and "#". */
const MAJOR_STEPS = [0, 2, 4, 5, 7, 9, 11];
const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII'];
const FUNCTION_NAMES: Record<string, ChordFunction> = { T: 'tonic', SD: 'subdominant', D: 'dominant' };

/** Tonal's harmonic function per scale step, for major keys and natural minor. */
const FUNCTIONS = {
  major: Key.majorKey('C').chordsHarmonicFunction,
  minor: Key.minorKey('A').natural.chordsHarmonicFunction,
};

const mod12 = (n: number) => ((n % 12) + 12) % 12;

/** "minor" when the mode has a minor third and no major third (dorian, phrygian, aeolian …). */
export function modeFamily(key: string, mode: string): 'major' | 'minor' {
  const ivs = Scale.get(`${key} ${mode}`).intervals;
  return ivs.includes('3m') && !ivs.includes('3M') ? 'minor' : 'major';
}

function suffix(quality: string, type: string, aliases: string[]): { minor: boolean; mark: string } {
  const alias = aliases[0] ?? '';
  if (quality === 'Diminished') return { minor: true, mark: type.includes('half') || alias === 'm7b5' ? 'ø7' : /7/.test(alias) ? '°7' : '°' };
  if (quality === 'Augmented') return { minor: false, mark: '+' };
  const seventh = /7|9|11|13/.test(alias);
  const maj7 = /maj7|M7|Δ/.test(alias);
  return { minor: quality === 'Minor', mark: seventh ? (maj7 ? 'maj7' : '7') : '' };
}

/**
 * Explain one chord in a key: explainChord('G7', 'C', 'major') → { roman: 'V7', function: 'dominant', … };
 * null when Tonal cannot read the symbol.
 */
export function explainChord(symbol: string, key: string, mode: string): ChordExplanation | null {
  const chord = Chord.get(symbol);
  const root = chord.tonic;
  if (chord.empty || !root) return null;
  const semis = mod12((Note.chroma(root) ?? 0) - (Note.chroma(key) ?? 0));
  const degree = Interval.get(Interval.distance(key, root)).num;
  const step = ((degree - 1) % 7 + 7) % 7;
  const alt = mod12(semis - (MAJOR_STEPS[step] ?? 0) + 6) - 6;
  const { minor, mark } = suffix(chord.quality, chord.type, chord.aliases);
  const base = ROMAN[step] ?? 'I';
  const roman = `${alt < 0 ? 'b'.repeat(-alt) : '#'.repeat(alt)}${minor ? base.toLowerCase() : base}${mark}`;

  const scale = Scale.get(`${key} ${mode}`);
  const inScale = new Set((scale.empty ? Scale.get(`${key} major`).notes : scale.notes).map((n) => Note.chroma(n)));
  const family = modeFamily(key, mode);
  // Harmonic-minor dominants (V, vii°) are the usual way minor keys pull home, not a borrowing.
  const minorDominant = family === 'minor' && ((semis === 7 && !minor) || semis === 11);
  const outside = chord.notes.some((n) => !inScale.has(Note.chroma(n)));
  const table = FUNCTION_NAMES[FUNCTIONS[family][step] ?? 'T'] ?? 'tonic';
  // Dominant function is the pull of the leading tone; without it (mixolydian's bVII, a minor v)
  // the chord leans home only through the mode's own colour.
  const leading = chord.notes.some((n) => mod12((Note.chroma(n) ?? 0) - (Note.chroma(key) ?? 0)) === 11);
  const fn: ChordFunction = minorDominant ? 'dominant' : outside ? 'borrowed' : table === 'dominant' && !leading ? 'modal' : table;
  return { symbol, roman, degree: step + 1, function: fn };
}

/**
 * Name the cadence two chords make, by their roots and the quality of the V:
 * cadenceOf('G7', 'C', 'C') → 'authentic'; cadenceOf('Em', 'Am', 'A') → 'minor-dominant'.
 */
export function cadenceOf(from: string, to: string, key: string): CadenceKind {
  const rel = (s: string) => mod12((Note.chroma(Chord.get(s).tonic ?? '') ?? 0) - (Note.chroma(key) ?? 0));
  const a = rel(from);
  const b = rel(to);
  // Only a major V carries the leading tone that makes the full stop; a minor v closes modally.
  const majorV = Chord.get(from).intervals.includes('3M');
  if (b === 0 && a === 7) return majorV ? 'authentic' : 'minor-dominant';
  if (b === 0 && a === 5) return 'plagal';
  if (b === 0) return 'modal';
  if (b === 7) return 'half';
  if (a === 7 && (b === 9 || b === 8)) return 'deceptive';
  return 'open';
}

/** What each cadence does, in plain words. */
export const CADENCE_WORDS: Readonly<Record<CadenceKind, string>> = {
  authentic: 'V to I: a full stop, the strongest sense of arriving home',
  'minor-dominant': 'a minor v to home: no leading tone, so it settles softly — a modal close, not a full stop',
  plagal: 'IV to I: a soft, "amen" homecoming',
  half: 'ends on V: a comma, the phrase waits for an answer',
  deceptive: 'V goes somewhere other than home: a surprise turn',
  modal: 'reaches home without the usual V: the mode\'s own way of resolving',
  open: 'ends away from home, so the phrase keeps moving',
};
