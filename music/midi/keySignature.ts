/**
 * The MIDI key-signature meta event (FF 59 02 sf mi), computed with Tonal. Export hands sf and mi
 * to midi-file directly; @tonejs/midi 2.0.28 writes sf as "index + 7" (D major → 16 sharps), which
 * strict readers reject, so its output needs patchKeySignature (the tests' reference encoder).
 */
import { Key, Mode, Note, Scale } from 'tonal';

/** sf: sharps (> 0) or flats (< 0), −7 … 7; mi: 0 major, 1 minor. */
export interface KeySignature {
  sf: number;
  mi: 0 | 1;
}

/** Sharps/flats of a major key, respelled enharmonically when it would need more than 7 (G# → Ab). */
function majorAlteration(tonic: string): number {
  const alt = Key.majorKey(tonic).alteration;
  if (Math.abs(alt) <= 7) return alt;
  return Key.majorKey(Note.enharmonic(tonic)).alteration;
}

/**
 * The signature a notation program should show for a tonic and a Tonal scale name.
 * Church modes take their parent major scale's signature (D dorian → 0, minor flag); other
 * scales take the major or minor key of their tonic by their third (A harmonic minor → 0, minor).
 * @example keySignatureFor('D', 'major') // { sf: 2, mi: 0 }
 */
export function keySignatureFor(tonic: string, mode: string): KeySignature {
  const pc = Note.pitchClass(tonic) || 'C';
  const church = Mode.get(mode);
  if (!church.empty) {
    const parent = Mode.relativeTonic('major', church.name, pc) || pc;
    return { sf: majorAlteration(parent), mi: church.intervals.includes('3m') ? 1 : 0 };
  }
  const minor = Scale.get(`${pc} ${mode}`).intervals.includes('3m');
  if (!minor) return { sf: majorAlteration(pc), mi: 0 };
  // A minor key shares its relative major's signature: the major a minor third above.
  return { sf: majorAlteration(Note.transpose(pc, '3m')), mi: 1 };
}

/** The tonic a signature names: { sf: 2, mi: 1 } → "B" (B minor). */
export function tonicOfSignature(signature: KeySignature): string {
  const major = Key.majorTonicFromKeySignature(signature.sf) ?? 'C';
  return signature.mi === 1 ? Key.majorKey(major).minorRelative : major;
}

/**
 * Overwrite the first key-signature event of track 0 in an encoded file with `signature`.
 * Walks the chunk's events rather than searching for bytes, so text can never be mistaken for it.
 */
export function patchKeySignature(bytes: Uint8Array, signature: KeySignature): Uint8Array {
  const out = bytes.slice();
  const ascii = (at: number) => String.fromCharCode(...out.subarray(at, at + 4));
  if (ascii(0) !== 'MThd') throw new Error('not a MIDI file');
  const headerLength = readUint32(out, 4);
  const trackStart = 8 + headerLength;
  if (ascii(trackStart) !== 'MTrk') throw new Error('MIDI file has no first track');
  const end = trackStart + 8 + readUint32(out, trackStart + 4);
  let at = trackStart + 8;
  while (at < end) {
    at = skipVarLen(out, at);
    const status = out[at]!;
    if (status !== 0xff) break; // track 0 of our files holds meta events only
    const type = out[at + 1]!;
    const lengthAt = at + 2;
    const length = readVarLen(out, lengthAt);
    const dataAt = skipVarLen(out, lengthAt);
    if (type === 0x59 && length === 2) {
      out[dataAt] = signature.sf & 0xff; // two's complement for flats
      out[dataAt + 1] = signature.mi;
      return out;
    }
    at = dataAt + length;
  }
  throw new Error('no key-signature event in track 0 to correct');
}

function readUint32(bytes: Uint8Array, at: number): number {
  return ((bytes[at]! << 24) >>> 0) + (bytes[at + 1]! << 16) + (bytes[at + 2]! << 8) + bytes[at + 3]!;
}

function readVarLen(bytes: Uint8Array, at: number): number {
  let value = 0;
  for (let i = at; ; i++) {
    const byte = bytes[i]!;
    value = value * 128 + (byte & 0x7f);
    if ((byte & 0x80) === 0) return value;
  }
}

function skipVarLen(bytes: Uint8Array, at: number): number {
  let i = at;
  while ((bytes[i]! & 0x80) !== 0) i++;
  return i + 1;
}
