/**
 * Musical typing: the computer keyboard as a piano, by physical key (KeyboardEvent.code), so the
 * piano keeps its shape on AZERTY and QWERTZ too — the row under the digits holds the black keys,
 * the home row the white ones, as on the DAWs musicians know. Z and X shift the octave, C and V
 * the loudness. Space, the arrows and every modified key are left alone (they already mean
 * something here), and nothing is taken while focus is in a text field. Pure, so Node tests it.
 */
import { isTypingTarget } from '../lib/keys.ts';

/** Semitones above the octave's C for each piano key, home row white, the row above black. */
export const TYPING_KEYS: Readonly<Record<string, number>> = {
  KeyA: 0, KeyW: 1, KeyS: 2, KeyE: 3, KeyD: 4, KeyF: 5, KeyT: 6, KeyG: 7, KeyY: 8, KeyH: 9, KeyU: 10, KeyJ: 11,
  KeyK: 12, KeyO: 13, KeyL: 14, KeyP: 15, Semicolon: 16, Quote: 17,
};

/** Keys that change the typing piano itself rather than play. */
export const TYPING_CONTROLS = { octaveDown: 'KeyZ', octaveUp: 'KeyX', softer: 'KeyC', louder: 'KeyV' } as const;

export const MIN_OCTAVE = 1;
export const MAX_OCTAVE = 7;
/** Loudness steps the C and V keys walk through (MIDI velocities). */
export const VELOCITIES = [20, 40, 60, 80, 100, 127] as const;

export interface TypingState {
  /** The octave of the A key's C (4 → middle C, MIDI 60). */
  octave: number;
  /** Index into VELOCITIES. */
  loudness: number;
}

export const typingStart = (): TypingState => ({ octave: 4, loudness: 3 });

/** What a key press means to the typing piano. */
export type TypingAction =
  | { kind: 'note'; pitch: number; velocity: number }
  | { kind: 'state'; state: TypingState }
  | null;

/** The subset of a KeyboardEvent the mapping reads (so tests need no DOM). */
export interface KeyLike {
  code: string;
  ctrlKey?: boolean;
  metaKey?: boolean;
  altKey?: boolean;
  target?: EventTarget | null;
}

/** True when the typing piano must leave this key alone: modified, or typed into a text field. */
export function keyIsTaken(e: KeyLike): boolean {
  if (e.ctrlKey || e.metaKey || e.altKey) return true;
  // Outside a page (Node tests) there are no text fields to protect.
  return typeof HTMLElement !== 'undefined' && isTypingTarget(e.target ?? null);
}

/**
 * A key going down: a note (pitch and MIDI velocity), a new octave or loudness, or null for a key
 * that is not ours. typingKey({ code: 'KeyA' }, typingStart()) → { kind: 'note', pitch: 60, velocity: 80 }.
 */
export function typingKey(e: KeyLike, s: TypingState): TypingAction {
  if (keyIsTaken(e)) return null;
  const step = TYPING_KEYS[e.code];
  if (step !== undefined) {
    const pitch = 12 * (s.octave + 1) + step;
    return pitch <= 127 ? { kind: 'note', pitch, velocity: VELOCITIES[s.loudness] ?? 80 } : null;
  }
  const c = TYPING_CONTROLS;
  if (e.code === c.octaveDown) return { kind: 'state', state: { ...s, octave: Math.max(MIN_OCTAVE, s.octave - 1) } };
  if (e.code === c.octaveUp) return { kind: 'state', state: { ...s, octave: Math.min(MAX_OCTAVE, s.octave + 1) } };
  if (e.code === c.softer) return { kind: 'state', state: { ...s, loudness: Math.max(0, s.loudness - 1) } };
  if (e.code === c.louder) return { kind: 'state', state: { ...s, loudness: Math.min(VELOCITIES.length - 1, s.loudness + 1) } };
  return null;
}

/** The pitch a key lets go of (the octave it went down in is remembered by the caller). */
export function typingPitch(code: string, octave: number): number | null {
  const step = TYPING_KEYS[code];
  return step === undefined ? null : 12 * (octave + 1) + step;
}

/** A key cap's label on a QWERTY board, for the legend when the browser cannot tell the layout. */
export function qwertyLabel(code: string): string {
  if (code.startsWith('Key')) return code.slice(3);
  return code === 'Semicolon' ? ';' : code === 'Quote' ? "'" : code;
}

/** A MIDI message from an input, as the player reads it. */
export type MidiNoteEvent = { kind: 'on' | 'off'; pitch: number; velocity: number; channel: number };

/**
 * Note-on and note-off from raw Web MIDI bytes (running status is resolved by the browser); a
 * note-on at velocity 0 is a note-off, as keyboards send it. Anything else (clock, controllers,
 * sysex) is null. midiNote([0x90, 60, 100]) → { kind: 'on', pitch: 60, velocity: 100, channel: 0 }.
 */
export function midiNote(bytes: ArrayLike<number>): MidiNoteEvent | null {
  if (bytes.length < 3) return null;
  const status = bytes[0]! & 0xf0;
  const channel = bytes[0]! & 0x0f;
  const pitch = bytes[1]! & 0x7f;
  const velocity = bytes[2]! & 0x7f;
  if (status === 0x90 && velocity > 0) return { kind: 'on', pitch, velocity, channel };
  if (status === 0x80 || status === 0x90) return { kind: 'off', pitch, velocity, channel };
  return null;
}
