import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { JamLoop } from './loop.ts';
import type { PadPoint } from './params.ts';
import { createSchedule, requestChange, scheduleBar, type JamSchedule } from './swap.ts';
import {
  effectiveTick,
  finishTake,
  JamTake,
  MAX_TAKE_POINTS,
  padAt,
  recordMove,
  replayCues,
  replayStart,
  startTake,
  takeEnd,
  takeSwaps,
  type TakeSwap,
} from './take.ts';

const BAR = 1920;

/** A loop that stands for a pad point (its notes do not matter to the timing). */
function loopAt(point: PadPoint, ids: Map<number, PadPoint>): JamLoop {
  const id = ids.size + 1;
  ids.set(id, point);
  return { id, length: 4 * BAR, ticksPerBar: BAR, tempo: 100, notes: [{ lane: 'm', pitch: 60, start: 0, duration: 400, velocity: 0.7 }] };
}

type Event = { tick: number; order: number; run: () => void };

/** Run events in tick order (bar planning before other events at the same tick). */
function runEvents(events: Event[]): void {
  events.sort((a, b) => a.tick - b.tick || a.order - b.order);
  for (const e of events) e.run();
}

interface Live {
  moves: { tick: number; latency: number; point: PadPoint }[];
  recordAt: number;
  stopAfter: number;
  lookAhead: number;
}

/**
 * A live jam with an injected clock: the player plans each bar `lookAhead` ticks before it, every
 * pad move reaches the schedule `latency` ticks later (a frame's regeneration), and a take is
 * recorded from `recordAt`. Returns the take and the swaps heard, relative to the take's origin.
 */
function playLive({ moves, recordAt, stopAfter, lookAhead }: Live): { take: JamTake; swaps: TakeSwap[] } {
  const ids = new Map<number, PadPoint>();
  const start = { valence: 0, arousal: 0 };
  let s: JamSchedule = createSchedule(loopAt(start, ids), 0);
  let rec = startTake(recordAt, BAR, start);
  const heard: TakeSwap[] = [];
  const last = recordAt + Math.max(0, ...moves.map((m) => m.tick + m.latency)) + stopAfter;
  const events: Event[] = [];
  for (let bar = 0; bar * BAR <= last + 3 * BAR; bar++) {
    events.push({ tick: bar * BAR - lookAhead, order: 0, run: () => {
      const { schedule, bar: plan } = scheduleBar(s, bar * BAR);
      if (plan.swapped) heard.push({ barTick: bar * BAR - rec.origin, point: ids.get(plan.loop.id)! });
      s = schedule;
    } });
  }
  for (const m of moves) {
    const at = recordAt + m.tick + m.latency;
    events.push({ tick: at, order: 1, run: () => {
      rec = recordMove(rec, effectiveTick(at, s), m.point);
      s = requestChange(s, loopAt(m.point, ids), at);
    } });
  }
  runEvents(events);
  return { take: finishTake(rec, last), swaps: heard };
}

/** Replay a take from tick 0 with an injected clock: bars planned `lookAhead` early, polls at `polls`. */
function replay(take: JamTake, lookAhead: number, pollGaps: number[]): TakeSwap[] {
  const ids = new Map<number, PadPoint>();
  let s: JamSchedule = createSchedule(loopAt(padAt(take, 0), ids), 0);
  let cursor = replayStart();
  const swaps = takeSwaps(take);
  const heard: TakeSwap[] = [];
  const end = takeEnd(take);
  const events: Event[] = [];
  for (let bar = 0; bar * BAR < end; bar++) {
    events.push({ tick: bar * BAR - lookAhead, order: 0, run: () => {
      const { schedule, bar: plan } = scheduleBar(s, bar * BAR);
      if (plan.swapped) heard.push({ barTick: bar * BAR, point: ids.get(plan.loop.id)! });
      s = schedule;
    } });
  }
  for (let t = 0, i = 0; t < end; t += pollGaps[i++ % pollGaps.length]!) {
    events.push({ tick: t, order: 1, run: () => {
      const next = replayCues(swaps, 0, cursor, s.scheduledUntil);
      cursor = next.cursor;
      for (const cue of next.cues) s = requestChange(s, loopAt(cue.swap.point, ids), cue.atTick);
    } });
  }
  runEvents(events);
  return heard;
}

const point = fc.record({ valence: fc.integer({ min: -100, max: 100 }).map((n) => n / 100), arousal: fc.integer({ min: -100, max: 100 }).map((n) => n / 100) });
const liveJam = fc.record({
  moves: fc.array(fc.record({ tick: fc.integer({ min: 0, max: 16 * BAR }), latency: fc.integer({ min: 0, max: 40 }), point }), { minLength: 1, maxLength: 40 })
    .map((ms) => ms.sort((a, b) => a.tick - b.tick)),
  recordAt: fc.integer({ min: 0, max: 6 * BAR }),
  stopAfter: fc.integer({ min: 0, max: 2 * BAR }),
  lookAhead: fc.integer({ min: 1, max: 200 }),
});

describe('recording a take', () => {
  it('counts ticks from the barline where recording began and keeps the pad start as point 0', () => {
    let rec = startTake(2 * BAR + 700, BAR, { valence: 0.123, arousal: -2 });
    expect(rec.origin).toBe(2 * BAR);
    rec = recordMove(rec, 3 * BAR + 10, { valence: 0.5, arousal: 0.5 });
    rec = recordMove(rec, 3 * BAR, { valence: 0.6, arousal: 0.5 }); // a late report never goes back in time
    const take = finishTake(rec, 4 * BAR + 5);
    expect(take).toEqual({
      ticksPerBar: BAR,
      length: 2 * BAR + 5,
      points: [{ tick: 700, valence: 0.12, arousal: -1 }, { tick: BAR + 10, valence: 0.5, arousal: 0.5 }, { tick: BAR + 10, valence: 0.6, arousal: 0.5 }],
    });
    expect(JamTake.safeParse(take).success).toBe(true);
  });

  it('stops keeping points at the limit and says so', () => {
    let rec = startTake(0, BAR, { valence: 0, arousal: 0 });
    for (let i = 1; i <= MAX_TAKE_POINTS + 5; i++) rec = recordMove(rec, i * 10, { valence: (i % 100) / 100, arousal: 0 });
    expect(rec.points).toHaveLength(MAX_TAKE_POINTS);
    expect(rec.full).toBe(true);
  });

  it('counts a move made in the look-ahead from the bar already handed to the player', () => {
    const s = { scheduledUntil: 3 * BAR, current: { ticksPerBar: BAR } as JamLoop };
    expect(effectiveTick(2 * BAR - 30, s)).toBe(2 * BAR);
    expect(effectiveTick(2 * BAR + 30, s)).toBe(2 * BAR + 30);
  });

  it('rejects takes out of order, past their end, too long or off the pad', () => {
    const ok = { ticksPerBar: BAR, length: 100, points: [{ tick: 0, valence: 0, arousal: 0 }] };
    expect(JamTake.safeParse(ok).success).toBe(true);
    expect(JamTake.safeParse({ ...ok, points: [{ tick: 50, valence: 0, arousal: 0 }, { tick: 10, valence: 0, arousal: 0 }] }).success).toBe(false);
    expect(JamTake.safeParse({ ...ok, points: [{ tick: 101, valence: 0, arousal: 0 }] }).success).toBe(false);
    expect(JamTake.safeParse({ ...ok, points: [{ tick: 0, valence: 1.5, arousal: 0 }] }).success).toBe(false);
    expect(JamTake.safeParse({ ...ok, points: [] }).success).toBe(false);
    const many = Array.from({ length: MAX_TAKE_POINTS + 1 }, () => ({ tick: 0, valence: 0, arousal: 0 }));
    expect(JamTake.safeParse({ ...ok, points: many }).success).toBe(false);
  });
});

describe('replaying a take with an injected clock', () => {
  it('lands a burst in one bar as one swap, on the barline after it', () => {
    const take: JamTake = { ticksPerBar: BAR, length: 3 * BAR, points: [
      { tick: 0, valence: 0, arousal: 0 },
      { tick: 100, valence: 0.1, arousal: 0 },
      { tick: 1800, valence: 0.2, arousal: 0 },
      { tick: BAR, valence: 0.3, arousal: 0 }, // exactly on a barline: that bar is already under way
    ] };
    expect(takeSwaps(take)).toEqual([{ barTick: BAR, point: { valence: 0.2, arousal: 0 } }, { barTick: 2 * BAR, point: { valence: 0.3, arousal: 0 } }]);
    expect(takeEnd(take)).toBe(3 * BAR);
    expect(padAt(take, 1799)).toEqual({ valence: 0.1, arousal: 0 });
  });

  it('makes the same loop swaps at the same bars as the live jam it recorded', () => {
    fc.assert(
      fc.property(liveJam, fc.integer({ min: 1, max: 200 }), fc.array(fc.integer({ min: 1, max: BAR - 1 }), { minLength: 1, maxLength: 8 }), (live, lookAhead, gaps) => {
        const { take, swaps } = playLive(live);
        expect(takeSwaps(take)).toEqual(swaps);
        expect(replay(take, lookAhead, gaps)).toEqual(swaps);
      }),
      { numRuns: 150 },
    );
  });

  it('hands the next swap over only after the previous one is scheduled, so none is lost', () => {
    const swaps = takeSwaps({ ticksPerBar: BAR, length: 4 * BAR, points: [
      { tick: 0, valence: 0, arousal: 0 }, { tick: 10, valence: 0.5, arousal: 0 }, { tick: BAR + 10, valence: -0.5, arousal: 0 },
    ] });
    const first = replayCues(swaps, 0, replayStart(), BAR);
    expect(first.cues.map((c) => c.atTick)).toEqual([BAR - 1]);
    expect(replayCues(swaps, 0, first.cursor, BAR).cues).toEqual([]);
    expect(replayCues(swaps, 0, first.cursor, 2 * BAR).cues.map((c) => [c.atTick, c.swap.point.valence])).toEqual([[2 * BAR - 1, -0.5]]);
  });
});
