/**
 * Instrument names (the schema's vocabulary) → General MIDI programs (0-based, as MIDI files and
 * @tonejs/midi count them; the GM list's own numbering is one higher: sitar is "105 Sitar" there
 * and 104 here). A data table so the browser, the CLI and MIDI export agree.
 */
import type { DrumKit, Instrument } from './params.ts';

export const GM_PROGRAMS: Readonly<Record<Instrument, number>> = {
  piano: 0, // Acoustic Grand Piano
  'electric piano': 4, // Electric Piano 1
  organ: 16, // Drawbar Organ
  'acoustic guitar': 25, // Acoustic Guitar (steel)
  'nylon guitar': 24, // Acoustic Guitar (nylon)
  'electric guitar': 27, // Electric Guitar (clean)
  strings: 48, // String Ensemble 1
  pad: 89, // Pad 2 (warm)
  choir: 52, // Choir Aahs
  flute: 73,
  clarinet: 71,
  saxophone: 65, // Alto Sax
  trumpet: 56,
  vibraphone: 11,
  marimba: 12,
  harp: 46, // Orchestral Harp
  'synth lead': 80, // Lead 1 (square)
  'acoustic bass': 32,
  'electric bass': 33, // Electric Bass (finger)
  'synth bass': 38, // Synth Bass 1
  cello: 42,
  violin: 40,
  fiddle: 110,
  oboe: 68,
  bassoon: 70,
  'french horn': 60,
  trombone: 57,
  tuba: 58,
  'tenor saxophone': 66,
  'pan flute': 75,
  shakuhachi: 77,
  accordion: 21,
  harmonica: 22,
  banjo: 105,
  sitar: 104,
  koto: 107,
  shamisen: 106,
  kalimba: 108,
  'steel drums': 114,
  taiko: 116,
  bagpipe: 109,
  shanai: 111,
  dulcimer: 15,
  xylophone: 13,
  glockenspiel: 9,
  timpani: 47,
  'choir pad': 91, // Pad 4 (choir)
  'string pad': 49, // String Ensemble 2 (slow strings)
};

/** General MIDI / GS drum kits: the program a drum channel (10) selects. */
export const DRUM_KIT_PROGRAMS: Readonly<Record<DrumKit, number>> = {
  standard: 0,
  room: 8,
  power: 16,
  electronic: 24,
  'tr-808': 25,
  jazz: 32,
  brush: 40,
  orchestra: 48,
};

/** The program of a drum kit (absent → standard): drumKitProgram('brush') → 40. */
export function drumKitProgram(kit: DrumKit | undefined): number {
  return DRUM_KIT_PROGRAMS[kit ?? 'standard'];
}

/** General MIDI program for an instrument: gmProgram('strings') → 48. */
export function gmProgram(instrument: Instrument): number {
  return GM_PROGRAMS[instrument];
}
