/**
 * Spelling MIDI pitches as written notes (step, alter, octave) in a key: the key signature's own
 * notes first, then the mode's notes as Tonal spells them (D harmonic minor's C#), then sharps in
 * sharp keys and flats in flat keys.
 */
import { Key, Note, Scale } from 'tonal';
import type { KeySignature } from '../midi/keySignature.ts';

export interface WrittenPitch {
  step: string;
  /** -2 … 2: flats (< 0) or sharps (> 0). */
  alter: number;
  octave: number;
}

const SHARPS = ['C', 'C#', 'D', 'D#', 'E', 'F', 'F#', 'G', 'G#', 'A', 'A#', 'B'] as const;
const FLATS = ['C', 'Db', 'D', 'Eb', 'E', 'F', 'Gb', 'G', 'Ab', 'A', 'Bb', 'B'] as const;

/** A speller for one key: chroma → pitch-class name, chosen once. */
export function pitchSpeller(tonic: string, mode: string, signature: KeySignature): (midi: number) => WrittenPitch {
  const names = new Map<number, string>();
  const major = Key.majorTonicFromKeySignature(signature.sf) ?? 'C';
  const offer = (pc: string) => {
    const chroma = Note.chroma(pc);
    if (chroma !== undefined && !names.has(chroma) && !/##|bb/.test(pc)) names.set(chroma, pc);
  };
  Scale.get(`${major} major`).notes.forEach(offer);
  Scale.get(`${tonic} ${mode}`).notes.forEach(offer);
  const fallback = signature.sf < 0 ? FLATS : SHARPS;
  return (midi: number) => {
    const pc = names.get(midi % 12) ?? fallback[midi % 12]!;
    const step = pc[0]!;
    const alter = Note.get(pc).alt;
    // B#3 sounds as C4 and Cb4 as B3: the written octave follows the letter, not the sound.
    const octave = Math.floor((midi - (Note.chroma(step)! + alter)) / 12) - 1;
    return { step, alter, octave };
  };
}
