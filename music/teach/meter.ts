/** Meters and feels in plain words, as data tables keyed by the SongParameters vocabularies. */
import type { Meter, SongParameters } from '../params.ts';
import { WORLD_FEEL_WORDS } from '../styles/words.ts';

export const METER_WORDS: Readonly<Record<Meter, string>> = {
  '2/4': 'two beats to a bar: a march or polka step, simple and direct',
  '3/4': 'three beats to a bar: the waltz lilt, strong–weak–weak',
  '4/4': 'four beats to a bar: the most common pulse in popular music, steady and familiar',
  '5/4': 'five beats to a bar, felt as a three and a two: restless and a little off-balance',
  '6/8': 'two big beats, each split in three: a rocking, rolling sway',
  '7/8': 'seven quick beats grouped unevenly, twos and a three: it limps forward with urgency',
  '12/8': 'four big beats, each split in three: the slow blues and soul ballad shuffle',
};

export const FEEL_WORDS: Readonly<Record<SongParameters['rhythm']['feel'], string>> = {
  straight: 'straight: every beat split evenly',
  swing: 'swung: off-beats come late, long–short, like jazz',
  'half-time': 'half-time: the backbeat lands half as often, so it feels slower and heavier than the tempo',
  shuffle: 'shuffle: a rolling long–short pattern, like a train or a blues',
  ...WORLD_FEEL_WORDS,
};

/** How the tempo feels: tempoWords(72) → "slow and unhurried". */
export function tempoWords(bpm: number): string {
  if (bpm < 66) return 'very slow, almost still';
  if (bpm < 84) return 'slow and unhurried';
  if (bpm < 104) return 'a walking pace';
  if (bpm < 126) return 'moving, danceable';
  if (bpm < 150) return 'fast and driving';
  return 'very fast';
}
