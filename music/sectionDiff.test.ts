/**
 * The measured diff per section × part: what it reports must be what the notes show, for scoped
 * changes, form changes and song-wide ones; and a per-section instrument reaches the MIDI file.
 */
import { describe, expect, it } from 'vitest';
import { generateSketch } from './generate.ts';
import { SongParameters, type SongParametersInput } from './params.ts';
import { diffSketches, diffVersions, measureSketch } from './diff.ts';
import { sketchToMidi } from './midi/export.ts';
import { pairNotes, readBack } from './midi/testing.ts';
import { PART_IDS } from './params.ts';

const base = SongParameters.parse({});
const sketch = (input: SongParametersInput, seed = 11) => generateSketch(SongParameters.parse(input), seed);
const scoped = (name: string, arrangement: object, only?: number) =>
  sketch({ ...base, sections: base.sections.map((s, i) => (s.name === name && (only === undefined || i === only) ? { ...s, arrangement } : s)) });

describe('measureSketch', () => {
  it('counts every note of every part exactly once across the sections', () => {
    const s = sketch(base);
    const stats = measureSketch(s);
    for (const part of PART_IDS) {
      const total = stats.sections.reduce((n, x) => n + x.parts[part].notes, 0);
      expect(total, part).toBe(s.tracks.find((t) => t.id === part)?.notes.length ?? 0);
    }
    expect(stats.sections.map((x) => `${x.name}${x.occurrence}`)).toEqual(['intro0', 'verse0', 'chorus0', 'verse1', 'chorus1', 'outro0']);
    // A chorus changes chord twice a bar where the song changes once (harmony/progression.ts).
    expect(stats.sections[2]!.chords.length).toBe(16);
  });
});

describe('diffSketches', () => {
  it('sees no change between a sketch and itself', () => {
    const d = diffSketches(sketch(base), sketch(base));
    for (const s of d.sections) for (const part of PART_IDS) expect(s.parts[part]).toMatchObject({ notes: 0, velocityRatio: 1, pitchShift: 0, kept: 1, identical: true });
  });

  it('reports "no bass in the intro" as every intro bass note gone and nothing else touched', () => {
    const d = diffSketches(sketch(base), scoped('intro', { bass: { mute: true } }));
    const intro = d.sections.find((s) => s.name === 'intro')!;
    expect(intro.parts.bass.after?.notes).toBe(0);
    expect(intro.parts.bass.notes).toBe(-(intro.parts.bass.before?.notes ?? 0));
    expect(intro.parts.bass.kept).toBe(0);
    expect(intro.parts.melody.identical).toBe(true);
    expect(d.sections.filter((s) => s.name !== 'intro').every((s) => PART_IDS.every((p) => s.parts[p].identical))).toBe(true);
  });

  it('reports "fewer drums in the verse", "piano softer in the intro" and "the verse melody lower" as the notes show them', () => {
    const fewer = diffSketches(sketch(base), scoped('verse', { drums: { density: -0.5 } }));
    for (const v of fewer.sections.filter((s) => s.name === 'verse')) {
      expect(v.parts.drums.notes).toBeLessThan(0);
      expect(v.parts.drums.onsetsPerBarChange).toBeLessThan(0);
    }
    const softer = diffSketches(sketch(base), scoped('intro', { chords: { level: 0.6 } }));
    expect(softer.sections[0]!.parts.chords.velocityRatio).toBeLessThan(0.75);
    expect(softer.sections[0]!.parts.chords.notes).toBe(0);
    const lower = diffSketches(sketch(base), scoped('verse', { melody: { register: -1 } }));
    for (const v of lower.sections.filter((s) => s.name === 'verse')) expect(v.parts.melody.pitchShift).toBeCloseTo(-12, 6);
  });

  it('names one instance: only the last chorus changes when only it is arranged', () => {
    const d = diffSketches(sketch(base), scoped('chorus', { drums: { level: 1.5, density: 0.5 } }, 4));
    const [first, last] = d.sections.filter((s) => s.name === 'chorus');
    expect(first!.parts.drums.identical).toBe(true);
    expect(last!.parts.drums.notes).toBeGreaterThan(0);
    expect(last!.parts.drums.velocityRatio).toBeGreaterThan(1);
  });

  it('pairs sections by name, so an added outro, a pre-chorus or a removed intro leaves the others aligned and kept', () => {
    const plus = diffSketches(sketch(base), sketch({ ...base, sections: [...base.sections.slice(0, 2), { name: 'pre-chorus', bars: 4, energy: 0.6 }, ...base.sections.slice(2)] }));
    expect(plus.sections.map((s) => s.status)).toEqual(['kept', 'kept', 'added', 'kept', 'kept', 'kept', 'kept']);
    for (const s of plus.sections.filter((x) => x.status === 'kept')) for (const p of PART_IDS) expect(s.parts[p].kept, `${s.name} ${p}`).toBeGreaterThanOrEqual(0.9);
    const minus = diffSketches(sketch(base), sketch({ ...base, sections: base.sections.slice(1) }));
    expect(minus.sections.at(-1)).toMatchObject({ name: 'intro', status: 'removed', afterIndex: null, beforeIndex: 0 });
    expect(minus.sections.at(-1)!.parts.melody.notes).toBeLessThan(0);
  });

  it('reports tempo, key, mode and a per-section instrument change', () => {
    const d = diffSketches(sketch(base), sketch({ ...base, tempo: 72, key: 'D', mode: 'minor' }));
    expect(d.tempo).toEqual({ before: 96, after: 72 });
    expect(d.key).toEqual({ before: 'C', after: 'D' });
    expect(d.mode).toEqual({ before: 'major', after: 'minor' });
    // The organ, not the strings the orchestration already brings to a pop chorus.
    const organ = diffSketches(sketch(base), scoped('chorus', { chords: { instrument: 'organ' } }));
    expect(organ.sections.filter((s) => s.parts.chords.instrumentChanged).map((s) => s.name)).toEqual(['chorus', 'chorus']);
    expect(organ.sections[2]!.parts.chords.after?.instrument).toBe('organ');
  });
});

describe('per-section instrument in the MIDI file', () => {
  it('writes a program change on the part’s channel at the section start, before its first note', () => {
    const s = scoped('chorus', { chords: { instrument: 'organ' } }, 2);
    const file = readBack(sketchToMidi(s));
    const chords = file.tracks[2]!;
    const changes = chords.filter((e) => e.type === 'programChange').map((e) => [e.tick, (e as { programNumber: number }).programNumber, (e as { channel: number }).channel]);
    // The first chorus on the organ, piano after it, the second chorus on the orchestration's strings.
    expect(changes).toEqual([
      [0, 0, 1],
      [s.sections[2]!.startTick, 16, 1],
      [s.sections[3]!.startTick, 0, 1],
      [s.sections[4]!.startTick, 48, 1],
      [s.sections[5]!.startTick, 0, 1],
    ]);
    const at = chords.findIndex((e) => e.type === 'programChange' && e.tick === s.sections[2]!.startTick);
    const firstOn = chords.findIndex((e) => e.type === 'noteOn' && e.tick >= s.sections[2]!.startTick);
    expect(at).toBeLessThan(firstOn);
    expect(pairNotes(chords).length).toBe(s.tracks[1]!.notes.length);
  });
});

describe('diffVersions on arrangement changes', () => {
  const version = (params: SongParameters) => ({ params, sketch: generateSketch(params, 5) });
  const arranged = (name: string, arrangement: object, only?: number) =>
    SongParameters.parse({ ...base, sections: base.sections.map((s, i) => (s.name === name && (only === undefined || i === only) ? { ...s, arrangement } : s)) });

  it('says what the notes show, in words, once for every instance when all changed alike', () => {
    const v0 = version(base);
    expect(diffVersions(v0, version(arranged('intro', { bass: { mute: true } })))).toEqual(['no bass in the intro']);
    const fewer = diffVersions(v0, version(arranged('verse', { drums: { density: -0.6 } })));
    expect(fewer).toHaveLength(1);
    expect(fewer[0]).toMatch(/^every verse drums: sparser \(\d+ → \d+ notes\)$/);
    expect(diffVersions(v0, version(arranged('verse', { melody: { register: -1 } })))).toEqual(['every verse melody: an octave lower']);
    expect(diffVersions(v0, version(arranged('chorus', { chords: { level: 0.5 } }, 4)))).toEqual(['the second chorus chords: softer']);
  });

  it('says so when a requested change left the notes as they were', () => {
    const muted = arranged('intro', { bass: { mute: true } });
    const both = SongParameters.parse({ ...muted, sections: muted.sections.map((s, i) => (i === 0 ? { ...s, arrangement: { bass: { mute: true, level: 0.5 } } } : s)) });
    expect(diffVersions(version(muted), version(both))).toEqual(['the intro bass: no audible change']);
  });
});
