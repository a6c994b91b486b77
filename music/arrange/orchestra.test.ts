/**
 * Orchestration that follows the song (the default, or orchestration: 'follow'): the template's arrangement under
 * the musician's own, the pad and the doubled line, and — over generated songs — section-local
 * determinism, exports that read back, and every note inside its instrument's comfortable range.
 * Property tests run from a fixed fast-check seed (FC_SEED overrides it; a failure prints it).
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { generateSketch } from '../generate.ts';
import { Sketch, type Note } from '../sketch.ts';
import { PART_IDS, SongParameters, type PartId } from '../params.ts';
import { arbParams, trackNotes } from '../testing.ts';
import { notesBySection } from '../measure.ts';
import { sketchToMidi } from '../midi/export.ts';
import { playableNotes } from '../midi/notes.ts';
import { pairNotes, readBack } from '../midi/testing.ts';
import { doubledLine, LAST_SECTION_DENSITY, orchestrate, padLayer, templatePart } from './orchestra.ts';
import { outOfRange, soundingVoices } from './orchestraMeasure.ts';
import { arrangementFamily, comfortableRange, tierFor, tierPlan } from '../styles/arrangements.ts';

const FC_SEED = Number(process.env.FC_SEED ?? 20261205);
const runs = (numRuns: number) => ({ numRuns, seed: FC_SEED });
const songSeed = fc.integer({ min: 0, max: 2 ** 31 - 1 });
const follow = (p: SongParameters): SongParameters => ({ ...p, orchestration: 'follow' });
const note = (pitch: number, start: number, duration = 480, velocity = 0.6): Note => ({ pitch, start, duration, velocity });

function local(sketch: Sketch, part: PartId, index: number): Note[] {
  const track = sketch.tracks.find((t) => t.id === part);
  const from = sketch.sections[index]?.startTick ?? 0;
  return track ? (notesBySection(sketch, track)[index] ?? []).map((n) => ({ ...n, start: n.start - from })) : [];
}

describe('arrangement templates', () => {
  it('finds a family by style name or by the words for it, and a tier by energy', () => {
    expect(arrangementFamily('bossa')).toBe('groove');
    expect(arrangementFamily('raga drone')).toBe('world');
    expect(arrangementFamily(undefined)).toBe('band');
    expect([tierFor(0.2), tierFor(0.5), tierFor(0.8)]).toEqual(['low', 'mid', 'high']);
  });

  it('plays the template under the musician’s own: their mute either way wins, asking for more lifts its mute, the last section never drops a part', () => {
    const plan = tierPlan('pop', 0.2);
    expect(plan.parts.drums?.mute).toBe(true);
    expect(templatePart(plan.parts.drums, undefined, false)).toEqual({ mute: true });
    expect(templatePart(plan.parts.drums, { mute: false, level: 0.8 }, false)).toBeUndefined();
    expect(templatePart(plan.parts.drums, { density: 0.4 }, false)).toBeUndefined();
    // "Sparser" or "softer" drums where the template already silenced them: still silent.
    expect(templatePart(plan.parts.drums, { density: -0.4 }, false)).toEqual({ mute: true });
    expect(templatePart(plan.parts.drums, undefined, true)).toEqual({ density: LAST_SECTION_DENSITY });
    expect(templatePart(plan.parts.bass, { density: -0.3 }, false)).toEqual(plan.parts.bass);
    // The template's instrument only where the musician named none.
    const params = SongParameters.parse({ style: 'pop', sections: [{ name: 'chorus', bars: 2, energy: 0.9 }, { name: 'chorus', bars: 2, energy: 0.9, arrangement: { chords: { instrument: 'organ' } } }] });
    expect(orchestrate(params).sections.map((s) => s.arrangement?.chords?.instrument)).toEqual(['strings', 'organ']);
  });

  it('a musician’s mute or instrument in a section wins over the template in the notes', () => {
    const base = SongParameters.parse({ style: 'pop' });
    const chorus = base.sections.findIndex((s) => s.energy >= 0.65);
    const sections = base.sections.map((s, i) => (i === chorus ? { ...s, arrangement: { chords: { mute: true }, melody: { instrument: 'flute' as const } } } : s));
    const sketch = generateSketch({ ...base, sections }, 4);
    expect(local(sketch, 'chords', chorus)).toEqual([]);
    const melody = sketch.tracks.find((t) => t.id === 'melody')!;
    expect(melody.programChanges?.[0]).toMatchObject({ tick: sketch.sections[chorus]!.startTick, instrument: 'flute' });
    // The drums the template silences in the intro come in when the musician asks for busier drums there.
    const intro = { ...base, sections: base.sections.map((s, i) => (i === 0 ? { ...s, arrangement: { drums: { density: 0.3 } } } : s)) };
    expect(local(generateSketch(base, 4), 'drums', 0)).toEqual([]);
    expect(local(generateSketch(intro, 4), 'drums', 0).length).toBeGreaterThan(0);
  });

  it('orchestrate keeps the musician’s params as they wrote them', () => {
    const params = SongParameters.parse({ style: 'pop' });
    const copy = structuredClone(params);
    orchestrate(params);
    expect(params).toEqual(copy);
  });
});

describe('measures', () => {
  it('finds a note outside the range of the instrument sounding at its tick (program changes followed)', () => {
    const base = generateSketch(SongParameters.parse({ sections: [{ name: 'verse', bars: 2 }, { name: 'chorus', bars: 2 }] }), 1);
    const chorus = base.sections[1]!.startTick;
    const track = { ...base.tracks.find((t) => t.id === 'chords')!, notes: [note(50, 0), note(50, chorus)], programChanges: [{ tick: chorus, program: 73, instrument: 'flute' }] };
    const found = outOfRange({ ...base, tracks: [track] });
    expect(found.map((f) => [f.note.start, f.instrument])).toEqual([[chorus, 'flute']]);
  });
});

describe('layers', () => {
  it('a pad holds the comp’s pitch classes over the span, above its top note and inside the range, clashing with nothing', () => {
    const comp = [note(60, 0), note(64, 0), note(67, 0), note(60, 960), note(64, 960), note(67, 960)];
    const pad = padLayer(comp, [{ start: 0, duration: 1920 }], 'strings');
    expect(pad.map((n) => n.pitch)).toEqual([72, 76, 79]);
    expect(pad.every((n) => n.start === 0 && n.duration === 1920)).toBe(true);
    // No room above the comp inside a choir's range: the pad goes under the comp instead.
    expect(padLayer([note(80, 0), note(84, 0)], [{ start: 0, duration: 960 }], 'choir').map((n) => n.pitch)).toEqual([72, 68]);
    // No room above (the tune) nor below (a flute's lowest note): nothing, rather than something out of range.
    expect(padLayer([note(60, 0), note(64, 0)], [{ start: 0, duration: 960 }], 'flute', [note(65, 0)])).toEqual([]);
    // Under the tune: with the melody on 77 in that span, the pad stops at 76.
    expect(padLayer(comp, [{ start: 0, duration: 1920 }], 'strings', [note(77, 480)]).map((n) => n.pitch)).toEqual([72, 76]);
  });

  it('doubles the melody an octave below, or not at all when only unison fits, never on a pitch already held', () => {
    const melody = [note(72, 0), note(74, 480), note(76, 960)];
    expect(doubledLine(melody, -1, 'strings', []).map((n) => n.pitch)).toEqual([60, 62, 64]);
    expect(doubledLine(melody, -1, 'strings', [note(62, 0, 960)]).map((n) => n.pitch)).toEqual([60, 64]);
    // A flute cannot go below 60: the line an octave below 64–70 does not fit, so none is written.
    expect(doubledLine([note(64, 0), note(70, 480)], -1, 'flute', [])).toEqual([]);
  });
});

describe('songs that follow their energy', () => {
  it('a default pop song: the chorus sounds more voices than the verse, the intro fewer, the chorus strings come and go', () => {
    const sketch = generateSketch(follow(SongParameters.parse({ style: 'pop' })), 3);
    const v = soundingVoices(sketch);
    const [intro, verse, chorus] = [0, 1, 2];
    expect(v[chorus]!).toBeGreaterThan(v[verse]!);
    expect(v[intro]!).toBeLessThan(v[verse]!);
    expect(local(sketch, 'drums', intro)).toEqual([]);
    const changes = sketch.tracks.find((t) => t.id === 'chords')?.programChanges ?? [];
    expect(changes.map((c) => [c.tick, c.instrument])).toEqual([
      [sketch.sections[2]!.startTick, 'strings'],
      [sketch.sections[3]!.startTick, 'piano'],
      [sketch.sections[4]!.startTick, 'strings'],
      [sketch.sections[5]!.startTick, 'piano'],
    ]);
    expect(outOfRange(sketch)).toEqual([]);
  });

  it('follows by default; as written (an explicit opt-out) plays only the sections’ own arrangements', () => {
    const params = SongParameters.parse({ style: 'pop' });
    const [absent, followed, written] = [generateSketch(params, 5), generateSketch(follow(params), 5), generateSketch({ ...params, orchestration: 'as-written' }, 5)];
    expect(absent).toEqual(followed);
    expect(written.tracks.find((t) => t.id === 'chords')?.programChanges).toBeUndefined();
    expect(local(written, 'drums', 0).length).toBeGreaterThan(0);
    expect(written).not.toEqual(followed);
  });

  it('changing one section’s energy leaves every other section’s notes identical', () => {
    fc.assert(
      fc.property(arbParams(), songSeed, fc.nat(), fc.double({ min: 0, max: 1, noNaN: true }), fc.constantFrom('pop', 'bossa nova', 'ambient', 'koto song', 'folk ballad'), (p, seed, pick, energy, style) => {
        const params = follow({ ...p, style });
        const k = pick % params.sections.length;
        const changed = { ...params, sections: params.sections.map((s, i) => (i === k ? { ...s, energy } : s)) };
        const [before, after] = [generateSketch(params, seed), generateSketch(changed, seed)];
        for (let i = 0; i < params.sections.length; i++) {
          if (i === k) continue;
          for (const part of PART_IDS) expect(local(after, part, i), `section ${i}, ${part}`).toEqual(local(before, part, i));
        }
      }),
      runs(60),
    );
  });

  it('every orchestrated sketch is valid, rings nowhere past its end, keeps the melody one line and exports a MIDI file that reads back', () => {
    fc.assert(
      fc.property(arbParams(), songSeed, fc.constantFrom('pop', 'gospel', 'lo-fi hip hop', 'ambient', 'raga drone', undefined), (p, seed, style) => {
        const sketch = Sketch.parse(generateSketch(follow({ ...p, style }), seed));
        expect(JSON.parse(JSON.stringify(sketch))).toEqual(sketch);
        for (const n of sketch.tracks.flatMap((t) => t.notes)) expect(n.start + n.duration).toBeLessThanOrEqual(sketch.totalTicks);
        expect(trackNotes(sketch, 'melody').every((n, i, all) => i === 0 || all[i - 1]!.start + all[i - 1]!.duration <= n.start)).toBe(true);
        const file = readBack(sketchToMidi(sketch));
        sketch.tracks.forEach((track, i) => expect(pairNotes(file.tracks[i + 1]!).length, track.name).toBe(playableNotes([track])[0]!.length));
      }),
      runs(60),
    );
  });

  it('the layers added stay inside the chords’ instrument’s comfortable range', () => {
    fc.assert(
      fc.property(arbParams(), songSeed, fc.constantFrom('pop', 'gospel', 'ambient', 'folk ballad', 'bhangra'), (p, seed, style) => {
        const params = { ...p, style };
        const [written, followed] = [generateSketch({ ...params, orchestration: 'as-written' }, seed), generateSketch(follow(params), seed)];
        // Notes the orchestration added to the chords' track, against the instrument sounding then.
        const track = followed.tracks.find((t) => t.id === 'chords')!;
        const before = new Set(trackNotes(written, 'chords').map((n) => `${n.pitch}:${n.start}`));
        const added = track.notes.filter((n) => !before.has(`${n.pitch}:${n.start}`));
        const bad = outOfRange({ ...followed, tracks: [{ ...track, notes: added }] });
        expect(bad.map((b) => `${b.instrument} ${b.note.pitch} (${JSON.stringify(comfortableRange(b.instrument as 'piano'))})`)).toEqual([]);
      }),
      runs(60),
    );
  });
});
