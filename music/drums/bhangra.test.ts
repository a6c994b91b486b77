/**
 * Bhangra plays the dhol's chaal: read back from the exported MIDI file (midi-file's reader, no
 * code shared with the writer), every bar away from a fill sounds the dagga (GM Low Floor Tom) on
 * the dha strokes and the tilli (GM Hi Bongo) on all eight, long–short.
 */
import { describe, expect, it } from 'vitest';
import { generateSketch } from '../generate.ts';
import { parseParams } from '../params.ts';
import { applyStyle } from '../styles/apply.ts';
import { sketchToMidi } from '../midi/export.ts';
import { pairNotes, readBack } from '../midi/testing.ts';
import { CHAAL } from './world.ts';
import { GM_DRUMS } from './grooves.ts';

const SEEDS = [1, 2, 3, 4];

/** Per bar, the sixteenths (0–15) where a drum key is struck, from the file's drum channel. */
function strokesByBar(bytes: Uint8Array, key: number, ticksPerBar: number): Map<number, number[]> {
  const file = readBack(bytes);
  const drums = file.tracks.flatMap((t) => pairNotes(t)).filter((n) => n.channel === 9 && n.pitch === key);
  const sixteenth = ticksPerBar / 16;
  const bars = new Map<number, number[]>();
  for (const n of drums) {
    // Humanising moves a stroke by a few ticks, never by half a sixteenth.
    const at = Math.round(n.start / sixteenth);
    const bar = Math.floor(at / 16);
    bars.set(bar, [...(bars.get(bar) ?? []), at % 16].sort((a, b) => a - b));
  }
  return bars;
}

describe('bhangra dhol', () => {
  it.each(SEEDS)('seed %i: the chaal, dagga on dha and tilli on every stroke, in every bar the dhol plays without a fill', (seed) => {
    const params = applyStyle(parseParams({ key: 'D', mode: 'major', sections: [{ name: 'verse', bars: 4, energy: 0.5 }, { name: 'chorus', bars: 4, energy: 0.8 }, { name: 'verse', bars: 4, energy: 0.5 }] }), 'bhangra');
    expect(params.rhythm.feel).toBe('bhangra');
    const sketch = generateSketch(params, seed);
    const bytes = sketchToMidi(sketch);
    const dagga = strokesByBar(bytes, GM_DRUMS.lowFloorTom, sketch.ticksPerBar);
    const tilli = strokesByBar(bytes, GM_DRUMS.highBongo, sketch.ticksPerBar);
    // A section's last bar ends in a fill (toms rolling down) and the song's last bar lands: the groove bars are the others.
    const grooveBars = sketch.sections.flatMap((s) => Array.from({ length: s.bars - 1 }, (_, b) => s.startBar + b));
    expect(grooveBars.length).toBe(9);
    for (const bar of grooveBars) {
      expect(dagga.get(bar), `dagga, bar ${bar}`).toEqual([...CHAAL.dha]);
      expect(tilli.get(bar), `tilli, bar ${bar}`).toEqual([...CHAAL.strokes]);
    }
  });

  it('is the bols "dha na na na na dha dha na" with each pair long–short', () => {
    const bols = CHAAL.strokes.map((s) => ((CHAAL.dha as readonly number[]).includes(s) ? 'dha' : 'na'));
    expect(bols.join(' ')).toBe('dha na na na na dha dha na');
    // Eight strokes, two to a beat, the second of each pair a sixteenth before the next beat.
    expect(CHAAL.strokes.map((s) => s % 4)).toEqual([0, 3, 0, 3, 0, 3, 0, 3]);
  });
});
