/**
 * Drum grooves as data: one row per meter and feel, three densities each (sparse, normal, busy).
 * Each voice is a step string — "x" accent, "o" normal, "-" ghost, "." rest — on the groove's grid.
 * Voices are General MIDI drum keys.
 */
import type { Feel, Meter, MeterGrouping } from '../params.ts';
import { WORLD_GROOVES } from './world.ts';

/** General MIDI percussion keys the grooves and fills use. */
export const GM_DRUMS = {
  kick: 36,
  rim: 37,
  snare: 38,
  closedHat: 42,
  pedalHat: 44,
  openHat: 46,
  crash: 49,
  ride: 51,
  lowTom: 45,
  midTom: 47,
  highTom: 50,
  floorTom: 43,
  cowbell: 56,
  shaker: 70,
  claves: 75,
  handClap: 39,
  /** The dhol's bass head (dagga): GM Low Floor Tom, the deepest boom in every GM kit. */
  lowFloorTom: 41,
  /** The dhol's treble head (tilli): GM Hi Bongo, a thin high crack. */
  highBongo: 60,
} as const;

export type DrumVoice = keyof typeof GM_DRUMS;
export type Pattern = Partial<Record<DrumVoice, string>>;

export interface Groove {
  id: string;
  /** A musician's name for it, used in facts. */
  label: string;
  meter: Meter;
  /** Ticks per step character. */
  step: number;
  /** Already in triplets: the swing map must leave it alone. */
  swung: boolean;
  levels: readonly [Pattern, Pattern, Pattern];
  /** The feel this groove plays (world-palette grooves are chosen by params.rhythm.feel). */
  feel?: Feel;
  /** The odd-meter grouping this groove accents (7/8 '3+2+2', 5/4 '2+3'). */
  grouping?: MeterGrouping;
}

export const GROOVES: readonly Groove[] = [
  {
    id: 'straight', label: 'straight backbeat', meter: '4/4', step: 120, swung: false,
    levels: [
      { kick: 'x.......x.......', snare: '....x.......x...', closedHat: 'x...o...x...o...' },
      { kick: 'x.......x.x.....', snare: '....x.......x...', closedHat: 'x.o.x.o.x.o.x.o.' },
      { kick: 'x.....o.x.x.....', snare: '....x..-....x..-', closedHat: 'xoxoxoxoxoxoxo..', openHat: '..............o.' },
    ],
  },
  {
    id: 'driving', label: 'driving four-on-the-floor', meter: '4/4', step: 120, swung: false,
    levels: [
      { kick: 'x...x...x...x...', snare: '....x.......x...', closedHat: '..o...o...o...o.' },
      { kick: 'x...x...x...x...', snare: '....x.......x...', closedHat: 'o.x.o.x.o.x.o.x.' },
      { kick: 'x...x...x...x.o.', snare: '....x.......x...', closedHat: 'oxoxoxoxoxoxoxox', openHat: '..o...o...o...o.' },
    ],
  },
  {
    id: 'ballad', label: 'ballad with cross-stick', meter: '4/4', step: 120, swung: false,
    levels: [
      { kick: 'x.........o.....', rim: '....o.......o...', closedHat: 'o...o...o...o...' },
      { kick: 'x.........o.....', rim: '....x.......x...', closedHat: 'o.o.o.o.o.o.o.o.' },
      { kick: 'x.....o...o.....', snare: '....x.......x...', ride: 'o.o.o.o.o.o.o.o.' },
    ],
  },
  {
    id: 'half-time', label: 'half-time', meter: '4/4', step: 120, swung: false,
    levels: [
      { kick: 'x...............', snare: '........x.......', closedHat: 'o...o...o...o...' },
      { kick: 'x.....o...o.....', snare: '........x.......', closedHat: 'x.o.x.o.x.o.x.o.' },
      { kick: 'x.....o...o..o..', snare: '........x.....-.', closedHat: 'xoxoxoxoxoxoxoxo' },
    ],
  },
  {
    id: 'swing', label: 'swing ride', meter: '4/4', step: 160, swung: true,
    levels: [
      { ride: 'x..o..x..o..', pedalHat: '...o.....o..' },
      { ride: 'x..o.ox..o.o', pedalHat: '...o.....o..', kick: 'o...........' },
      { ride: 'x..o.ox..o.o', pedalHat: '...o.....o..', kick: 'o.....o.....', snare: '.....-.....-' },
    ],
  },
  {
    id: 'waltz', label: 'waltz', meter: '3/4', step: 120, swung: false,
    levels: [
      { kick: 'x...........', closedHat: '....o...o...' },
      { kick: 'x...........', snare: '....o...o...', closedHat: 'x.o.x.o.x.o.' },
      { kick: 'x.......o...', snare: '....x...x...', closedHat: 'xoxoxoxoxoxo' },
    ],
  },
  {
    id: 'march', label: 'march', meter: '2/4', step: 120, swung: false,
    levels: [
      { kick: 'x...o...', snare: '....o...' },
      { kick: 'x...x...', snare: '..o.x.o.', closedHat: 'o.o.o.o.' },
      { kick: 'x...x...', snare: 'x.-ox-oo', closedHat: 'o.o.o.o.' },
    ],
  },
  {
    id: 'six-eight', label: '6/8 lilt', meter: '6/8', step: 240, swung: false,
    levels: [
      { kick: 'x.....', rim: '...o..', closedHat: 'o..o..' },
      { kick: 'x.....', snare: '...x..', closedHat: 'xooxoo' },
      { kick: 'x....o', snare: '...x..', closedHat: 'xooxoo', openHat: '.....o' },
    ],
  },
  {
    id: 'twelve-eight', label: '12/8 shuffle', meter: '12/8', step: 240, swung: false,
    levels: [
      { kick: 'x.....x.....', snare: '...o.....o..', closedHat: 'o..o..o..o..' },
      { kick: 'x.....x..o..', snare: '...x.....x..', closedHat: 'xooxooxooxoo' },
      { kick: 'x....ox..o..', snare: '...x.....x.-', ride: 'xooxooxooxoo' },
    ],
  },
  {
    id: 'five-four', label: '5/4 in three plus two', meter: '5/4', step: 120, swung: false,
    levels: [
      { kick: 'x...........x.......', snare: '........o.......o...', closedHat: 'o...o...o...o...o...' },
      { kick: 'x.....o.....x.......', snare: '........x.......x...', closedHat: 'x.o.x.o.x.o.x.o.x.o.' },
      { kick: 'x.....o.....x...o...', snare: '........x.......x..-', ride: 'xoxoxoxoxoxoxoxoxoxo' },
    ],
  },
  {
    id: 'seven-eight', label: '7/8 in two-two-three', meter: '7/8', step: 120, swung: false,
    levels: [
      { kick: 'x.......o.....', snare: '....o.........', closedHat: 'o...o...o.....' },
      { kick: 'x.......x.....', snare: '....x.......o.', closedHat: 'x.o.x.o.x.o.o.' },
      { kick: 'x.......x...o.', snare: '....x.....-.x.', closedHat: 'xoxoxoxoxoxoxo' },
    ],
  },
  {
    id: 'seven-eight-322', label: '7/8 in three-two-two', meter: '7/8', step: 120, swung: false, grouping: '3+2+2',
    levels: [
      { kick: 'x.............', snare: '......o.......', closedHat: 'o.....o...o...' },
      { kick: 'x.........o...', snare: '......x.......', closedHat: 'x.o.o.x.o.x.o.' },
      { kick: 'x.........x.o.', snare: '......x...-.x.', closedHat: 'xoxoxoxoxoxoxo' },
    ],
  },
  {
    id: 'five-four-23', label: '5/4 in two plus three', meter: '5/4', step: 120, swung: false, grouping: '2+3',
    levels: [
      { kick: 'x.......x...........', snare: '....o...........o...', closedHat: 'o...o...o...o...o...' },
      { kick: 'x.......x.....o.....', snare: '....x...........x...', closedHat: 'x.o.x.o.x.o.x.o.x.o.' },
      { kick: 'x.......x.....o.....', snare: '....x.......-...x..-', ride: 'xoxoxoxoxoxoxoxoxoxo' },
    ],
  },
  ...WORLD_GROOVES,
];

/** Velocity factor of a step character. */
export const HIT: Readonly<Record<string, number>> = { x: 1, o: 0.78, '-': 0.42 };

/** Toms for fills, high to low: fills roll downhill into the next section. */
export const FILL_VOICES: readonly DrumVoice[] = ['snare', 'highTom', 'midTom', 'lowTom', 'floorTom'];
