/**
 * When a new jam loop takes over, decided by pure functions of an injected clock (ticks on the
 * Transport's timeline). A change never lands mid-bar: it waits for the next bar the player has not
 * scheduled yet. Changes that pile up before then collapse to the latest one. At the swap, notes
 * of the old loop still sounding are released at the barline, so nothing hangs.
 */
import { notesInWindow, soundingAt, type JamLoop, type LoopNote } from './loop.ts';

export interface JamSchedule {
  /** The loop playing now, and the bar tick it took over at. */
  current: JamLoop;
  since: number;
  /** The loop waiting for its bar (the latest requested), and that bar's tick. */
  pending: JamLoop | null;
  swapAt: number | null;
  /** End of the last bar handed to the player: bars before it can no longer change. */
  scheduledUntil: number;
  swaps: number;
  lastSwapTick: number | null;
}

/** What the player does for one bar: release the held notes, then start these. */
export interface BarPlan {
  barTick: number;
  /** Old-loop notes still sounding at the barline, with `duration` cut to end exactly there. */
  release: LoopNote[];
  start: LoopNote[];
  swapped: boolean;
  /** The loop this bar plays (its tempo is the bar's tempo). */
  loop: JamLoop;
}

/** A fresh schedule playing `loop` from `startTick` (a barline). */
export function createSchedule(loop: JamLoop, startTick = 0): JamSchedule {
  return { current: loop, since: startTick, pending: null, swapAt: null, scheduledUntil: startTick, swaps: 0, lastSwapTick: null };
}

/** First barline strictly after `tick`: nextBarline(1900, 1920) → 1920, nextBarline(1920, 1920) → 3840. */
export function nextBarline(tick: number, ticksPerBar: number): number {
  return (Math.floor(tick / ticksPerBar) + 1) * ticksPerBar;
}

/**
 * Where a pending change lands: the next barline after `nowTicks`, or later if the player has
 * already scheduled past it (look-ahead). planSwap(100, 1920, loop) → { swapAtTick: 1920 }.
 */
export function planSwap(nowTicks: number, ticksPerBar: number, pending: JamLoop | null, scheduledUntil = 0): { swapAtTick: number } | null {
  if (!pending) return null;
  return { swapAtTick: Math.max(nextBarline(nowTicks, ticksPerBar), scheduledUntil) };
}

/** Ask for `loop` to take over; a later request before the swap replaces this one. */
export function requestChange(s: JamSchedule, loop: JamLoop, nowTicks: number): JamSchedule {
  const plan = planSwap(nowTicks, s.current.ticksPerBar, loop, s.scheduledUntil);
  return { ...s, pending: loop, swapAt: plan?.swapAtTick ?? null };
}

/**
 * Merge old and new loops at a barline: the old loop's notes that ring across it are cut there,
 * and the new loop's notes of that bar start. Both loops keep the same bar grid (absolute ticks).
 */
export function mergeAtBoundary(old: JamLoop, oldSince: number, next: JamLoop, barTick: number): { release: LoopNote[]; start: LoopNote[] } {
  const release = soundingAt(old, oldSince, barTick).map((n) => ({ ...n, duration: barTick - n.start }));
  return { release, start: notesInWindow(next, barTick, barTick + next.ticksPerBar) };
}

/**
 * Plan the bar starting at `barTick` (called once per bar, in order, just ahead of it): swap if a
 * change is due there, else keep playing the current loop.
 */
export function scheduleBar(s: JamSchedule, barTick: number): { schedule: JamSchedule; bar: BarPlan } {
  const ticksPerBar = s.current.ticksPerBar;
  const due = s.pending !== null && s.swapAt !== null && s.swapAt <= barTick;
  if (due && s.pending) {
    const { release, start } = mergeAtBoundary(s.current, s.since, s.pending, barTick);
    const schedule: JamSchedule = {
      current: s.pending,
      since: barTick,
      pending: null,
      swapAt: null,
      scheduledUntil: barTick + s.pending.ticksPerBar,
      swaps: s.swaps + 1,
      lastSwapTick: barTick,
    };
    return { schedule, bar: { barTick, release, start, swapped: true, loop: s.pending } };
  }
  const start = notesInWindow(s.current, barTick, barTick + ticksPerBar);
  return { schedule: { ...s, scheduledUntil: barTick + ticksPerBar }, bar: { barTick, release: [], start, swapped: false, loop: s.current } };
}
