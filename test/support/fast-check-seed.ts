/**
 * Every property test in the suite runs from one fast-check seed, so a CI run is reproducible
 * and a failure seen once is seen again. FC_SEED picks another (or `FC_SEED=random` to explore);
 * fast-check prints the seed and the shrunk counterexample with every failure.
 */
import fc from 'fast-check';

const DEFAULT_SEED = 20261205;
const asked = process.env.FC_SEED;
const seed = asked === 'random' ? Date.now() ^ (Math.random() * 2 ** 31) : asked ? Number(asked) : DEFAULT_SEED;
if (!Number.isInteger(seed)) throw new Error(`FC_SEED must be an integer or "random", not "${asked}"`);
if (asked) console.log(`fast-check seed ${seed} (FC_SEED=${asked})`);
fc.configureGlobal({ seed });
