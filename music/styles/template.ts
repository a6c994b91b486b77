/**
 * The shape of a style template: everything a style decides about a sketch, as plain data —
 * progression families per mode family, groove and feel, instruments, tempo range and melodic
 * habits — plus the musician's words for it. Parsed with zod so a bad table entry fails loudly.
 */
import { z } from 'zod';
import { Bass, Drums, FEELS, Harmony, Instrument, Melody, Meter, MeterGrouping, ModeName, Section } from '../params.ts';

const Loops = z.array(z.array(z.string().min(1).max(12)).min(1)).min(1);

export const StyleTemplate = z.object({
  name: z.string().min(1).max(60),
  /** Regex source for the words musicians use for it ("bossa nova|bossa"). */
  words: z.string().min(1),
  /** What it is, in a musician's words. */
  description: z.string().min(1),
  /** Melodic habits, in words ("long stepwise lines that fall at the ends of phrases"). */
  habits: z.string().min(1),
  /** Comfortable tempo range in quarter-note bpm. */
  tempo: z.tuple([z.number().int().min(30).max(240), z.number().int().min(30).max(240)]),
  meter: Meter,
  meterGrouping: MeterGrouping.optional(),
  feel: z.enum(FEELS),
  swing: z.number().min(0).max(1),
  humanize: z.number().min(0).max(1),
  /**
   * The modes the style accepts, for a bright (major-family) and a dark (minor-family) song. A
   * song in any other mode is moved to the nearest of its family's list (music/styles/modes.ts).
   */
  modes: z.object({ major: z.array(ModeName).min(1), minor: z.array(ModeName).min(1) }),
  /** Progression families: loops of roman numerals for major- and minor-family modes. */
  progressions: z.object({ major: Loops, minor: Loops }),
  harmony: z.object({
    chordsPerBar: Harmony.shape.chordsPerBar.unwrap(),
    extensions: z.boolean(),
    borrowed: z.boolean(),
    comping: Harmony.shape.comping.unwrap(),
    form: z.enum(['twelve-bar']).optional(),
    /** Numerals of its loops played as written even where they leave the mode (flamenco's bIII). */
    asWritten: z.array(z.string().min(1).max(12)).optional(),
  }),
  drums: z.object({ enabled: z.boolean(), groove: Drums.shape.groove.unwrap(), density: z.number().min(0).max(1), fills: z.boolean() }),
  bass: Bass.shape.style.unwrap(),
  instruments: z.object({ melody: Instrument, chords: Instrument, bass: Instrument }),
  melody: z.object({ density: z.number().min(0).max(1), leapiness: z.number().min(0).max(1), contour: Melody.shape.contour.unwrap() }),
  /** Overall loudness, when the style has one (a lullaby is quiet). */
  level: z.number().min(0).max(1).optional(),
  /** A form of its own (the blues in twelve-bar choruses); absent → keep the song's sections. */
  sections: z.array(Section).optional(),
});

export type StyleTemplate = z.infer<typeof StyleTemplate>;
export type StyleTemplateInput = z.input<typeof StyleTemplate>;
