/** Named behaviours of the parts and the feel layer: bass styles, grooves, swing and humanisation. */
import { describe, expect, it } from 'vitest';
import { generateSketch } from './generate.ts';
import { SongParameters, type SongParametersInput } from './params.ts';
import { swingTick, applySwing } from './feel/swing.ts';
import { humanizeWithin } from './feel/humanize.ts';
import { createRng } from './rng.ts';
import { chooseGroove } from './drums/drums.ts';
import { GM_PROGRAMS } from './instruments.ts';
import { trackNotes } from './testing.ts';

const make = (input: SongParametersInput, seed = 5) => generateSketch(SongParameters.parse({ rhythm: { humanize: 0 }, ...input }), seed);

describe('bass', () => {
  it('walks one note per beat', () => {
    const sketch = make({ bass: { style: 'walking' }, sections: [{ name: 'verse', bars: 8 }] });
    // Seven walking bars, then the song lands: one held tonic on the last downbeat.
    const bass = trackNotes(sketch, 'bass');
    expect(bass).toHaveLength(7 * 4 + 1);
    expect(bass.at(-1)).toMatchObject({ start: 7 * 1920, duration: 1920 });
  });

  it('holds the tonic under every chord in pedal style', () => {
    const sketch = make({ key: 'E', mode: 'minor', bass: { style: 'pedal' } });
    expect(new Set(trackNotes(sketch, 'bass').map((n) => n.pitch % 12))).toEqual(new Set([4]));
  });

  it('starts each chord on its root in root-fifth style', () => {
    const sketch = make({ bass: { style: 'root-fifth' } });
    const bass = trackNotes(sketch, 'bass');
    for (const chord of sketch.chords) {
      const first = bass.find((n) => n.start === chord.start);
      expect(first).toBeDefined();
    }
  });
});

describe('drums', () => {
  it('chooses the groove for the meter and feel from the table', () => {
    expect(chooseGroove(SongParameters.parse({ meter: '3/4' })).id).toBe('waltz');
    expect(chooseGroove(SongParameters.parse({ meter: '7/8' })).id).toBe('seven-eight');
    expect(chooseGroove(SongParameters.parse({ rhythm: { feel: 'swing' } })).id).toBe('swing');
    expect(chooseGroove(SongParameters.parse({ rhythm: { feel: 'half-time' } })).id).toBe('half-time');
    expect(chooseGroove(SongParameters.parse({ meter: '2/4' })).id).toBe('march');
  });

  it('plays a fill in the bar before a new section only when fills are on', () => {
    const toms = (fills: boolean) => trackNotes(make({ drums: { fills } }), 'drums').filter((n) => [45, 47, 50, 43].includes(n.pitch)).length;
    expect(toms(true)).toBeGreaterThan(0);
    expect(toms(false)).toBe(0);
  });

  it('plays more drum hits when drums.density rises', () => {
    const count = (density: number) => trackNotes(make({ drums: { density } }), 'drums').length;
    expect(count(1)).toBeGreaterThan(count(0));
  });
});

describe('feel', () => {
  it('swings off-beat eighths to the triplet at full swing and leaves beats alone', () => {
    expect(swingTick(240, 1)).toBe(320);
    expect(swingTick(480, 1)).toBe(480);
    expect(swingTick(0, 0.5)).toBe(0);
    const swung = applySwing([{ pitch: 60, start: 0, duration: 240, velocity: 0.5 }, { pitch: 62, start: 240, duration: 240, velocity: 0.5 }], 1);
    expect(swung.map((n) => [n.start, n.duration])).toEqual([[0, 320], [320, 160]]);
  });

  it('never humanises a note out of its section, below one tick, or past the section end; the downbeat stays', () => {
    const notes = [{ pitch: 64, start: 2000, duration: 30, velocity: 0.5 }, { pitch: 60, start: 2003, duration: 1, velocity: 1 }, { pitch: 61, start: 2950, duration: 50, velocity: 0.1 }];
    let moved = 0;
    for (let s = 0; s < 200; s++) {
      const out = humanizeWithin(notes, 1, 2000, 3000, createRng(s));
      expect(out[0]!.start).toBe(2000);
      for (const n of out) {
        expect(n.start).toBeGreaterThanOrEqual(2000);
        expect(n.duration).toBeGreaterThanOrEqual(1);
        expect(n.start + n.duration).toBeLessThanOrEqual(3000);
      }
      if (out[2]!.start !== 2950) moved++;
    }
    expect(moved).toBeGreaterThan(100);
  });

  it('gets louder with the dynamics level', () => {
    const mean = (level: number) => {
      const notes = trackNotes(make({ dynamics: { level } }), 'melody');
      return notes.reduce((a, n) => a + n.velocity, 0) / notes.length;
    };
    expect(mean(1)).toBeGreaterThan(mean(0));
  });
});

describe('instruments', () => {
  it('maps instrument names to General MIDI programs', () => {
    expect([GM_PROGRAMS.piano, GM_PROGRAMS['electric piano'], GM_PROGRAMS['acoustic bass'], GM_PROGRAMS['electric bass'], GM_PROGRAMS.strings, GM_PROGRAMS.pad]).toEqual([0, 4, 32, 33, 48, 89]);
    const sketch = make({ instruments: { melody: 'flute', chords: 'strings', bass: 'acoustic bass' } });
    expect(sketch.tracks.map((t) => t.program).slice(0, 3)).toEqual([73, 48, 32]);
  });
});
