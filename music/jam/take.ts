/**
 * A jam take: the pad's path recorded in musical time (ticks from the barline where recording
 * began), so a replay lands every loop change on the same bar it landed on live, whatever the tempo
 * did in between. Recording, the swaps a take makes and the replay's cueing are pure functions of
 * ticks; the player passes its Transport position in (the clock is injected).
 */
import { z } from 'zod';
import { clampPoint, type PadPoint } from './params.ts';
import { nextBarline, type JamSchedule } from './swap.ts';

/** Most points a take keeps (a few minutes of busy pad work; the journal stays small). */
export const MAX_TAKE_POINTS = 2000;
/** Longest take in ticks: an hour at 300 bpm with 480 ticks per beat. */
export const MAX_TAKE_TICKS = 9_000_000;

const Axis = z.number().min(-1).max(1);

export const TakePoint = z.object({ tick: z.number().int().min(0).max(MAX_TAKE_TICKS), valence: Axis, arousal: Axis });

/** A note the musician played while the take was recorded (ticks from the take's first barline). */
export const TakeNote = z.object({
  pitch: z.number().int().min(0).max(127),
  start: z.number().int().min(0).max(MAX_TAKE_TICKS),
  duration: z.number().int().min(1).max(MAX_TAKE_TICKS),
  velocity: z.number().min(0).max(1),
});

export const JamTake = z
  .object({
    ticksPerBar: z.number().int().min(1).max(100_000),
    /** Ticks from the take's first barline to where recording stopped. */
    length: z.number().int().min(0).max(MAX_TAKE_TICKS),
    /** points[0] is where the pad was when recording began (the loop already playing); then every
     *  change the loop was asked for, at the tick the schedule counted it from. */
    points: z.array(TakePoint).min(1).max(MAX_TAKE_POINTS),
    /** The player's line (a MIDI keyboard or musical typing), when they played along: music/jam/follow-line.ts. */
    played: z.array(TakeNote).max(2000).optional(),
  })
  .superRefine((take, ctx) => {
    take.points.forEach((p, i) => {
      if (i > 0 && p.tick < take.points[i - 1]!.tick) ctx.addIssue({ code: 'custom', message: 'points must be in tick order', path: ['points', i, 'tick'] });
      if (p.tick > take.length) ctx.addIssue({ code: 'custom', message: 'a point lies after the end of the take', path: ['points', i, 'tick'] });
    });
    take.played?.forEach((n, i) => {
      if (n.start >= Math.max(1, take.length)) ctx.addIssue({ code: 'custom', message: 'a played note starts after the end of the take', path: ['played', i, 'start'] });
    });
  });

export type TakePoint = z.infer<typeof TakePoint>;
export type JamTake = z.infer<typeof JamTake>;

/** A take being recorded: `origin` is the absolute barline its ticks count from. */
export interface TakeRecorder {
  origin: number;
  ticksPerBar: number;
  points: TakePoint[];
  /** True once MAX_TAKE_POINTS is reached: later moves are not kept. */
  full: boolean;
}

/**
 * The tick a change counts from: now, or the start of the bar already handed to the player when
 * that is later (a move in the look-ahead lands a bar further on, and the take must say so).
 */
export function effectiveTick(nowTicks: number, s: Pick<JamSchedule, 'scheduledUntil' | 'current'>): number {
  return Math.max(nowTicks, s.scheduledUntil - s.current.ticksPerBar);
}

/** Begin a take at `nowTicks` with the pad at `point`: startTake(2500, 1920, p).origin → 1920. */
export function startTake(nowTicks: number, ticksPerBar: number, point: PadPoint): TakeRecorder {
  const origin = Math.floor(Math.max(0, nowTicks) / ticksPerBar) * ticksPerBar;
  return { origin, ticksPerBar, points: [{ tick: Math.max(0, nowTicks) - origin, ...clampPoint(point) }], full: false };
}

/** Keep a change the loop was asked for at absolute `tick` (never before the previous one). */
export function recordMove(rec: TakeRecorder, tick: number, point: PadPoint): TakeRecorder {
  if (rec.points.length >= MAX_TAKE_POINTS) return { ...rec, full: true };
  const last = rec.points.at(-1)!;
  const at = Math.min(MAX_TAKE_TICKS, Math.max(last.tick, tick - rec.origin));
  return { ...rec, points: [...rec.points, { tick: at, ...clampPoint(point) }] };
}

/** The finished take, ending at absolute `nowTicks`. */
export function finishTake(rec: TakeRecorder, nowTicks: number): JamTake {
  const last = rec.points.at(-1)!.tick;
  return { ticksPerBar: rec.ticksPerBar, length: Math.min(MAX_TAKE_TICKS, Math.max(last, nowTicks - rec.origin)), points: rec.points };
}

/** Where a replay ends: the barline at or after the take's end, and never before the last change
 *  has played a whole bar. */
export function takeEnd(take: JamTake): number {
  const lastSwap = takeSwaps(take).at(-1)?.barTick ?? 0;
  return Math.max(take.ticksPerBar, Math.ceil(take.length / take.ticksPerBar) * take.ticksPerBar, lastSwap + take.ticksPerBar);
}

/** One loop change of a take: the bar (from the take's start) it lands on and the point it brings. */
export interface TakeSwap {
  barTick: number;
  point: PadPoint;
}

/**
 * The loop changes a take makes: each change lands on the barline after its tick, and several in
 * one bar collapse to the last — exactly what the schedule did live. takeSwaps(t)[0].barTick % t.ticksPerBar → 0.
 */
export function takeSwaps(take: JamTake): TakeSwap[] {
  const out: TakeSwap[] = [];
  for (const p of take.points.slice(1)) {
    const barTick = nextBarline(p.tick, take.ticksPerBar);
    const point = { valence: p.valence, arousal: p.arousal };
    if (out.at(-1)?.barTick === barTick) out[out.length - 1] = { barTick, point };
    else out.push({ barTick, point });
  }
  return out;
}

/** Where the pad is `tick` ticks into a take (the last point at or before it). */
export function padAt(take: JamTake, tick: number): PadPoint {
  let at = take.points[0]!;
  for (const p of take.points) {
    if (p.tick > tick) break;
    at = p;
  }
  return { valence: at.valence, arousal: at.arousal };
}

/** How far a replay has cued its take: the next swap to hand over, and the bar of the last one handed. */
export interface ReplayCursor {
  next: number;
  lastBar: number | null;
}

export const replayStart = (): ReplayCursor => ({ next: 0, lastBar: null });

/**
 * The swaps to request now on a replay started at absolute barline `origin`, given how far the
 * player has scheduled. A swap is handed over only once the one before it has been scheduled
 * (requests wait in one slot, and a newer one replaces an older), and as early as that allows, so
 * a late poll never pushes it past its bar (polling at least once a bar is always in time). Each comes with the absolute
 * tick to request it at (the bar before its own), so it lands on `origin + barTick`.
 */
export function replayCues(swaps: readonly TakeSwap[], origin: number, cursor: ReplayCursor, scheduledUntil: number): { cues: { swap: TakeSwap; atTick: number }[]; cursor: ReplayCursor } {
  const cues: { swap: TakeSwap; atTick: number }[] = [];
  let { next, lastBar } = cursor;
  while (next < swaps.length) {
    const swap = swaps[next]!;
    // The previous swap is still waiting for its bar: handing this one over would replace it.
    if (lastBar !== null && origin + lastBar >= scheduledUntil) break;
    cues.push({ swap, atTick: origin + swap.barTick - 1 });
    lastBar = swap.barTick;
    next++;
  }
  return { cues, cursor: { next, lastBar } };
}
