/**
 * Keys spread over all twelve tonics. The feeling's own key (the one the mapping table names, a
 * key that sits well for voices and guitars) stays the likeliest; the seed reaches the others,
 * with the open-string keys a guitarist or singer finds easy weighted above the far-flat and
 * far-sharp ones. Spelled as a musician reading the key signature would: Bb major, C# minor.
 */
import { createRng } from '../rng.ts';

const MAJOR = ['C', 'Db', 'D', 'Eb', 'E', 'F', 'F#', 'G', 'Ab', 'A', 'Bb', 'B'] as const;
const MINOR = ['C', 'C#', 'D', 'Eb', 'E', 'F', 'F#', 'G', 'G#', 'A', 'Bb', 'B'] as const;
/** Easy keys for a guitar and most voices, by tonic pitch class (major / minor). */
const EASY_MAJOR = new Set([0, 2, 4, 5, 7, 9, 10]);
const EASY_MINOR = new Set([2, 4, 7, 9, 11, 0, 5]);

/**
 * chooseKey('G', false, 3) → a major tonic; the preferred key gets weight 4, easy keys 2, the rest 1.
 */
export function chooseKey(preferred: string, minorish: boolean, seed: number): string {
  const names = minorish ? MINOR : MAJOR;
  const easy = minorish ? EASY_MINOR : EASY_MAJOR;
  const weights = names.map((n, pc) => (n === preferred ? 4 : easy.has(pc) ? 2 : 1));
  return createRng(seed).fork('key').weighted(names, weights);
}
