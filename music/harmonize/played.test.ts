import { describe, expect, it } from 'vitest';
import { parseParams } from '../params.ts';
import { PPQ, type Note } from '../sketch.ts';
import { generateSketch } from '../generate.ts';
import { houseNumeral, nameChord, playedProgression, withPlayedChords } from './played.ts';

const bar = 4 * PPQ;
/** Block chords, one a bar, with the given MIDI pitches. */
const played = (chords: number[][]): Note[] =>
  chords.flatMap((pitches, i) => pitches.map((pitch) => ({ pitch, start: i * bar + 10, duration: bar - 40, velocity: 0.7 })));

describe('chords played in', () => {
  it('names what was played, root position or not', () => {
    expect(nameChord(played([[57, 60, 64]]))).toBe('Am');
    expect(nameChord(played([[52, 55, 60]]))).toBe('C'); // first inversion: E in the bass
    expect(nameChord(played([[43, 55, 59, 62, 65]]))).toBe('G7');
  });

  it('spells numerals as the engine writes them', () => {
    expect(['VIm', 'IIm7', 'VIIdim', 'bVII', 'V7', 'IVmaj7'].map(houseNumeral)).toEqual(['vi', 'ii7', 'vii°', 'bVII', 'V7', 'IVmaj7']);
  });

  it('turns a played I–vi–IV–V into the song’s progression, and the song plays it', () => {
    const params = parseParams({ key: 'C', sections: [{ name: 'verse', bars: 4 }, { name: 'chorus', bars: 4, chords: ['IV', 'V'] }] });
    const numerals = playedProgression(played([[48, 52, 55], [45, 48, 52], [41, 45, 48], [43, 47, 50]]), params);
    expect(numerals).toEqual(['I', 'vi', 'IV', 'V']);
    const song = generateSketch(withPlayedChords(params, numerals), 3);
    expect(song.chords.filter((c) => c.bar < 4).map((c) => c.symbol)).toEqual(['C', 'Am', 'F', 'G']);
    // A section with chords of its own keeps them.
    expect(song.chords.filter((c) => c.bar >= 4).map((c) => c.symbol)).toEqual(['F', 'G', 'F', 'G']);
  });

  it('hears a minor key’s own chords and its major dominant', () => {
    const params = parseParams({ key: 'A', mode: 'minor', sections: [{ name: 'verse', bars: 4 }] });
    // Accidentals count from the major scale (bVII in A is G), as the engine reads numerals.
    const numerals = playedProgression(played([[45, 48, 52], [43, 47, 50], [41, 45, 48], [40, 44, 47, 50]]), params);
    expect(numerals).toEqual(['i', 'bVII', 'bVI', 'V7']);
    const song = generateSketch(withPlayedChords(params, numerals), 1);
    expect(song.chords.map((c) => c.symbol)).toEqual(['Am', 'G', 'F', 'E7']);
  });
});
