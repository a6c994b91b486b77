/**
 * The jam follows the player: which key and which chord the notes they play belong to (Tonal
 * names the chord, the key comes from how long each pitch class sounds), the loop's parameters
 * re-harmonised to that chord in that key, and tap tempo. Pure: notes in, names and parameters out;
 * the player hands the new loop to the schedule, which lands it on the next barline.
 */
import { Chord, Note, Progression } from 'tonal';
import type { SongParameters } from '../params.ts';

/** A note the musician played, on the jam's timeline (ticks). */
export interface PlayedNote {
  pitch: number;
  start: number;
  duration: number;
  /** 0 … 1, as a sketch's notes (MIDI velocity / 127). */
  velocity: number;
}

export interface DetectedKey {
  /** A pitch class the song schema accepts ("C", "F#", "Bb"). */
  tonic: string;
  mode: 'major' | 'minor';
  /** Pearson correlation of the played pitch classes with the key's profile (−1 … 1). */
  strength: number;
}

/**
 * Krumhansl–Kessler key profiles (probe-tone ratings, 1982): how well each pitch class above the
 * tonic fits a major or a minor key. Correlating them with what was played is the standard
 * key-finding method; Tonal has the scales but no such weighting.
 */
const MAJOR_PROFILE = [6.35, 2.23, 3.48, 2.33, 4.38, 4.09, 2.52, 5.19, 2.39, 3.66, 2.29, 2.88];
const MINOR_PROFILE = [6.33, 2.68, 3.52, 5.38, 2.6, 3.53, 2.54, 4.75, 3.98, 2.69, 3.34, 3.17];

/** How key signatures are usually spelled: Bb major and F# minor, not A# major or Gb minor. */
const MAJOR_NAMES = ['C', 'Db', 'D', 'Eb', 'E', 'F', 'F#', 'G', 'Ab', 'A', 'Bb', 'B'];
const MINOR_NAMES = ['C', 'C#', 'D', 'Eb', 'E', 'F', 'F#', 'G', 'G#', 'A', 'Bb', 'B'];

const chroma = (pitch: number) => ((Math.round(pitch) % 12) + 12) % 12;

function correlate(a: readonly number[], b: readonly number[]): number {
  const mean = (xs: readonly number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
  const ma = mean(a);
  const mb = mean(b);
  let num = 0;
  let da = 0;
  let db = 0;
  for (let i = 0; i < a.length; i++) {
    num += (a[i]! - ma) * (b[i]! - mb);
    da += (a[i]! - ma) ** 2;
    db += (b[i]! - mb) ** 2;
  }
  return da === 0 || db === 0 ? 0 : num / Math.sqrt(da * db);
}

/**
 * The key the notes are in, or null when nothing was played: each pitch class weighs what it
 * sounded for (a passing note counts less than a held one).
 * detectKey([C, E, G, F, D, B, C held]) → { tonic: 'C', mode: 'major', … }.
 */
export function detectKey(notes: readonly PlayedNote[]): DetectedKey | null {
  const weight = new Array<number>(12).fill(0);
  for (const n of notes) weight[chroma(n.pitch)]! += Math.max(1, n.duration);
  if (weight.every((w) => w === 0)) return null;
  let best: DetectedKey | null = null;
  for (let tonic = 0; tonic < 12; tonic++) {
    const rotated = weight.map((_, i) => weight[(tonic + i) % 12]!);
    for (const [mode, profile, names] of [['major', MAJOR_PROFILE, MAJOR_NAMES], ['minor', MINOR_PROFILE, MINOR_NAMES]] as const) {
      const strength = correlate(rotated, profile);
      if (!best || strength > best.strength + 1e-9) best = { tonic: names[tonic]!, mode, strength };
    }
  }
  return best;
}

/** Note name of a MIDI pitch in a key's spelling (flats in flat keys). */
function spell(pitch: number, key: DetectedKey | null): string {
  const flats = key ? /b/.test(key.tonic) || (key.mode === 'major' && key.tonic === 'F') || (key.mode === 'minor' && ['D', 'G', 'C', 'F'].includes(key.tonic)) : false;
  return flats ? Note.fromMidi(pitch) : Note.fromMidiSharps(pitch);
}

/**
 * The chord sounding in a set of pitches (held together, or played within a bar), or null for
 * fewer than three pitch classes: Tonal's Chord.detect with the lowest note as the bass, a root
 * position reading preferred. detectChord([57, 60, 64]) → "Am".
 */
export function detectChord(pitches: readonly number[], key: DetectedKey | null = null): string | null {
  const sorted = [...new Set(pitches.map((p) => Math.round(p)))].sort((a, b) => a - b);
  const names: string[] = [];
  for (const p of sorted) {
    const pc = Note.pitchClass(spell(p, key));
    if (!names.includes(pc)) names.push(pc);
  }
  if (names.length < 3) return null;
  // Tonal lists every reading ("Em#5", "C/E" for E G C); the one a musician means is the
  // commonest chord type, its bass left to the player (the loop wants the harmony).
  const readings = Chord.detect(names).map((c) => c.split('/')[0]!);
  const rank = (c: string) => {
    const i = COMMON_TYPES.indexOf(Chord.get(c).type);
    return i < 0 ? COMMON_TYPES.length : i;
  };
  const name = readings.reduce<string | null>((best, c) => (best === null || rank(c) < rank(best) ? c : best), null);
  if (!name) return null;
  return Chord.get(name).type === 'major' && name.endsWith('M') ? name.slice(0, -1) : name;
}

/** Chord types by how often a player means them, commonest first (Tonal's type names). */
const COMMON_TYPES = ['major', 'minor', 'dominant seventh', 'minor seventh', 'major seventh', 'diminished', 'half-diminished', 'diminished seventh', 'suspended fourth', 'suspended second', 'sixth', 'minor sixth', 'augmented'];

/** A chord symbol as a numeral of the key, as the engine reads numerals: ("Am", C major) → "VIm". */
export function chordNumeral(symbol: string, key: Pick<DetectedKey, 'tonic'>): string | null {
  if (Chord.get(symbol).empty) return null;
  return Progression.toRomanNumerals(key.tonic, [symbol])[0] ?? null;
}

/**
 * The jam's parameters re-harmonised to what the player plays: their key and mode, and — when
 * they play a chord — that chord under every bar of the loop (the band holds the player's chord
 * until they change it). With no chord, the song's own progression in the player's key.
 */
export function followParams(base: SongParameters, key: DetectedKey, chord: string | null): SongParameters {
  const numeral = chord ? chordNumeral(chord, key) : null;
  return {
    ...base,
    key: key.tonic,
    mode: key.mode,
    sections: base.sections.map((s, i) => (i === 0 && numeral ? { ...s, chords: [numeral] } : s)),
  };
}

/**
 * Tap tempo: beats per minute from the last taps (milliseconds), the median gap of the latest run
 * (a pause of two seconds starts a new run), clamped to what the engine plays (40–240).
 * tapTempo([0, 500, 1000, 1500]) → 120. Null until two taps of one run.
 */
export function tapTempo(taps: readonly number[], maxGapMs = 2000): number | null {
  const run: number[] = [];
  for (const t of taps) {
    if (run.length && (t - run.at(-1)! > maxGapMs || t <= run.at(-1)!)) run.length = 0;
    run.push(t);
  }
  const gaps = run.slice(-9).slice(1).map((t, i) => t - run.slice(-9)[i]!);
  if (!gaps.length) return null;
  const sorted = [...gaps].sort((a, b) => a - b);
  const mid = sorted.length / 2;
  const median = sorted.length % 2 ? sorted[Math.floor(mid)]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  return Math.max(40, Math.min(240, Math.round(60_000 / median)));
}
