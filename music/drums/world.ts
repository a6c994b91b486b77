/**
 * World-palette grooves as data: son and rumba clave (3-2 and 2-3), bossa nova, reggae one-drop,
 * Afrobeat and the bhangra dhol's chaal. Clave patterns are two bars long and written as sixteenth-note positions over
 * those two bars (0–31), the way percussionists count them; they are turned into step strings
 * for the groove table. A pattern longer than one bar is played bar by bar, counted from the
 * song's first bar, so the clave never flips direction at a section boundary.
 */
import type { Feel } from '../params.ts';
import type { Groove } from './grooves.ts';

/** Two-bar clave rhythms in sixteenths (4/4): the "3" side has three strokes, the "2" side two. */
export const CLAVES = {
  'son-3-2': [0, 6, 12, 20, 24],
  'son-2-3': [4, 8, 16, 22, 28],
  'rumba-3-2': [0, 6, 14, 20, 24],
  'rumba-2-3': [4, 8, 16, 22, 30],
  /** The bossa nova rim-click figure: son clave with the last stroke pushed an eighth later. */
  'bossa-3-2': [0, 6, 12, 20, 26],
} as const satisfies Record<string, readonly number[]>;

export type ClaveName = keyof typeof CLAVES;

/** Step string of `length` sixteenths with `mark` at the given positions: steps([0, 4], 8) → "x...x...". */
export function steps(positions: readonly number[], length: number, mark = 'x'): string {
  return Array.from({ length }, (_, i) => (positions.includes(i) ? mark : '.')).join('');
}

/** The same one-bar figure repeated over two bars, so it lines up with a two-bar clave. */
const twice = (bar: string) => bar + bar;

/** A son or rumba groove around a clave: bombo kick, cowbell on the beat, shaker when busy. */
function claveGroove(feel: Feel, clave: ClaveName, label: string): Groove {
  const claves = steps(CLAVES[clave], 32);
  const kick = twice(steps([6, 12], 16, 'o'));
  const bell = twice('x...o...x...o...');
  const shaker = twice('xo-oxo-oxo-oxo-o');
  return {
    id: feel, label, meter: '4/4', step: 120, swung: false, feel,
    levels: [
      { claves, kick },
      { claves, kick, cowbell: bell },
      { claves, kick, cowbell: bell, shaker },
    ],
  };
}

const bossaKick = twice(steps([0, 6, 8, 14], 16));

/**
 * The dhol's chaal, the bhangra beat: eight strokes to the bar, bols "dha na na na na dha dha na"
 * (dha = both heads, na = the treble alone), played with the light shuffle dhol players give it —
 * each pair of eighths long–short, like a dotted eighth and a sixteenth — so on sixteenths the
 * strokes fall on 0, 3, 4, 7, 8, 11, 12, 15 (drumdojo.com, "Chaal Rhythm for the Punjabi Dhol").
 * The bass head (dagga) sounds on the dha strokes, the treble head (tilli) on every stroke.
 */
export const CHAAL = {
  dha: [0, 11, 12],
  strokes: [0, 3, 4, 7, 8, 11, 12, 15],
} as const;
const dagga = steps(CHAAL.dha, 16, 'x');
const tilli = Array.from(steps(CHAAL.strokes, 16, 'o'), (c, i) => ((CHAAL.dha as readonly number[]).includes(i) ? 'x' : c)).join('');
const bossaRim = steps(CLAVES['bossa-3-2'], 32);

export const WORLD_GROOVES: readonly Groove[] = [
  claveGroove('clave-son-3-2', 'son-3-2', 'son clave 3-2'),
  claveGroove('clave-son-2-3', 'son-2-3', 'son clave 2-3'),
  claveGroove('rumba-3-2', 'rumba-3-2', 'rumba clave 3-2'),
  claveGroove('rumba-2-3', 'rumba-2-3', 'rumba clave 2-3'),
  {
    id: 'bossa', label: 'bossa nova (rim-click clave over a surdo kick)', meter: '4/4', step: 120, swung: false, feel: 'bossa',
    levels: [
      { rim: bossaRim, kick: twice(steps([0, 8], 16)) },
      { rim: bossaRim, kick: bossaKick, closedHat: twice('x.o.x.o.x.o.x.o.') },
      { rim: bossaRim, kick: bossaKick, closedHat: twice('xoxoxoxoxoxoxoxo') },
    ],
  },
  {
    id: 'one-drop', label: 'reggae one-drop (kick and rim together on three)', meter: '4/4', step: 120, swung: false, feel: 'one-drop',
    levels: [
      { kick: '........x.......', rim: '........x.......', closedHat: 'x...x...x...x...' },
      { kick: '........x.......', rim: '........x.......', closedHat: 'x.o.x.o.x.o.x.o.' },
      { kick: '........x.......', rim: '........x.......', closedHat: 'x.o.x.o.x.o.x.o.', openHat: '......o.......o.' },
    ],
  },
  {
    id: 'afrobeat', label: 'Afrobeat (open hats on the off-beats, ghosted snare, bell)', meter: '4/4', step: 120, swung: false, feel: 'afrobeat',
    levels: [
      { kick: 'x.....x...x.....', snare: '....x.......x...', closedHat: 'x.x.x.x.x.x.x.x.' },
      { kick: 'x.....x...x.....', snare: '....x..-.-..x..-', closedHat: 'x...x...x...x...', openHat: '..o...o...o...o.' },
      { kick: 'x.....x.x.x.....', snare: '....x..-.-..x..-', closedHat: 'x-.-x-.-x-.-x-.-', openHat: '..o...o...o...o.', cowbell: 'x.x.xx.x.x.xx.x.' },
    ],
  },
  {
    // The dhol carries the beat at every level; busier sections add a kit kick under the dagga
    // and claps on the off-beat "hey"s, as bhangra bands over a drum machine do.
    id: 'bhangra', label: 'bhangra dhol chaal (dagga and tilli, long–short)', meter: '4/4', step: 120, swung: false, feel: 'bhangra',
    levels: [
      { lowFloorTom: dagga, highBongo: tilli },
      { lowFloorTom: dagga, highBongo: tilli, kick: steps(CHAAL.dha, 16, 'o') },
      { lowFloorTom: dagga, highBongo: tilli, kick: steps(CHAAL.dha, 16, 'x'), handClap: steps([4, 12], 16, 'o') },
    ],
  },
];
