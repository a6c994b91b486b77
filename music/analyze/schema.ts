/** MidiAnalysis — what `analyze` reports about a MIDI file; the type is inferred from this schema. */
import { z } from 'zod';

export const KeyCandidate = z.object({
  key: z.string(),
  mode: z.enum(['major', 'minor']),
  correlation: z.number(),
});

export const TrackAnalysis = z.object({
  name: z.string(),
  /** MIDI channel index 0–15 (9 is channel 10, drums). */
  channel: z.number().int().min(0).max(15),
  /** General MIDI program 0–127. */
  program: z.number().int().min(0).max(127),
  /** General MIDI instrument (or drum kit) name for the program. */
  instrument: z.string(),
  percussion: z.boolean(),
  notes: z.number().int().min(0),
  /** Lowest / highest MIDI note, null for an empty track. */
  lowest: z.number().int().nullable(),
  highest: z.number().int().nullable(),
});

export const MidiAnalysis = z.object({
  /** Name of track 0, where DAWs keep the song title ("" when unnamed). */
  title: z.string(),
  ppq: z.number().int().min(1),
  /** Detected by Krumhansl–Schmuckler over pitched notes; null when there are none. */
  key: z.string().nullable(),
  mode: z.enum(['major', 'minor']).nullable(),
  keyCorrelation: z.number().nullable(),
  /** The next best keys, so a reader can see how close the call was. */
  alternatives: z.array(KeyCandidate),
  /** The key signature the file declares, if any. */
  keySignature: z.object({ key: z.string(), mode: z.enum(['major', 'minor']), sharps: z.number().int() }).nullable(),
  /** Quarter-note bpm of the first tempo event (120 when the file has none, as MIDI assumes). */
  tempo: z.number(),
  /** First time signature ("4/4" when the file has none, as MIDI assumes). */
  meter: z.string(),
  /** Which of tempo / meter were not in the file and took MIDI's defaults. */
  assumed: z.array(z.enum(['tempo', 'meter'])),
  tempoChanges: z.number().int().min(0),
  bars: z.number().int().min(0),
  durationTicks: z.number().int().min(0),
  durationSeconds: z.number().min(0),
  markers: z.array(z.object({ text: z.string(), tick: z.number().int(), bar: z.number().int() })),
  noteCount: z.number().int().min(0),
  tracks: z.array(TrackAnalysis),
});

export type KeyCandidate = z.infer<typeof KeyCandidate>;
export type TrackAnalysis = z.infer<typeof TrackAnalysis>;
export type MidiAnalysis = z.infer<typeof MidiAnalysis>;
