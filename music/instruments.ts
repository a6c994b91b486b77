/**
 * Instrument names (the schema's vocabulary) → General MIDI programs (0-based, as MIDI files and
 * @tonejs/midi count them). A data table so the browser, the CLI and MIDI export agree.
 */
import type { Instrument } from './params.ts';

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
};

/** General MIDI program for an instrument: gmProgram('strings') → 48. */
export function gmProgram(instrument: Instrument): number {
  return GM_PROGRAMS[instrument];
}
