/** The seeded generator's named numbers: a prefix hashed once names the same numbers as the whole label. */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createRng } from './rng.ts';

const FC_SEED = Number(process.env.FC_SEED ?? 20261205);

describe('rng', () => {
  it('prefixed(prefix)(ending) is at(prefix + ending), for any seed and labels', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 32 - 1 }), fc.string(), fc.string(), (seed, prefix, ending) => {
        const rng = createRng(seed);
        expect(rng.prefixed(prefix)(ending)).toBe(rng.at(prefix + ending));
      }),
      { numRuns: 300, seed: FC_SEED },
    );
  });

  it('names different numbers for different endings of one prefix', () => {
    const at = createRng(7).prefixed('480:60:240:');
    expect(at('t')).not.toBe(at('v'));
  });
});
