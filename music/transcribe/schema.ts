/**
 * What transcription takes and gives. Types come from these zod schemas (the CLI, the server
 * route and the browser share them).
 */
import { z } from 'zod';
import { Note } from '../sketch.ts';

/** Grid the onsets snap to, as musicians name it. */
export const GRIDS = { '1/4': 480, '1/8': 240, '1/16': 120 } as const;
export const Grid = z.enum(['1/4', '1/8', '1/16']);

export const TranscribeOptions = z.object({
  /** Beats per minute of the grid; absent → estimated from the onsets. */
  tempo: z.number().int().min(30).max(300).optional(),
  /** "C", "Am", "F# minor", "D dorian"; absent → found from the notes. */
  key: z.string().min(1).max(30).optional(),
  grid: Grid.default('1/16'),
  /** 0 keeps the timing and pitches as sung … 1 puts everything on the grid and in the key. */
  strictness: z.number().min(0).max(1).default(1),
});

export const Transcription = z.object({
  tempo: z.number().int(),
  /** Whether the tempo was given or estimated from the onsets. */
  tempoFrom: z.enum(['given', 'estimated']),
  key: z.string(),
  mode: z.string(),
  keyFrom: z.enum(['given', 'estimated']),
  ppq: z.number().int(),
  /** The notes, first onset at tick 0, one voice. */
  notes: z.array(Note),
  /** Seconds of audio heard. */
  seconds: z.number(),
});

export type TranscribeOptions = z.input<typeof TranscribeOptions>;
export type Transcription = z.infer<typeof Transcription>;
