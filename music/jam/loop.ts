/**
 * A jam loop as the scheduler sees it: notes in ticks from the loop's start, grouped by lane (an
 * opaque key the player maps to a voice). The loop repeats every `length` ticks on an endless
 * timeline of absolute ticks, so a bar of any repetition can be read without copying the loop.
 */
import type { Sketch } from '../sketch.ts';

/** One note of a loop; `start` is from the loop's start, or absolute once placed on the timeline. */
export interface LoopNote {
  lane: string;
  pitch: number;
  start: number;
  duration: number;
  velocity: number;
}

export interface JamLoop {
  /** Distinguishes loops in debug output and tests. */
  id: number;
  /** Loop length in ticks (whole bars). */
  length: number;
  ticksPerBar: number;
  /** Beats per minute this loop plays at (changed only at a bar boundary). */
  tempo: number;
  /** Sorted by start. */
  notes: LoopNote[];
}

/** Lane key of a sketch note when no finer lane is given: the track id. */
export const trackLane = (track: string) => track;

/** A sketch as a jam loop; `laneOf` may split a track into voices (drums by GM key). */
export function loopFromSketch(sketch: Sketch, id: number, laneOf: (track: string, pitch: number) => string = trackLane): JamLoop {
  const notes: LoopNote[] = sketch.tracks.flatMap((t) =>
    t.notes
      .filter((n) => n.start < sketch.totalTicks)
      .map((n) => ({ lane: laneOf(t.id, n.pitch), pitch: n.pitch, start: n.start, duration: n.duration, velocity: n.velocity })),
  );
  notes.sort((a, b) => a.start - b.start || a.pitch - b.pitch);
  return { id, length: sketch.totalTicks, ticksPerBar: sketch.ticksPerBar, tempo: sketch.tempo, notes };
}

/** Notes of a loop repeating forever that start in [from, to), with absolute starts, in time order. */
export function notesInWindow(loop: JamLoop, from: number, to: number): LoopNote[] {
  const out: LoopNote[] = [];
  if (to <= from || loop.length <= 0) return out;
  for (let rep = Math.floor(from / loop.length); rep * loop.length < to; rep++) {
    const offset = rep * loop.length;
    for (const n of loop.notes) {
      const start = offset + n.start;
      if (start >= from && start < to) out.push({ ...n, start });
    }
  }
  return out;
}

/** Notes of a loop playing since `since` that are still sounding at `tick` (started before, end after). */
export function soundingAt(loop: JamLoop, since: number, tick: number): LoopNote[] {
  const longest = loop.notes.reduce((m, n) => Math.max(m, n.duration), 0);
  return notesInWindow(loop, Math.max(since, tick - longest), tick).filter((n) => n.start + n.duration > tick);
}
