/**
 * Key finding by Krumhansl–Schmuckler: correlate a piece's duration-weighted pitch-class profile
 * with the major and minor key profiles rotated to each of the 12 tonics; the best fit wins.
 */
import { Key, Midi as TonalMidi } from 'tonal';
import { KEY_PROFILES, type KeyMode } from './profiles.ts';

export interface KeyEstimate {
  /** Tonic pitch class, spelled as a key would be ("Bb", not "A#"). */
  key: string;
  mode: KeyMode;
  /** Pearson correlation with the key's profile, −1 … 1; above ~0.7 is a clear key. */
  correlation: number;
}

/** Sum note durations per pitch class (0 = C … 11 = B). */
export function pitchClassProfile(notes: Iterable<{ pitch: number; duration: number }>): number[] {
  const profile = new Array<number>(12).fill(0);
  for (const note of notes) profile[((note.pitch % 12) + 12) % 12]! += note.duration;
  return profile;
}

function correlate(a: readonly number[], b: readonly number[]): number {
  const mean = (xs: readonly number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
  const ma = mean(a);
  const mb = mean(b);
  let num = 0;
  let da = 0;
  let db = 0;
  for (let i = 0; i < a.length; i++) {
    const x = a[i]! - ma;
    const y = b[i]! - mb;
    num += x * y;
    da += x * x;
    db += y * y;
  }
  return da === 0 || db === 0 ? 0 : num / Math.sqrt(da * db);
}

/** Of the enharmonic spellings of a tonic, the one whose key signature has fewer accidentals. */
export function spellTonic(pitchClass: number, mode: KeyMode): string {
  const sharp = TonalMidi.midiToNoteName(pitchClass, { pitchClass: true, sharps: true });
  const flat = TonalMidi.midiToNoteName(pitchClass, { pitchClass: true, sharps: false });
  const accidentals = (tonic: string) => Math.abs(mode === 'major' ? Key.majorKey(tonic).alteration : Key.minorKey(tonic).alteration);
  return accidentals(flat) < accidentals(sharp) ? flat : sharp;
}

/**
 * All 24 keys ranked by fit to a 12-bin pitch-class profile, best first; empty when the profile is
 * silent (no pitched notes, so no key to find).
 * @example rankKeys(pitchClassProfile(notes))[0] // { key: 'D', mode: 'minor', correlation: 0.91 }
 */
export function rankKeys(profile: readonly number[]): KeyEstimate[] {
  if (profile.every((x) => x === 0)) return [];
  const estimates: KeyEstimate[] = [];
  for (const mode of ['major', 'minor'] as const) {
    for (let tonic = 0; tonic < 12; tonic++) {
      // Rotate the profile so the candidate tonic sits at index 0, matching the reference.
      const rotated = profile.map((_, i) => profile[(i + tonic) % 12]!);
      estimates.push({ key: spellTonic(tonic, mode), mode, correlation: correlate(rotated, KEY_PROFILES[mode]) });
    }
  }
  return estimates.sort((a, b) => b.correlation - a.correlation);
}
