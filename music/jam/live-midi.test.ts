import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { JamLoop, LoopNote } from './loop.ts';
import { channelsByTrack, liveMidiStart, liveMidiStep, liveMidiStop, type LiveMidiMessage } from './live-midi.ts';
import { createSchedule, requestChange, scheduleBar, type BarPlan } from './swap.ts';

const BAR = 1920;
const STEP = 120;
const TRACKS = [{ id: 'melody', channel: 0 }, { id: 'chords', channel: 1 }, { id: 'bass', channel: 2 }, { id: 'drums', channel: 9 }];

/** A loop with a chord held across bars 0–1, repeated melody pitches, a bass note over the loop seam and drums. */
function loop(id: number, base: number): JamLoop {
  const notes: LoopNote[] = [
    { lane: 'chords:keys', pitch: base, start: 0, duration: 2 * BAR, velocity: 0.6 },
    ...Array.from({ length: 16 }, (_, i) => ({ lane: 'melody:flute', pitch: base + 12 + (i % 3), start: i * 480, duration: 700, velocity: 0.7 })),
    { lane: 'bass:bass', pitch: base - 12, start: 3 * BAR + 960, duration: 1500, velocity: 0.8 },
    ...Array.from({ length: 8 }, (_, i) => ({ lane: 'drums:kick', pitch: 36, start: i * 960, duration: 60, velocity: 0.9 })),
  ];
  notes.sort((a, b) => a.start - b.start || a.pitch - b.pitch);
  return { id, length: 4 * BAR, ticksPerBar: BAR, tempo: 100, notes };
}

/**
 * Play a jam step by step as the player does (a bar plan at each barline, then sixteenths),
 * applying loop changes at their ticks and stopping at `stopTick`; returns the whole stream.
 */
function play(moves: { tick: number; base: number }[], stopTick: number, only: string[] = []) {
  const channelOf = channelsByTrack(TRACKS, only);
  let s = createSchedule(loop(0, 48), 0);
  let midi = liveMidiStart();
  let plan: BarPlan | null = null;
  const stream: LiveMidiMessage[] = [];
  const swaps: number[] = [];
  const started: LoopNote[] = [];
  const pending = [...moves].sort((a, b) => a.tick - b.tick);
  let tick = 0;
  for (; tick < stopTick; tick += STEP) {
    while (pending.length && pending[0]!.tick <= tick) s = requestChange(s, loop(1 + stream.length, pending.shift()!.base), tick);
    if (!plan || tick >= plan.barTick + BAR) {
      const next = scheduleBar(s, tick);
      s = next.schedule;
      plan = next.bar;
      if (plan.swapped) swaps.push(tick);
    }
    started.push(...plan.start.filter((n) => n.start >= tick && n.start < tick + STEP));
    const step = liveMidiStep(midi, plan, tick, tick + STEP, channelOf);
    for (const m of step.messages) expect(m.atTick >= tick && m.atTick < tick + STEP).toBe(true);
    midi = step.state;
    stream.push(...step.messages);
  }
  // The player stops after the step it last queued, as JamPlayer.stop does.
  stream.push(...liveMidiStop(midi, tick));
  return { stream, swaps, started };
}

const key = (m: LiveMidiMessage) => `${m.bytes[0]! & 0x0f}:${m.bytes[1]}`;
const isOn = (m: LiveMidiMessage) => (m.bytes[0]! & 0xf0) === 0x90;
const isOff = (m: LiveMidiMessage) => (m.bytes[0]! & 0xf0) === 0x80;

/** Held notes (on → tick it went down) after replaying the stream as a device would, failing on an off without an on or a second on. */
function device(stream: LiveMidiMessage[]): { held: Map<string, number>; spans: { key: string; on: number; off: number }[] } {
  const held = new Map<string, number>();
  const spans: { key: string; on: number; off: number }[] = [];
  let last = -Infinity;
  for (const m of stream) {
    expect(m.atTick).toBeGreaterThanOrEqual(last);
    last = m.atTick;
    if (isOn(m)) {
      expect(held.has(key(m)), `second note-on for ${key(m)} at ${m.atTick}`).toBe(false);
      held.set(key(m), m.atTick);
    } else if (isOff(m)) {
      expect(held.has(key(m)), `note-off without a note-on for ${key(m)} at ${m.atTick}`).toBe(true);
      spans.push({ key: key(m), on: held.get(key(m))!, off: m.atTick });
      held.delete(key(m));
    }
  }
  return { held, spans };
}

describe('the live jam MIDI stream', () => {
  it('cuts the held chord at the swap barline and starts the new loop there', () => {
    const { stream, swaps } = play([{ tick: 100, base: 55 }], 2 * BAR);
    expect(swaps).toEqual([BAR]);
    const atSwap = stream.filter((m) => m.atTick === BAR).map((m) => m.bytes);
    // Offs first: the old melody note (C5, ringing to 2140) and the old chord (C3 on channel 1), cut
    // at the barline; then the new loop's bar 2 (its chord began in its bar 1, so it does not sound).
    expect(atSwap).toEqual([[0x80, 60, 0], [0x81, 48, 0], [0x99, 36, 114], [0x90, 68, 89]]);
  });

  it('lets a repeated pitch go before it sounds again, so a late off never cuts the new note', () => {
    const { stream } = play([], BAR);
    const c5 = stream.filter((m) => m.bytes[1] === 60 && (m.bytes[0]! & 0x0f) === 0);
    // 60 sounds at 0 (700 ticks long) and again at 3 × 480 = 1440: off at 700, on at 1440.
    expect(c5.map((m) => [m.atTick, m.bytes[0]])).toEqual([[0, 0x90], [700, 0x80], [1440, 0x90], [BAR, 0x80]]);
  });

  it('pairs every note-on with one note-off and lets nothing ring past a swap, whatever the moves and the stop', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ tick: fc.integer({ min: 0, max: 10 * BAR }), base: fc.integer({ min: 36, max: 72 }) }), { maxLength: 12 }),
        fc.integer({ min: 1, max: 12 * BAR }),
        (moves, stopTick) => {
          const { stream, swaps, started } = play(moves, stopTick);
          const { held, spans } = device(stream);
          expect([...held.keys()]).toEqual([]);
          for (const t of swaps) expect(spans.filter((s) => s.on < t && s.off > t)).toEqual([]);
          // Every note the player started went out as exactly one note-on.
          expect(stream.filter(isOn)).toHaveLength(started.length);
          const channels = new Set(stream.filter(isOn).map((m) => m.bytes[0]! & 0x0f));
          const allOff = stream.filter((m) => m.bytes[0]! >= 0xb0 && m.bytes[1] === 123).map((m) => m.bytes[0]! & 0x0f);
          expect(allOff).toEqual([...channels].sort((a, b) => a - b));
        },
      ),
      { numRuns: 80 },
    );
  });

  it('sends only the chosen tracks, drums on channel 10', () => {
    const { stream } = play([{ tick: 500, base: 50 }], 3 * BAR, ['drums']);
    expect(new Set(stream.map((m) => m.bytes[0]))).toEqual(new Set([0x99, 0x89, 0xb9]));
    expect(device(stream).held.size).toBe(0);
  });
});
