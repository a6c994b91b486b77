/**
 * The sketch's plain constants, without its zod schema: the web's first bundle (the compare view,
 * the player's schedule) needs these, and importing music/sketch.ts would bring zod along with them.
 */

/** Ticks per quarter note, everywhere in Innerchord. */
export const PPQ = 480;

/** The parts of a sketch, in track order. */
export const TRACK_IDS = ['melody', 'chords', 'bass', 'drums'] as const;
