import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generateSketch } from '../generate.ts';
import { parseParams } from '../params.ts';
import { loopFromSketch, notesInWindow, type JamLoop, type LoopNote } from './loop.ts';
import { jamParams, JAM_BARS } from './params.ts';
import { createSchedule, mergeAtBoundary, nextBarline, planSwap, requestChange, scheduleBar, type JamSchedule } from './swap.ts';

const BAR = 1920;

/** A small hand-made loop: a held chord tone across bars 0–1, quarter notes, and a note ringing past the loop end. */
function loop(id: number, pitchBase: number): JamLoop {
  const notes: LoopNote[] = [
    { lane: 'chords', pitch: pitchBase, start: 0, duration: 2 * BAR, velocity: 0.6 },
    ...Array.from({ length: 16 }, (_, i) => ({ lane: 'melody', pitch: pitchBase + 12 + (i % 5), start: i * 480, duration: 400, velocity: 0.7 })),
    { lane: 'bass', pitch: pitchBase - 12, start: 3 * BAR + 960, duration: 1500, velocity: 0.8 },
  ];
  return { id, length: 4 * BAR, ticksPerBar: BAR, tempo: 100, notes };
}

interface Sounded { loop: number; pitch: number; lane: string; on: number; off: number }

/**
 * Drive the schedule bar by bar with an injected clock, applying pad moves at their ticks, and
 * record every note-on with the tick its note-off lands on (cut at a swap, or its own end).
 */
function simulate(moves: { tick: number; loop: JamLoop }[], bars: number): { sounded: Sounded[]; swapTicks: number[]; final: JamSchedule } {
  let s = createSchedule(loop(0, 48), 0);
  const sounded: Sounded[] = [];
  const swapTicks: number[] = [];
  const pendingMoves = [...moves].sort((a, b) => a.tick - b.tick);
  for (let bar = 0; bar < bars; bar++) {
    const barTick = bar * BAR;
    // The player plans bar N a little before it starts; moves made before that moment count.
    const planAt = barTick - 60;
    while (pendingMoves.length && pendingMoves[0]!.tick <= planAt) {
      const move = pendingMoves.shift()!;
      s = requestChange(s, move.loop, move.tick);
    }
    const playing = s.current.id;
    const { schedule, bar: plan } = scheduleBar(s, barTick);
    for (const r of plan.release) {
      const open = sounded.find((x) => x.loop === playing && x.pitch === r.pitch && x.lane === r.lane && x.on === r.start);
      if (!open) throw new Error(`released a note that never started: ${JSON.stringify(r)}`);
      open.off = Math.min(open.off, r.start + r.duration);
    }
    for (const n of plan.start) sounded.push({ loop: plan.loop.id, pitch: n.pitch, lane: n.lane, on: n.start, off: n.start + n.duration });
    if (plan.swapped) swapTicks.push(barTick);
    s = schedule;
  }
  return { sounded, swapTicks, final: s };
}

describe('planSwap', () => {
  it('waits for the next barline, never landing mid-bar', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100_000 }), fc.constantFrom(960, 1440, 1680, 1920), fc.integer({ min: 0, max: 60 }), (now, tpb, bars) => {
        const scheduledUntil = bars * tpb;
        const plan = planSwap(now, tpb, loop(1, 50), scheduledUntil);
        expect(plan).not.toBeNull();
        expect(plan!.swapAtTick % tpb).toBe(0);
        expect(plan!.swapAtTick).toBeGreaterThan(now);
        expect(plan!.swapAtTick).toBeGreaterThanOrEqual(scheduledUntil);
        expect(plan!.swapAtTick - Math.max(now, scheduledUntil)).toBeLessThanOrEqual(tpb);
      }),
    );
  });

  it('plans nothing when no change is pending', () => {
    expect(planSwap(100, BAR, null)).toBeNull();
  });

  it('treats a tick exactly on a barline as already under way', () => {
    expect(nextBarline(BAR, BAR)).toBe(2 * BAR);
    expect(planSwap(BAR, BAR, loop(1, 50))).toEqual({ swapAtTick: 2 * BAR });
  });
});

describe('jam schedule with an injected clock', () => {
  it('turns a burst of pad moves within one bar into one swap to the latest value', () => {
    const moves = [100, 400, 800, 1200, 1500, 1800].map((tick, i) => ({ tick: BAR + tick, loop: loop(10 + i, 50 + i) }));
    const { swapTicks, final, sounded } = simulate(moves, 6);
    expect(swapTicks).toEqual([2 * BAR]);
    expect(final.swaps).toBe(1);
    expect(final.current.id).toBe(15);
    expect(sounded.filter((n) => n.on >= 2 * BAR).every((n) => n.loop === 15)).toBe(true);
  });

  it('lands every change on a barline and lets nothing of the old loop ring past it', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 12 * BAR }), { maxLength: 30 }), (ticks) => {
        const moves = ticks.map((tick, i) => ({ tick, loop: loop(100 + i, 40 + (i % 20)) }));
        const { swapTicks, sounded } = simulate(moves, 14);
        for (const t of swapTicks) {
          expect(t % BAR).toBe(0);
          const before = sounded.filter((n) => n.on < t);
          expect(before.every((n) => n.off <= t)).toBe(true);
        }
      }),
      { numRuns: 60 },
    );
  });

  it('never leaves a note-on without its note-off across swaps', () => {
    const moves = [0.5, 1.7, 2.2, 2.9, 5.1, 7.99].map((b, i) => ({ tick: Math.round(b * BAR), loop: loop(200 + i, 45 + 3 * i) }));
    const { sounded, swapTicks } = simulate(moves, 12);
    expect(swapTicks).toEqual([1, 2, 3, 6, 9].map((b) => b * BAR));
    // Pair note-ons and note-offs per lane and pitch, as a MIDI device would.
    const events = sounded.flatMap((n) => [
      { tick: n.on, kind: 1, id: `${n.lane}:${n.pitch}` },
      { tick: n.off, kind: 0, id: `${n.lane}:${n.pitch}` },
    ]);
    events.sort((a, b) => a.tick - b.tick || a.kind - b.kind);
    const held = new Map<string, number>();
    for (const e of events) held.set(e.id, (held.get(e.id) ?? 0) + (e.kind ? 1 : -1));
    expect([...held.values()].every((n) => n === 0)).toBe(true);
    expect(sounded.every((n) => n.off > n.on)).toBe(true);
  });
});

describe('mergeAtBoundary', () => {
  it('cuts old notes ringing across the barline exactly there and starts the new bar', () => {
    const old = loop(1, 48);
    const next = loop(2, 55);
    const { release, start } = mergeAtBoundary(old, 0, next, BAR);
    expect(release.map((n) => [n.pitch, n.start, n.start + n.duration])).toEqual([[48, 0, BAR]]);
    expect(start).toEqual(notesInWindow(next, BAR, 2 * BAR));
    expect(start.every((n) => n.start >= BAR && n.start < 2 * BAR)).toBe(true);
  });

  it('releases a note that rings past the end of the loop when the swap falls on the loop seam', () => {
    const { release } = mergeAtBoundary(loop(1, 48), 0, loop(2, 55), 4 * BAR);
    expect(release.map((n) => n.pitch)).toEqual([36]);
  });
});

describe('a jam loop from the real engine', () => {
  it('is four bars of the song in its key, with the pad point as its emotion', () => {
    const base = parseParams({ key: 'D', mode: 'minor', tempo: 90, instruments: { melody: 'flute', chords: 'piano', bass: 'cello' } });
    const params = jamParams(base, { valence: 0.8, arousal: 0.6 });
    const sketch = generateSketch(params, 3);
    const jam = loopFromSketch(sketch, 1);
    expect(sketch.bars).toBe(JAM_BARS);
    expect(jam.length).toBe(JAM_BARS * sketch.ticksPerBar);
    expect(sketch.key).toBe('D');
    expect(sketch.sections[0]).toMatchObject({ name: 'jam', valence: 0.8, arousal: 0.6 });
    expect(jam.notes.every((n) => n.start >= 0 && n.start < jam.length)).toBe(true);
    expect(new Set(jam.notes.map((n) => n.lane))).toEqual(new Set(sketch.tracks.filter((t) => t.notes.length).map((t) => t.id)));
  });
});
