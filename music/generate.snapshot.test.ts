/**
 * Golden sketches: four fixed (params, seed) pairs rendered and compared with stored snapshots,
 * so any change to what the engine plays is seen in review (and needs an ENGINE_VERSION bump).
 * The snapshot keeps chords, facts, the opening melody and a digest of every note.
 */
import { describe, expect, it } from 'vitest';
import { generateSketch } from './generate.ts';
import { SongParameters, type SongParametersInput } from './params.ts';
import { hashSeed } from './rng.ts';
import type { Sketch } from './sketch.ts';

const FIXTURES: Record<string, [SongParametersInput, number]> = {
  'default pop form in C major': [{}, 1],
  'slow D dorian waltz with walking bass': [{ key: 'D', mode: 'dorian', meter: '3/4', tempo: 72, valence: -0.3, arousal: -0.4, bass: { style: 'walking' }, harmony: { comping: 'arpeggio' } }, 7],
  'bright swung Bb major with borrowed sevenths': [{ key: 'Bb', mode: 'major', valence: 0.7, arousal: 0.6, rhythm: { feel: 'swing' }, harmony: { extensions: true, borrowed: true, comping: 'strum' } }, 42],
  'A minor pentatonic in 6/8 without drums': [{ key: 'A', mode: 'minor pentatonic', meter: '6/8', drums: { enabled: false }, melody: { contour: 'falling', density: 0.7 }, sections: [{ name: 'verse', bars: 8 }, { name: 'chorus', bars: 8, energy: 0.8 }] }, 2026],
};

/** A compact, reviewable summary of a sketch. */
function summary(sketch: Sketch) {
  const melody = sketch.tracks[0]?.notes ?? [];
  return {
    chords: sketch.chords.map((c) => `${c.bar + 1}:${c.roman}=${c.symbol}`).join(' '),
    facts: sketch.facts.map((f) => f.text),
    openingMelody: melody.filter((n) => n.start < 8 * sketch.ticksPerBar).map((n) => `${n.pitch}@${n.start}+${n.duration}`).join(' '),
    tracks: sketch.tracks.map((t) => `${t.name} ch${t.channel} prog${t.program}: ${t.notes.length} notes, digest ${hashSeed(0, JSON.stringify(t.notes)).toString(16)}`),
  };
}

describe('golden sketches', () => {
  for (const [name, [input, seed]] of Object.entries(FIXTURES)) {
    it(`renders "${name}" exactly as before`, () => {
      expect(summary(generateSketch(SongParameters.parse(input), seed))).toMatchSnapshot();
    });
  }
});
