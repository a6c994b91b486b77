import { describe, expect, it } from 'vitest';
import type { Sketch } from '../../../music/sketch.ts';
import { nowSinging, sungLines } from './karaoke.ts';
import { lyricEdits } from '../../../server/lyrics/diff.ts';

/** A melody of [start, duration, text, syllabic, line] notes, plus one instrumental note. */
function sketchOf(notes: [number, number, string, 'single' | 'begin' | 'middle' | 'end', number][]): Sketch {
  const melody = notes.map(([start, duration, text, syllabic, line]) => ({ pitch: 64, start, duration, velocity: 0.8, lyric: { text, syllabic, line } }));
  return { tracks: [{ id: 'melody', notes: [...melody, { pitch: 60, start: 5000, duration: 100, velocity: 0.5 }] }] } as unknown as Sketch;
}

describe('karaoke', () => {
  const sketch = sketchOf([
    [960, 240, 'go', 'end', 0], // out of order on purpose: lines are sorted by time
    [0, 480, 'keep', 'single', 0],
    [480, 240, 'on', 'begin', 0],
    [1920, 480, 'home', 'single', 1],
  ]);
  const lines = sungLines(sketch);

  it('groups the sung syllables by line in time order and leaves instrumental notes out', () => {
    expect(lines.map((l) => l.syllables.map((s) => s.text))).toEqual([['keep', 'on', 'go'], ['home']]);
    expect(lines[0]).toMatchObject({ start: 0, end: 1200 });
  });

  it('names the syllable sounding at a tick, and the next line once a line has ended', () => {
    expect(nowSinging(lines, 0)).toEqual({ line: 0, syllable: 0 });
    expect(nowSinging(lines, 500)).toEqual({ line: 0, syllable: 1 });
    expect(nowSinging(lines, 1100)).toEqual({ line: 0, syllable: 2 });
    expect(nowSinging(lines, 1500)).toEqual({ line: 1, syllable: -1 });
    expect(nowSinging(lines, 1920)).toEqual({ line: 1, syllable: 0 });
    expect(nowSinging(lines, 2400)).toBeNull();
  });
});

describe('lyric edits between versions', () => {
  it('lists changed, added and removed lines per section instance', () => {
    const a = { sections: [{ name: 'verse', lyrics: ['the empty chair', 'our Sunday walks'] }, { name: 'chorus', lyrics: ['keep going'] }, { name: 'chorus' }] };
    const b = { sections: [{ name: 'verse', lyrics: ['the empty chair'] }, { name: 'chorus', lyrics: ['keep on going'] }, { name: 'chorus', lyrics: ['home'] }] };
    expect(lyricEdits(a, b)).toEqual([
      { section: 'verse', nth: 1, line: 1, from: 'our Sunday walks', to: null },
      { section: 'chorus', nth: 1, line: 0, from: 'keep going', to: 'keep on going' },
      { section: 'chorus', nth: 2, line: 0, from: null, to: 'home' },
    ]);
    expect(lyricEdits(a, a)).toEqual([]);
  });
});
