/**
 * Chords the musician played in (a MIDI keyboard take, a file) → the song's progression: one chord
 * per bar (or per half bar, by the song's harmonic rhythm), named by Tonal from the notes sounding
 * there with the lowest as the likely root, then written as roman numerals of the song's key so the
 * engine plays exactly that progression in every section that has no chords of its own.
 */
import { Chord, Note as TonalNote, Progression } from 'tonal';
import type { SongParameters } from '../params.ts';
import type { Note } from '../sketch.ts';
import { meterInfo } from '../theory/meter.ts';

/** Tonal's "VIm7" / "VIIdim" → the house spelling "vi7" / "vii°" (lower case = minor). */
export function houseNumeral(tonal: string): string {
  const m = /^([b#]*)([IV]+)(.*)$/.exec(tonal);
  if (!m) return tonal;
  const [, acc, numeral, rest] = m as unknown as [string, string, string, string];
  if (rest.startsWith('dim')) return `${acc}${numeral.toLowerCase()}°${rest.slice(3)}`;
  if (/^m(?!aj)/.test(rest)) return `${acc}${numeral.toLowerCase()}${rest.slice(1)}`;
  if (rest === 'M') return `${acc}${numeral}`;
  return `${acc}${numeral}${rest}`;
}

/** Chord types a player most likely means, by Tonal's first alias. */
const COMMON = new Set(['M', 'm', '7', 'maj7', 'm7', 'dim', 'm7b5', 'dim7', 'aug', 'sus4', 'sus2', '6', 'm6', '5', '9', 'add9']);

/** The chord a set of notes makes: the lowest note leads (root or bass), a lone note is its own major triad. */
export function nameChord(notes: readonly Note[]): string | null {
  if (!notes.length) return null;
  const byPitch = [...notes].sort((a, b) => a.pitch - b.pitch);
  const names: string[] = [];
  for (const n of byPitch) {
    const pc = TonalNote.pitchClass(TonalNote.fromMidi(n.pitch));
    if (!names.includes(pc)) names.push(pc);
  }
  if (names.length === 1) return names[0]!;
  // Tonal lists every reading ("Em#5" and "CM/E" for E–G–C); a player means the plainest one.
  const readings = Chord.detect(names).map((s) => s.split('/')[0]!);
  const plain = readings.find((s) => COMMON.has(Chord.get(s).aliases[0] ?? '')) ?? readings[0];
  if (!plain) return `${names[0]}5`;
  return plain.replace(/^([A-G][#b]?)M$/, '$1');
}

/**
 * One numeral per harmonic-rhythm slot of the played notes (empty slots carry the last chord on).
 * @example playedProgression(notes, params) // ['I', 'vi', 'IV', 'V']
 */
export function playedProgression(notes: readonly Note[], params: SongParameters): string[] {
  const meter = meterInfo(params.meter, params.meterGrouping);
  const slot = Math.round(meter.ticksPerBar / params.harmony.chordsPerBar);
  if (!notes.length) return [];
  const first = Math.floor(Math.min(...notes.map((n) => n.start)) / meter.ticksPerBar) * meter.ticksPerBar;
  const end = Math.max(...notes.map((n) => n.start + n.duration));
  const numerals: string[] = [];
  for (let t = first; t < end && numerals.length < 32; t += slot) {
    // Notes struck in the slot, or held into its start.
    const sounding = notes.filter((n) => (n.start >= t && n.start < t + slot) || (n.start < t && n.start + n.duration > t + slot / 2));
    const symbol = nameChord(sounding);
    const previous = numerals[numerals.length - 1];
    if (!symbol) {
      if (previous) numerals.push(previous);
      continue;
    }
    const [numeral] = Progression.toRomanNumerals(params.key, [symbol]);
    numerals.push(numeral ? houseNumeral(numeral) : symbol);
  }
  return numerals;
}

/** The song with the played progression in every section that has no chords of its own. */
export function withPlayedChords(params: SongParameters, numerals: readonly string[]): SongParameters {
  if (!numerals.length) return params;
  return { ...params, sections: params.sections.map((s) => (s.chords.length ? s : { ...s, chords: [...numerals] })) };
}
