/**
 * Roman numerals → chords, through Tonal. Quality comes from the numeral itself (lower case =
 * minor, "°" diminished, "+" augmented, suffixes like "7" or "maj7"), because Tonal's
 * Progression.fromRomanNumerals ignores case ("ii" → "D"). Diatonic chords on a degree are
 * stacked in thirds from the scale and named by Chord.detect.
 */
import { Chord, Note, RomanNumeral } from 'tonal';
import type { ScaleInfo } from './scale.ts';

export interface ChordInfo {
  /** Tonal's symbol: "Dm7", "Bb", "F#°". */
  symbol: string;
  /** The numeral as the song uses it: "ii7", "bVII", "V". */
  roman: string;
  /** Root pitch class 0–11. */
  root: number;
  /** Pitch classes, root first then upwards in thirds. */
  chromas: number[];
  /** Scale degree 1–7 of the root (the numeral's letter), for cadence naming. */
  degree: number;
  /** Semitones the root is altered from the major-scale degree ("bVII" → -1). */
  alt: number;
}

/**
 * Tonal parses a chord symbol afresh on every call, and a sketch asks for the same few dozen
 * chords hundreds of times (a fifth of a sketch turn's time went here). Both lookups are pure, so
 * they are remembered; callers only read what they get back.
 */
const gotten = new Map<string, ReturnType<typeof Chord.get>>();
export function chordNamed(symbol: string): ReturnType<typeof Chord.get> {
  let chord = gotten.get(symbol);
  if (!chord) gotten.set(symbol, (chord = Chord.get(symbol)));
  return chord;
}
const detected = new Map<string, string>();
function detectChord(notes: readonly string[]): string {
  const key = notes.join(' ');
  let name = detected.get(key);
  if (name === undefined) detected.set(key, (name = Chord.detect([...notes])[0] ?? ''));
  return name;
}

/**
 * Chords spelled in a scale, remembered per scale (the same ScaleInfo object, which nothing
 * mutates): planHarmony spells every slot's numeral afresh, each spelling a round of Tonal's
 * parsers, and a 3-minute song asks for the same dozen chords a few hundred times. ChordInfo is
 * read-only to every caller, so handing out the same object is safe.
 */
const spelled = new WeakMap<ScaleInfo, Map<string, ChordInfo>>();
function remembered(scale: ScaleInfo, key: string, make: () => ChordInfo): ChordInfo {
  let byKey = spelled.get(scale);
  if (!byKey) spelled.set(scale, (byKey = new Map()));
  let chord = byKey.get(key);
  if (!chord) byKey.set(key, (chord = make()));
  return chord;
}
/** The harmony scale's pitch classes, per scale (isDiatonic asks once per chord slot). */
const harmonyChromas = new WeakMap<ScaleInfo, ReadonlySet<number | null>>();

/** Suffix spellings people write, mapped to what Tonal's Chord.get understands. */
const SUFFIX_ALIASES: Record<string, string> = {
  '': '',
  '°': 'dim',
  o: 'dim',
  dim: 'dim',
  '°7': 'dim7',
  o7: 'dim7',
  dim7: 'dim7',
  ø: 'm7b5',
  ø7: 'm7b5',
  '+': 'aug',
  aug: 'aug',
  M7: 'maj7',
  Δ: 'maj7',
  Δ7: 'maj7',
};

const MINOR_LIKE = /^(m(?!aj)|dim|°|ø|o)/;

/** Chord symbol suffix for a numeral: lower-case numerals become minor unless marked otherwise. */
function suffixFor(upper: boolean, raw: string): string {
  const s = SUFFIX_ALIASES[raw] ?? raw;
  if (upper || MINOR_LIKE.test(s) || s.startsWith('dim') || s.startsWith('m7b5')) return s;
  // "ii7" → m7, "vi9" → m9, "iimaj7" → mMaj7.
  if (s.startsWith('maj')) return `mMaj${s.slice(3)}`;
  return `m${s}`;
}

/** A chord from Tonal note names, or null when Tonal cannot spell it. */
function fromTonal(symbol: string, roman: string, degree: number, alt: number): ChordInfo | null {
  const chord = chordNamed(symbol);
  if (chord.empty || chord.notes.length === 0) return null;
  const chromas = chord.notes.map((n) => Note.chroma(n) ?? 0);
  return { symbol: tidySymbol(chord.symbol || symbol, chord.type), roman, root: chromas[0] ?? 0, chromas, degree, alt };
}

/** Tonal spells a detected major triad "CM"; musicians write "C". */
function tidySymbol(symbol: string, type: string): string {
  return type === 'major' && symbol.endsWith('M') ? symbol.slice(0, -1) : symbol;
}

/**
 * Spell a roman numeral in a key: romanToChord(scaleInfo('C','major'), 'ii7').symbol → "Dm7".
 * Unknown numerals fall back to a plain chord symbol ("Am") and finally to the tonic triad.
 */
export function romanToChord(scale: ScaleInfo, numeral: string): ChordInfo {
  return remembered(scale, `r${numeral}`, () => spellRoman(scale, numeral));
}

function spellRoman(scale: ScaleInfo, numeral: string): ChordInfo {
  // Tonal's numeral grammar treats the "i" in "dim" as part of the numeral; spell it "°" first.
  const clean = numeral.trim().replace(/dim/g, '°');
  const rn = RomanNumeral.get(clean);
  if (!rn.empty) {
    // Unaltered numerals name the mode's own degree ("VI" in A minor is F, as musicians read it);
    // an explicit accidental is measured from the major scale ("bVII" in C is Bb).
    const root = rn.acc ? Note.transpose(scale.key, rn.interval) : (scale.harmonyNotes[rn.step] ?? scale.key);
    const rootChroma = Note.chroma(root) ?? 0;
    const alt = (((rootChroma - scale.tonicChroma - (MAJOR_STEPS[rn.step] ?? 0)) % 12) + 18) % 12 - 6;
    const suffix = suffixFor(rn.major, rn.chordType);
    const made = fromTonal(`${Note.pitchClass(root)}${suffix}`, numeral.trim(), rn.step + 1, alt);
    if (made) return made;
    const triad = fromTonal(`${Note.pitchClass(root)}${rn.major ? '' : 'm'}`, numeral.trim(), rn.step + 1, alt);
    if (triad) return triad;
  }
  const asSymbol = fromTonal(numeral.trim(), numeral.trim(), 1, 0);
  if (asSymbol) return asSymbol;
  return diatonicChord(scale, 1, false);
}

/** Semitones of each major-scale degree above the tonic: the yardstick for "b" and "#". */
const MAJOR_STEPS = [0, 2, 4, 5, 7, 9, 11];

const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII'];

/** A roman numeral for a Tonal chord quality on a degree: ("minor", 2) → "ii". */
function numeralFor(symbolType: string, degree: number, seventh: boolean, alt: number): string {
  const base = ROMAN[degree - 1] ?? 'I';
  const acc = alt < 0 ? 'b'.repeat(-alt) : '#'.repeat(Math.max(0, alt));
  const minor = /^m(?!aj)/.test(symbolType) || symbolType.startsWith('dim') || symbolType.startsWith('m7b5');
  const numeral = minor ? base.toLowerCase() : base;
  if (symbolType.startsWith('dim') || symbolType === '°') return `${acc}${numeral}°${seventh ? '7' : ''}`;
  if (symbolType.startsWith('m7b5')) return `${acc}${numeral}ø7`;
  if (symbolType.startsWith('aug')) return `${acc}${numeral}+`;
  if (!seventh) return `${acc}${numeral}`;
  if (/maj7/i.test(symbolType)) return `${acc}${numeral}maj7`;
  return `${acc}${numeral}7`;
}

/**
 * The chord the harmony scale itself builds on a degree (1–7), stacked in thirds:
 * diatonicChord(scaleInfo('C','major'), 2, true).symbol → "Dm7".
 */
export function diatonicChord(scale: ScaleInfo, degree: number, seventh: boolean): ChordInfo {
  return remembered(scale, `d${degree}:${seventh}`, () => stackDiatonic(scale, degree, seventh));
}

function stackDiatonic(scale: ScaleInfo, degree: number, seventh: boolean): ChordInfo {
  const notes = scale.harmonyNotes;
  const d = (((degree - 1) % 7) + 7) % 7;
  const stack = [0, 2, 4, ...(seventh ? [6] : [])].map((k) => notes[(d + k) % notes.length] ?? scale.key);
  const detectedName = detectChord(stack);
  const rootName = stack[0] ?? scale.key;
  const chord = chordNamed(detectedName);
  const type = chord.empty ? '' : chord.aliases[0] ?? '';
  const chromas = stack.map((n) => Note.chroma(n) ?? 0);
  const majorDegree = MAJOR_STEPS[d] ?? 0;
  const rootChroma = chromas[0] ?? 0;
  const alt = ((rootChroma - (scale.tonicChroma + majorDegree)) % 12 + 18) % 12 - 6;
  const symbol = chord.empty || chord.tonic !== rootName ? `${rootName}${type}` : chord.symbol;
  return {
    symbol: chordNamed(symbol).empty ? rootName : tidySymbol(symbol, chordNamed(symbol).type),
    roman: numeralFor(type || (chord.quality === 'Minor' ? 'm' : ''), d + 1, seventh, alt),
    root: rootChroma,
    chromas,
    degree: d + 1,
    alt,
  };
}

/** true when every tone of the chord lies in the harmony scale. */
export function isDiatonic(scale: ScaleInfo, chord: ChordInfo): boolean {
  let set = harmonyChromas.get(scale);
  if (!set) harmonyChromas.set(scale, (set = new Set(scale.harmonyNotes.map((n) => Note.chroma(n)))));
  return chord.chromas.every((c) => set.has(c));
}

/** Add the scale's seventh above a triad when it is diatonic, else the usual seventh for its quality. */
export function withSeventh(scale: ScaleInfo, chord: ChordInfo): ChordInfo {
  if (chord.chromas.length >= 4) return chord;
  if (isDiatonic(scale, chord)) {
    const d = diatonicChord(scale, chord.degree, true);
    if (d.root === chord.root) return { ...d, roman: d.roman };
  }
  const numeral = /7|9|11|13/.test(chord.roman) ? chord.roman : `${chord.roman}7`;
  return romanToChord(scale, numeral);
}
