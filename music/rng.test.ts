/** The seeded generator's named numbers: a prefix hashed once names the same numbers as the whole label. */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createRng } from './rng.ts';

const FC_SEED = Number(process.env.FC_SEED ?? 20261205);

describe('rng', () => {
  it('after(place(a, b, c), ending) is at(`${a}:${b}:${c}:${ending}`), for any seed, numbers and ending', () => {
    // Integers of every size and sign (ticks, pitches, offsets before a section), and numbers whose label is not digits alone.
    const number = fc.oneof(fc.integer(), fc.integer({ min: -2000, max: 2000 }), fc.maxSafeInteger(), fc.double(), fc.constantFrom(0, -0, 10, 100, 1e21, -1e21, Number.MAX_SAFE_INTEGER + 1));
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 32 - 1 }), number, number, number, fc.string(), (seed, a, b, c, ending) => {
        const rng = createRng(seed);
        expect(rng.after(rng.place(a, b, c), ending)).toBe(rng.at(`${a}:${b}:${c}:${ending}`));
      }),
      { numRuns: 500, seed: FC_SEED },
    );
  });

  it('names different numbers for different endings of one place', () => {
    const rng = createRng(7);
    const place = rng.place(480, 60, 240);
    expect(rng.after(place, 't')).not.toBe(rng.after(place, 'v'));
  });
});
