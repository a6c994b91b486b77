/**
 * The player's line in a take: the notes they played while it was recorded, kept in the take's
 * own ticks (from its first barline), and any span of bars of it made ready to become part of
 * the song (the melody route keeps the notes exactly, counted from the first bar given).
 * Pure: ticks in, notes out.
 */
import type { PlayedNote } from './follow.ts';

/** Most notes a take keeps of the player's line (a few minutes of busy playing). */
export const MAX_TAKE_NOTES = 2000;

/**
 * The notes of a performance that start inside a take (absolute ticks [origin, origin + length)),
 * in the take's ticks, cut at its end, in time order, the last MAX_TAKE_NOTES at most.
 * playedInTake([{ start: 2000, … }], 1920, 3840)[0].start → 80.
 */
export function playedInTake(notes: readonly PlayedNote[], origin: number, length: number): PlayedNote[] {
  return notes
    .filter((n) => n.start >= origin && n.start < origin + length)
    .map((n) => ({ pitch: n.pitch, start: Math.round(n.start - origin), duration: Math.max(1, Math.round(Math.min(n.duration, origin + length - n.start))), velocity: Math.round(Math.max(0, Math.min(1, n.velocity)) * 1000) / 1000 }))
    .sort((a, b) => a.start - b.start || a.pitch - b.pitch)
    .slice(-MAX_TAKE_NOTES);
}

/**
 * Bars [fromBar, toBar) of a take's line (bars counted from 1), with ticks from the first of
 * those bars, so it can be handed over as a melody; a note ringing past the span is cut there.
 * Empty when nothing was played in those bars.
 * lineInBars(line, 2, 4, 1920) → the notes of bars 2 and 3, the first bar starting at tick 0.
 */
export function lineInBars(line: readonly PlayedNote[], fromBar: number, toBar: number, ticksPerBar: number): PlayedNote[] {
  const from = Math.max(0, Math.floor(fromBar) - 1) * ticksPerBar;
  const to = Math.max(from, (Math.floor(toBar) - 1) * ticksPerBar);
  return playedInTake(line, from, to - from);
}
