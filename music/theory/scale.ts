/**
 * The song's scale as the engine uses it: pitch classes from Tonal, the mode family (major-ish or
 * minor-ish), and a seven-note "harmony scale" to build chords from. Modes that are not
 * heptatonic (pentatonics, blues …) harmonise from their parent major or minor.
 */
import { Interval, Note, Scale } from 'tonal';

export type ModeFamily = 'major' | 'minor';

export interface ScaleInfo {
  key: string;
  mode: string;
  /** Tonal's spelling of the scale: ["D", "E", "F", …]. */
  notes: string[];
  /** Pitch classes 0–11 of the scale. */
  chromas: number[];
  tonicChroma: number;
  family: ModeFamily;
  /** Seven notes to stack chords from: the scale itself, or its parent major / minor. */
  harmonyNotes: string[];
  heptatonic: boolean;
}

/**
 * Build ScaleInfo: scaleInfo('D', 'dorian').family → 'minor'. Remembered per key and mode: a
 * sketch asks for its scale in several places, and the chords spelled in a scale are remembered
 * per ScaleInfo object (theory/chord.ts), so one object per scale lets them serve every sketch in
 * it. Read-only to every caller.
 */
export function scaleInfo(key: string, mode: string): ScaleInfo {
  const name = `${key} ${mode}`;
  let info = scales.get(name);
  if (!info) {
    if (scales.size >= 512) scales.clear();
    scales.set(name, (info = buildScaleInfo(key, mode)));
  }
  return info;
}

const scales = new Map<string, ScaleInfo>();

function buildScaleInfo(key: string, mode: string): ScaleInfo {
  const scale = Scale.get(`${key} ${mode}`);
  const notes = scale.empty ? Scale.get(`${key} major`).notes : scale.notes;
  const intervals = scale.empty ? ['1P', '2M', '3M'] : scale.intervals;
  // A scale with a minor third and no major third is minor-ish; everything else leans major.
  const family: ModeFamily = intervals.includes('3m') && !intervals.includes('3M') ? 'minor' : 'major';
  const heptatonic = notes.length === 7;
  const harmonyNotes = heptatonic ? notes : Scale.get(`${key} ${family === 'minor' ? 'aeolian' : 'major'}`).notes;
  return {
    key,
    mode: scale.empty ? 'major' : mode,
    notes,
    chromas: notes.map((n) => Note.chroma(n) ?? 0),
    tonicChroma: Note.chroma(key) ?? 0,
    family,
    harmonyNotes,
    heptatonic,
  };
}

/** true when the pitch class (0–11) belongs to the scale. */
export function inScale(info: ScaleInfo, chroma: number): boolean {
  return info.chromas.includes(((chroma % 12) + 12) % 12);
}

const ORDINAL = ['', 'first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh'];

/**
 * Describe a mode against the major or natural minor scale, from Tonal's intervals:
 * describeMode('D', 'dorian') → "D dorian: minor with a raised sixth".
 */
export function describeMode(key: string, mode: string): string {
  const name = `${key} ${mode}`;
  let text = described.get(name);
  if (text === undefined) described.set(name, (text = describeAfresh(key, mode)));
  return text;
}

/** describeMode's sentences by "key mode": every sketch's first fact, each a round of Tonal's scale and interval parsers. */
const described = new Map<string, string>();

function describeAfresh(key: string, mode: string): string {
  const scale = Scale.get(`${key} ${mode}`);
  if (scale.empty) return `${key} ${mode}`;
  const info = scaleInfo(key, mode);
  const reference = Scale.get(`${key} ${info.family === 'minor' ? 'aeolian' : 'major'}`).intervals;
  const byDegree = (ivs: string[]) => new Map(ivs.map((iv) => [Interval.get(iv).num, iv]));
  const mine = byDegree(scale.intervals);
  const ref = byDegree(reference);
  const changes: string[] = [];
  const missing: string[] = [];
  for (const [num, refIv] of ref) {
    const own = mine.get(num);
    if (own === undefined) missing.push(ORDINAL[num] ?? `${num}th`);
    else {
      const diff = (Interval.get(own).semitones ?? 0) - (Interval.get(refIv).semitones ?? 0);
      if (diff > 0) changes.push(`a raised ${ORDINAL[num]}`);
      if (diff < 0) changes.push(`a lowered ${ORDINAL[num]}`);
    }
  }
  const base = info.family;
  const parts: string[] = [];
  if (changes.length) parts.push(`${base} with ${changes.join(' and ')}`);
  if (missing.length) parts.push(`the ${base} scale without its ${missing.join(' and ')}`);
  const extra = scale.notes.length > 7 ? ` (${scale.notes.length} notes)` : '';
  const text = parts.length ? parts.join(', ') : `the plain ${base} scale`;
  return `${key} ${mode}: ${text}${extra}`;
}
