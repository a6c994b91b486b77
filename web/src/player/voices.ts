/**
 * Which sound plays which part: data tables from the sketch's instrument names and General MIDI
 * drum numbers to the player's voices. Pure (no Tone.js here) so the tables are testable in Node
 * and cost nothing in the initial bundle.
 */

/** The pitched voices the player can build; `piano` is the sampled grand, the rest are synths. */
export type PitchedVoice = 'piano' | 'keys' | 'pluck' | 'pad' | 'lead' | 'bass';
/** Drum voices: each is its own (monophonic) Tone instrument. */
export type DrumVoice = 'kick' | 'snare' | 'hat' | 'openHat' | 'cymbal' | 'tom';
export type Voice = PitchedVoice | DrumVoice;

/** Instrument name (music/params.ts INSTRUMENTS) → voice. Unknown names fall back to `keys`. */
export const INSTRUMENT_VOICES: Record<string, PitchedVoice> = {
  piano: 'piano',
  'electric piano': 'piano',
  organ: 'pad',
  'acoustic guitar': 'pluck',
  'nylon guitar': 'pluck',
  'electric guitar': 'pluck',
  strings: 'pad',
  pad: 'pad',
  choir: 'pad',
  flute: 'lead',
  clarinet: 'lead',
  saxophone: 'lead',
  trumpet: 'lead',
  vibraphone: 'keys',
  marimba: 'keys',
  harp: 'pluck',
  'synth lead': 'lead',
  'acoustic bass': 'bass',
  'electric bass': 'bass',
  'synth bass': 'bass',
  cello: 'bass',
};

/** General MIDI percussion key → drum voice (GM level 1 map, grouped by what our synths can do). */
export const GM_DRUM_VOICES: Record<number, DrumVoice> = {
  35: 'kick', 36: 'kick',
  37: 'snare', 38: 'snare', 39: 'snare', 40: 'snare',
  42: 'hat', 44: 'hat', 54: 'hat', 69: 'hat', 70: 'hat',
  46: 'openHat',
  49: 'cymbal', 51: 'cymbal', 52: 'cymbal', 53: 'cymbal', 55: 'cymbal', 57: 'cymbal', 59: 'cymbal',
  41: 'tom', 43: 'tom', 45: 'tom', 47: 'tom', 48: 'tom', 50: 'tom',
};

/** Voices that can sound one note at a time: two notes at the same instant must be thinned. */
export const MONOPHONIC: ReadonlySet<Voice> = new Set<Voice>(['bass', 'kick', 'snare', 'hat', 'openHat', 'cymbal', 'tom']);

/** Voice for a pitched track's instrument name: `voiceForInstrument('strings') === 'pad'`. */
export function voiceForInstrument(instrument: string): PitchedVoice {
  return INSTRUMENT_VOICES[instrument.toLowerCase()] ?? 'keys';
}

/** Drum voice for a GM key; keys we have no sound for fall back to the closed hat (quietest). */
export function drumVoice(pitch: number): DrumVoice {
  return GM_DRUM_VOICES[pitch] ?? 'hat';
}

// The piano's sample files and their coverage are shared with the CLI's render.
export { sampleFile, samplesFor } from '../../../music/render/piano.ts';
