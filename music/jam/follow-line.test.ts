import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { PlayedNote } from './follow.ts';
import { lineInBars, MAX_TAKE_NOTES, playedInTake } from './follow-line.ts';
import { JamTake } from './take.ts';

const BAR = 1920;
const n = (pitch: number, start: number, duration = 240): PlayedNote => ({ pitch, start, duration, velocity: 0.7 });

describe("the player's line in a take", () => {
  it('keeps the notes started inside the take, in its ticks, cut at its end', () => {
    const line = playedInTake([n(60, 1000), n(62, 2000), n(64, 5700, 400), n(65, 5760)], BAR, 2 * BAR);
    expect(line).toEqual([n(62, 80), { ...n(64, 3780, 60) }]);
  });

  it('takes any span of bars, counted from its first bar', () => {
    const line = [n(60, 0), n(62, BAR + 10), n(64, 2 * BAR - 100, 400), n(67, 2 * BAR + 5), n(69, 3 * BAR)];
    expect(lineInBars(line, 2, 3, BAR)).toEqual([n(62, 10), n(64, BAR - 100, 100)]);
    expect(lineInBars(line, 3, 3, BAR)).toEqual([]);
  });

  it('stays a valid take whatever is played (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ pitch: fc.integer({ min: 0, max: 127 }), start: fc.integer({ min: 0, max: 40 * BAR }), duration: fc.integer({ min: 1, max: 8 * BAR }), velocity: fc.double({ min: 0, max: 1, noNaN: true }) }), { maxLength: 60 }),
        fc.integer({ min: 0, max: 20 }),
        fc.integer({ min: 1, max: 20 }),
        (notes, startBar, bars) => {
          const origin = startBar * BAR;
          const length = bars * BAR;
          const played = playedInTake(notes, origin, length);
          for (const p of played) expect(p.start + p.duration).toBeLessThanOrEqual(length);
          expect(played.length).toBeLessThanOrEqual(MAX_TAKE_NOTES);
          expect(JamTake.safeParse({ ticksPerBar: BAR, length, points: [{ tick: 0, valence: 0, arousal: 0 }], played }).success).toBe(true);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('refuses a take whose line lies after its end', () => {
    const r = JamTake.safeParse({ ticksPerBar: BAR, length: BAR, points: [{ tick: 0, valence: 0, arousal: 0 }], played: [n(60, BAR + 1)] });
    expect(r.success).toBe(false);
  });
});
