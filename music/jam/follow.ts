/**
 * The jam follows the player: which key and which chord the notes they play belong to (Tonal
 * names the chord, the key comes from how long each pitch class sounds), the loop's parameters
 * re-harmonised to that chord in that key, and tap tempo. Pure: notes in, names and parameters out;
 * the player hands the new loop to the schedule, which lands it on the next barline.
 */
import { Chord, Note, Progression } from 'tonal';
import type { SongParameters } from '../params.ts';
import { pitchClassProfile, rankKeys } from '../analyze/key.ts';

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
 * The key the notes are in, or null when nothing was played: the analyser's Krumhansl–Schmuckler
 * key finding (music/analyze/key.ts) over how long each pitch class sounded, so a passing note
 * counts less than a held one. detectKey([C, E, G, F, D, B, C held]) → { tonic: 'C', mode: 'major', … }.
 */
export function detectKey(notes: readonly PlayedNote[]): DetectedKey | null {
  // Every played note counts for at least a tick, even one released at once.
  const [best] = rankKeys(pitchClassProfile(notes.map((n) => ({ pitch: Math.round(n.pitch), duration: Math.max(1, n.duration) }))));
  return best ? { tonic: best.key, mode: best.mode, strength: best.correlation } : null;
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
