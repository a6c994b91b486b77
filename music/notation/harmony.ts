/**
 * Chord symbols as MusicXML <harmony> data: root and bass as step + alter, and the chord's kind
 * from a table keyed by Tonal's chord-type name (falling back on Tonal's quality). The symbol's own
 * suffix travels in kind's `text`, so programs show "m7" exactly as Innerchord spelled it.
 */
import { Chord, Note } from 'tonal';

/** Tonal chord-type name → MusicXML kind value. */
export const KIND_BY_TYPE: Readonly<Record<string, string>> = {
  major: 'major',
  minor: 'minor',
  augmented: 'augmented',
  diminished: 'diminished',
  'dominant seventh': 'dominant',
  'major seventh': 'major-seventh',
  'minor seventh': 'minor-seventh',
  'diminished seventh': 'diminished-seventh',
  'augmented seventh': 'augmented-seventh',
  'half-diminished': 'half-diminished',
  'minor/major seventh': 'major-minor',
  sixth: 'major-sixth',
  'minor sixth': 'minor-sixth',
  'dominant ninth': 'dominant-ninth',
  'major ninth': 'major-ninth',
  'minor ninth': 'minor-ninth',
  eleventh: 'dominant-11th',
  'minor eleventh': 'minor-11th',
  'dominant thirteenth': 'dominant-13th',
  'major thirteenth': 'major-13th',
  'minor thirteenth': 'minor-13th',
  'suspended second': 'suspended-second',
  'suspended fourth': 'suspended-fourth',
  fifth: 'power',
};

/** Tonal quality → MusicXML kind, for types the table does not name. */
const KIND_BY_QUALITY: Readonly<Record<string, string>> = {
  Major: 'major',
  Minor: 'minor',
  Augmented: 'augmented',
  Diminished: 'diminished',
};

export interface HarmonyPitch {
  step: string;
  alter: number;
}

export interface HarmonyData {
  root: HarmonyPitch;
  /** A MusicXML kind value: "minor-seventh", "dominant" … */
  kind: string;
  /** The symbol's suffix as written: "m7", "" for a major triad. */
  text: string;
  bass?: HarmonyPitch;
}

function pitchOf(name: string): HarmonyPitch | undefined {
  const note = Note.get(name);
  return note.empty ? undefined : { step: note.letter, alter: note.alt };
}

/**
 * Root, kind and bass of a Tonal-spelled symbol, or undefined if it names no root.
 * @example harmonyOf('Bbmaj7/D') // { root: { step: 'B', alter: -1 }, kind: 'major-seventh', text: 'maj7', bass: { step: 'D', alter: 0 } }
 */
export function harmonyOf(symbol: string): HarmonyData | undefined {
  const chord = Chord.get(symbol);
  // "Cm/ma7" is Tonal's minor-major seventh, not C minor over A: only a real bass note splits it.
  const slash = /^(.*)\/([A-G](?:#{1,2}|b{1,2})?)$/.exec(symbol);
  const bassName = chord.bass || (chord.empty ? slash?.[2] : undefined);
  const head = bassName && slash ? slash[1]! : symbol;
  const tonic = /^[A-G](#{1,2}|b{1,2})?/.exec(head)?.[0];
  const root = tonic ? pitchOf(tonic) : undefined;
  if (!tonic || !root) return undefined;
  const kind = chord.empty ? 'other' : (KIND_BY_TYPE[chord.type] ?? KIND_BY_QUALITY[chord.quality] ?? 'other');
  const bass = bassName ? pitchOf(bassName) : undefined;
  return { root, kind, text: head.slice(tonic.length), ...(bass ? { bass } : {}) };
}
