import { describe, expect, it } from 'vitest';
import { barRepetition, chordLabels, chorusLift, drumDistance, ending, hookShare, longestPedal, melodyBelow, melodyShape } from './measures.ts';
import type { ReadNote, ReadSong } from './read.ts';
import { readMidi } from './read.ts';
import { sketchToMidi } from '../../music/midi/export.ts';
import { generateSketch } from '../../music/generate.ts';
import { parseParams } from '../../music/params.ts';

const n = (pitch: number, start: number, len = 480, velocity = 80): ReadNote => ({ pitch, start, end: start + len, velocity });
const song = (tracks: Record<string, ReadNote[]>, sections: ReadSong['sections'] = [], end = 4 * 1920): ReadSong => ({ ppq: 480, ticksPerBar: 1920, beat: 480, tonic: 0, minor: false, tempos: [100], sections, tracks, end });

describe('the songcraft measures', () => {
  it('finds a returning hook, and a chorus that changed', () => {
    const sections = [{ name: 'chorus', start: 0, end: 1920 }, { name: 'verse', start: 1920, end: 3840 }, { name: 'chorus', start: 3840, end: 5760 }];
    const same = song({ melody: [n(60, 0), n(64, 480), n(60, 3840), n(64, 4320)] }, sections);
    expect(hookShare(same)).toBe(1);
    const half = song({ melody: [n(60, 0), n(64, 480), n(60, 3840), n(65, 4320)] }, sections);
    expect(hookShare(half)).toBe(0.5);
    expect(hookShare(song({ melody: [n(60, 0)] }, sections.slice(0, 2)))).toBeNaN();
  });

  it('counts repeated bars, exactly and transposed', () => {
    const bars = song({ melody: [n(60, 0), n(62, 480), n(60, 1920), n(62, 2400), n(65, 3840), n(67, 4320)] });
    expect(barRepetition(bars)).toEqual({ exact: 1 / 3, transposed: 2 / 3 });
  });

  it('measures range, leaps, steps, breaths and off-beats', () => {
    const m = melodyShape(song({ melody: [n(60, 0), n(62, 480), n(69, 960), n(67, 1440 + 240, 240)] }));
    expect(m.range).toBe(9);
    expect(m.leap).toBe(7);
    expect(m.steps).toBeCloseTo(2 / 3);
    expect(m.offBeat).toBe(0.25);
    expect(m.emptyBeats).toBe(0);
    expect(melodyShape(song({ melody: [n(60, 0), n(62, 1440)] })).emptyBeats).toBe(0.5);
  });

  it('reads chords from the chord and bass tracks, and the melody under them', () => {
    const s = song({ chords: [n(60, 0, 960), n(64, 0, 960), n(67, 0, 960), n(57, 960, 960), n(60, 960, 960), n(64, 960, 960)], bass: [n(36, 0, 960), n(33, 960, 960)], melody: [n(72, 0), n(62, 960)] }, [], 1920);
    expect(chordLabels(s)).toEqual(['0', '9m']);
    expect(melodyBelow(s)).toBe(0.5);
    expect(longestPedal(s)).toBe(0);
  });

  it('judges endings and chorus lifts', () => {
    const sections = [{ name: 'verse', start: 0, end: 1920 }, { name: 'chorus', start: 1920, end: 3840 }];
    const landed = song({ chords: [n(67, 0, 1920), n(60, 1920, 1920), n(64, 1920, 1920)], bass: [n(43, 0, 1920), n(36, 1920, 1920)], melody: [n(62, 0, 480, 70), n(72, 1920, 1920, 90)] }, sections, 3840);
    expect(ending(landed, { tonic: 0, third: 4 }).lands).toBe(true);
    expect(ending(landed, { tonic: 2, third: 3 }).why).toBe('final bass not the tonic');
    expect(chorusLift(landed).velocity).toBe(20);
    expect(drumDistance('36@0,38@4', '36@0,38@4')).toBe(0);
    expect(drumDistance('36@0,38@4', '36@0,38@6')).toBeCloseTo(2 / 3);
  });

  it('reads an exported sketch back: its bars, sections and melody notes', () => {
    const sketch = generateSketch(parseParams({ key: 'E', mode: 'minor' }), 3);
    const read = readMidi(sketchToMidi(sketch));
    expect(read.ticksPerBar).toBe(sketch.ticksPerBar);
    expect(read.tonic).toBe(4);
    expect(read.minor).toBe(true);
    expect(read.sections.map((s) => s.name)).toEqual(sketch.sections.map((s) => s.name.toLowerCase()));
    expect(read.tracks.melody?.length).toBe(sketch.tracks[0]!.notes.length);
  });
});
