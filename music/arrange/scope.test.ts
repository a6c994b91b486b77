/**
 * Requests scoped to one section, judged on the notes: a change to one section's arrangement or
 * energy leaves every other section's notes identical (same seed), and each arrangement field
 * does to its part, in its section, what it says. Property tests run from a fixed fast-check seed
 * (FC_SEED overrides it); a failure prints that seed and the shrunk counterexample.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { generateSketch } from '../generate.ts';
import { Sketch, type Note } from '../sketch.ts';
import { BassStyle, Comping, DrumGroove, PART_IDS, SongParameters, type PartArrangement, type PartId } from '../params.ts';
import { arbParams, HEPTATONIC, scaleChromas, trackNotes } from '../testing.ts';
import { diffSketches } from '../diff.ts';
import { notesBySection } from '../measure.ts';
import { byInstrument } from './segments.ts';
import { sketchToMidi } from '../midi/export.ts';
import { playableNotes } from '../midi/notes.ts';
import { pairNotes, readBack } from '../midi/testing.ts';

const FC_SEED = Number(process.env.FC_SEED ?? 20261205);
const runs = (numRuns: number) => ({ numRuns, seed: FC_SEED });
const songSeed = fc.integer({ min: 0, max: 2 ** 31 - 1 });

const arbArrangement: fc.Arbitrary<PartArrangement> = fc.record(
  {
    level: fc.double({ min: 0.1, max: 2, noNaN: true }),
    density: fc.double({ min: -1, max: 1, noNaN: true }),
    mute: fc.boolean(),
    register: fc.integer({ min: -2, max: 2 }),
    instrument: fc.constantFrom('strings', 'organ', 'flute', 'nylon guitar'),
  },
  { requiredKeys: [] },
);
const withPattern = <T extends string>(patterns: readonly T[]) =>
  fc.tuple(arbArrangement, fc.option(fc.constantFrom(...patterns), { nil: undefined })).map(([a, pattern]) => (pattern ? { ...a, pattern } : a));
const arbSectionArrangement = fc.record(
  {
    melody: arbArrangement,
    chords: withPattern(Comping.options),
    bass: withPattern(BassStyle.options),
    drums: withPattern(DrumGroove.options),
  },
  { requiredKeys: [] },
);

/** The same params with section k changed: a new arrangement and, sometimes, a new energy. */
function withSection(params: SongParameters, k: number, arrangement: object, energy: number | null): SongParameters {
  const sections = params.sections.map((s, i) => (i === k ? { ...s, arrangement, ...(energy === null ? {} : { energy }) } : s));
  return SongParameters.parse({ ...params, sections });
}

/** One part's notes in one section, with times from the section's start. */
function local(sketch: Sketch, part: PartId, index: number): Note[] {
  const track = sketch.tracks.find((t) => t.id === part);
  const from = sketch.sections[index]?.startTick ?? 0;
  return track ? (notesBySection(sketch, track)[index] ?? []).map((n) => ({ ...n, start: n.start - from })) : [];
}

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);

describe('section-local determinism', () => {
  it('changing one section’s arrangement or energy leaves every other section’s notes identical', () => {
    fc.assert(
      fc.property(arbParams(), songSeed, fc.nat(), arbSectionArrangement, fc.option(fc.double({ min: 0, max: 1, noNaN: true })), (params, seed, pick, arrangement, energy) => {
        const k = pick % params.sections.length;
        const before = generateSketch(params, seed);
        const after = generateSketch(withSection(params, k, arrangement, energy), seed);
        for (let i = 0; i < params.sections.length; i++) {
          if (i === k) continue;
          for (const part of PART_IDS) expect(local(after, part, i), `section ${i}, ${part}`).toEqual(local(before, part, i));
        }
        // The measured diff agrees: every other section is identical in every part.
        const diff = diffSketches(before, after);
        for (const s of diff.sections.filter((d) => d.afterIndex !== k)) for (const part of PART_IDS) expect(s.parts[part].identical).toBe(true);
      }),
      runs(120),
    );
  });

  it('changing one section’s feeling or chords leaves every other section’s notes identical', () => {
    const change = fc.record({
      valenceOffset: fc.double({ min: -1, max: 1, noNaN: true }),
      arousalOffset: fc.double({ min: -1, max: 1, noNaN: true }),
      chords: fc.array(fc.constantFrom('I', 'ii', 'IV', 'V7', 'vi', 'bVII', 'i', 'iv'), { maxLength: 4 }),
    });
    fc.assert(
      fc.property(arbParams(), songSeed, fc.nat(), change, (params, seed, pick, c) => {
        const k = pick % params.sections.length;
        const before = generateSketch(params, seed);
        const after = generateSketch(SongParameters.parse({ ...params, sections: params.sections.map((s, i) => (i === k ? { ...s, ...c } : s)) }), seed);
        for (let i = 0; i < params.sections.length; i++) {
          if (i === k) continue;
          for (const part of PART_IDS) expect(local(after, part, i), `section ${i}, ${part}`).toEqual(local(before, part, i));
        }
      }),
      runs(100),
    );
  });

  it('keeps the default song’s verses when only the choruses get louder (0 % of verse notes lost)', () => {
    const params = SongParameters.parse({});
    const louder = SongParameters.parse({ ...params, sections: params.sections.map((s) => (s.name === 'chorus' ? { ...s, energy: 0.95, arrangement: { drums: { level: 1.3 } } } : s)) });
    const diff = diffSketches(generateSketch(params, 7), generateSketch(louder, 7));
    for (const s of diff.sections) {
      for (const part of PART_IDS) {
        if (s.name === 'chorus') continue;
        expect(s.parts[part].kept, `${s.name} ${part}`).toBe(1);
      }
    }
    expect(diff.sections.filter((s) => s.name === 'chorus').every((s) => s.parts.drums.velocityRatio > 1)).toBe(true);
  });

  it('plays a repeated section with the same settings the same way, up to where its cadence is prepared', () => {
    fc.assert(
      fc.property(arbParams({ songForm: true }), songSeed, (base, seed) => {
        const sections = [
          { name: 'verse', bars: 8, energy: 0.5 },
          { name: 'chorus', bars: 8, energy: 0.8 },
          { name: 'verse', bars: 8, energy: 0.5 },
          { name: 'chorus', bars: 8, energy: 0.8 },
        ];
        const sketch = generateSketch(SongParameters.parse({ ...base, sections }), seed);
        for (const [a, b] of [[0, 2], [1, 3]] as const) {
          // Each instance closes with its own cadence (up to three chords, a predominant that may
          // prepare them — harmony/colour.ts — and the bass leads into the first of them) and its
          // own last phrase; everything before that is shared.
          const from = sketch.sections[a]!.startTick;
          const slots = sketch.chords.filter((c) => c.start >= from && c.start < from + 8 * sketch.ticksPerBar);
          const cut = Math.min(4 * sketch.ticksPerBar, (slots[slots.length - 5]?.start ?? from) - from);
          const chordsOf = (i: number) => sketch.chords.filter((c) => c.start >= sketch.sections[i]!.startTick).slice(0, Math.max(0, slots.length - 4)).map((c) => c.symbol);
          expect(chordsOf(b)).toEqual(chordsOf(a));
          for (const part of PART_IDS) {
            const early = (i: number) => local(sketch, part, i).filter((n) => n.start + n.duration <= cut - 14);
            expect(early(b), `${part} ${a}/${b}`).toEqual(early(a));
          }
        }
      }),
      runs(40),
    );
  });
});

describe('the arrangement is played', () => {
  /** Params with humanize off, so a note's place on the grid can be read off the sketch. */
  const exact = arbParams().map((p) => SongParameters.parse({ ...p, rhythm: { ...p.rhythm, humanize: 0 }, drums: { ...p.drums, enabled: true } }));
  const part = fc.constantFrom(...PART_IDS);

  it('mute leaves no note of that part in that section', () => {
    fc.assert(
      fc.property(arbParams(), songSeed, fc.nat(), part, (params, seed, pick, id) => {
        const k = pick % params.sections.length;
        const sketch = generateSketch(withSection(params, k, { [id]: { mute: true } }, null), seed);
        expect(local(sketch, id, k)).toEqual([]);
      }),
      runs(80),
    );
  });

  it('level below 1 lowers the part’s mean velocity there, above 1 raises it (unless already at full)', () => {
    fc.assert(
      fc.property(arbParams(), songSeed, fc.nat(), part, fc.double({ min: 0.1, max: 0.9, noNaN: true }), (params, seed, pick, id, level) => {
        const k = pick % params.sections.length;
        const vel = (p: SongParameters) => mean(local(generateSketch(p, seed), id, k).map((n) => n.velocity));
        const before = vel(params);
        if (before === 0) return;
        expect(vel(withSection(params, k, { [id]: { level } }, null))).toBeLessThan(before);
        const louder = vel(withSection(params, k, { [id]: { level: 1.5 } }, null));
        expect(louder).toBeGreaterThanOrEqual(before);
        if (before < 0.6) expect(louder).toBeGreaterThan(before);
      }),
      runs(80),
    );
  });

  it('density below 0 plays fewer notes whenever anything is off the downbeat and the chord changes; above 0 more whenever a note can split', () => {
    fc.assert(
      fc.property(exact, songSeed, fc.nat(), part, fc.double({ min: 0.05, max: 1, noNaN: true }), (params, seed, pick, id, amount) => {
        const k = pick % params.sections.length;
        const sketch = generateSketch(params, seed);
        const notes = local(sketch, id, k);
        if (notes.length === 0) return;
        const tpb = sketch.ticksPerBar;
        const sparser = local(generateSketch(withSection(params, k, { [id]: { density: -amount } }, null), seed), id, k);
        const busier = local(generateSketch(withSection(params, k, { [id]: { density: amount } }, null), seed), id, k);
        // What the engine may move: any onset past a bar's first sixteenth that does not start a
        // chord (drums: anything but the section's first hit and the downbeat kick, snare and crash).
        const from = sketch.sections[k]!.startTick;
        const chordStarts = new Set(sketch.chords.map((c) => c.start - from));
        // The song's last bar is its landing (craft/ending.ts): one held chord, nothing to split or drop there.
        const landing = (n: { start: number }) => n.start + from >= sketch.totalTicks - tpb && sketch.sections.length - 1 === k;
        const movable =
          id === 'drums'
            ? notes.some((n) => n.start > 0 && !landing(n) && !([36, 38, 49].includes(n.pitch) && n.start % tpb === 0))
            : notes.some((n) => n.start % tpb >= 120 && !landing(n) && !chordStarts.has(n.start - (n.start % 120)));
        expect(sparser.length).toBeLessThanOrEqual(notes.length);
        if (movable) expect(sparser.length).toBeLessThan(notes.length);
        // Room to add: a note long enough to split (an eighth before swing stretches it by up to a third),
        // or a sixteenth without a hi-hat or ride stroke.
        const hats = notes.filter((n) => [42, 44, 46, 51].includes(n.pitch)).length;
        const room = id === 'drums' ? hats < ((sketch.sections[k]!.bars - (k === sketch.sections.length - 1 ? 1 : 0)) * tpb) / 120 : notes.some((n) => n.duration >= 320 && !landing(n));
        expect(busier.length).toBeGreaterThanOrEqual(notes.length);
        if (room) expect(busier.length).toBeGreaterThan(notes.length);
      }),
      runs(80),
    );
  });

  it('keeps a busier or sparser, higher or lower melody inside the scale (nothing borrowed, no chords of the musician’s own)', () => {
    fc.assert(
      fc.property(arbParams({ modes: HEPTATONIC, borrowed: false }), songSeed, fc.nat(), arbArrangement, (params, seed, pick, melody) => {
        const k = pick % params.sections.length;
        const own = SongParameters.parse({ ...params, sections: params.sections.map((s) => ({ ...s, chords: [] })) });
        const sketch = generateSketch(withSection(own, k, { melody: { ...melody, mute: false } }, null), seed);
        const pcs = scaleChromas(params.key, params.mode);
        expect(local(sketch, 'melody', k).filter((n) => !pcs.includes(n.pitch % 12))).toEqual([]);
      }),
      runs(80),
    );
  });

  it('a sparser part still marks every chord change it marked before (nothing holds an old chord over a new one)', () => {
    fc.assert(
      fc.property(exact, songSeed, fc.nat(), fc.constantFrom('chords', 'bass' as const), fc.double({ min: 0.05, max: 1, noNaN: true }), (params, seed, pick, id, amount) => {
        const k = pick % params.sections.length;
        const sketch = generateSketch(params, seed);
        const sparser = generateSketch(withSection(params, k, { [id]: { density: -amount } }, null), seed);
        const from = sketch.sections[k]!.startTick;
        const changes = sketch.chords.filter((c) => c.start >= from && c.start < from + sketch.sections[k]!.bars * sketch.ticksPerBar).map((c) => c.start - from);
        // An onset within a strum's spread of the chord change counts as marking it.
        const marks = (notes: Note[]) => changes.filter((t) => notes.some((n) => n.start >= t && n.start < t + 60));
        expect(marks(local(sparser, id, k))).toEqual(marks(local(sketch, id, k)));
      }),
      runs(80),
    );
  });

  it('register -1 moves the melody and chords an octave down there: every note 12 semitones lower', () => {
    fc.assert(
      fc.property(arbParams(), songSeed, fc.nat(), fc.constantFrom('melody', 'chords' as const), (params, seed, pick, id) => {
        const k = pick % params.sections.length;
        const before = local(generateSketch(params, seed), id, k);
        const after = local(generateSketch(withSection(params, k, { [id]: { register: -1 } }, null), seed), id, k);
        expect(after.length).toBe(before.length);
        if (before.length === 0) return;
        const drop = mean(before.map((n) => n.pitch)) - mean(after.map((n) => n.pitch));
        expect(drop).toBeCloseTo(12, 6);
      }),
      runs(80),
    );
  });

  it('an instrument for one section sounds there and the song’s own comes back after it', () => {
    // The first verse (mid energy: the orchestration names no instrument there); the choruses take the pop template's strings.
    const params = SongParameters.parse({ style: 'pop' });
    const sections = params.sections.map((s, i) => (i === 1 ? { ...s, arrangement: { chords: { instrument: 'organ' as const } } } : s));
    const sketch = generateSketch(SongParameters.parse({ ...params, sections }), 3);
    const chords = sketch.tracks.find((t) => t.id === 'chords');
    const at = (i: number) => sketch.sections[i]!.startTick;
    expect(chords?.instrument).toBe('piano');
    expect(chords?.programChanges).toEqual([
      { tick: at(1), program: 16, instrument: 'organ' },
      { tick: at(2), program: 48, instrument: 'strings' },
      { tick: at(3), program: 0, instrument: 'piano' },
      { tick: at(4), program: 48, instrument: 'strings' },
      { tick: at(5), program: 0, instrument: 'piano' },
    ]);
    expect(sketch.tracks.find((t) => t.id === 'melody')?.programChanges).toBeUndefined();
    // Players with one voice per track hear it as lanes: the verse's notes on the organ, the choruses' on strings, the rest on piano.
    const lanes = byInstrument(chords!);
    expect(lanes.map((l) => [l.instrument, l.program])).toEqual([['piano', 0], ['organ', 16], ['strings', 48]]);
    expect(lanes[1]!.notes).toEqual(chords!.notes.filter((n) => n.start >= at(1) && n.start < at(2)));
    expect(lanes.reduce((n, l) => n + l.notes.length, 0)).toBe(chords!.notes.length);
  });

  it('plays a section’s own patterns: arpeggiated chords one note at a time, a pedal bass on the tonic (nothing borrowed)', () => {
    fc.assert(
      fc.property(arbParams({ modes: HEPTATONIC, borrowed: false }), songSeed, fc.nat(), (params, seed, pick) => {
        const k = pick % params.sections.length;
        const sketch = generateSketch(withSection(params, k, { chords: { pattern: 'arpeggio' }, bass: { pattern: 'pedal' } }, null), seed);
        const chords = local(sketch, 'chords', k);
        const tonic = scaleChromas(params.key, params.mode)[0]!;
        expect(local(sketch, 'bass', k).every((n) => n.pitch % 12 === tonic)).toBe(true);
        // An arpeggio never sounds two chord notes at the same instant (before humanising spreads them).
        if (params.rhythm.humanize === 0) expect(new Set(chords.map((n) => n.start)).size).toBe(chords.length);
        expect(chords.length).toBeGreaterThan(0);
      }),
      runs(60),
    );
  });

  it('plays a section’s own groove exactly as that groove sounds song-wide, and the groove fact names the section', () => {
    for (const groove of ['half-time', 'driving', 'ballad'] as const) {
      const base = SongParameters.parse({});
      const scopedGroove = withSection(base, 2, { drums: { pattern: groove } }, null);
      const songWide = SongParameters.parse({ ...base, drums: { ...base.drums, groove } });
      const [a, b, plain] = [generateSketch(scopedGroove, 9), generateSketch(songWide, 9), generateSketch(base, 9)];
      expect(local(a, 'drums', 2), groove).toEqual(local(b, 'drums', 2));
      expect(local(a, 'drums', 2), groove).not.toEqual(local(plain, 'drums', 2));
      expect(local(a, 'drums', 1)).toEqual(local(plain, 'drums', 1));
    }
    const bridge = generateSketch(SongParameters.parse({ sections: [{ name: 'verse', bars: 4, arrangement: { drums: { pattern: 'half-time' } } }, { name: 'chorus', bars: 4 }] }), 4);
    expect(bridge.facts.find((f) => f.kind === 'drum-groove')).toMatchObject({ section: 'verse', text: expect.stringMatching(/^drums play a .+ groove in the verse in 4\/4/) });
  });

  it('every arranged sketch is valid, survives a JSON round trip unchanged, leaves no note ringing and exports a MIDI file that reads back', () => {
    const arranged = fc
      .tuple(arbParams(), fc.array(fc.option(arbSectionArrangement), { minLength: 5, maxLength: 5 }))
      .map(([p, a]) => SongParameters.parse({ ...p, sections: p.sections.map((s, i) => (a[i] ? { ...s, arrangement: a[i] } : s)) }));
    fc.assert(
      fc.property(arranged, songSeed, (params, seed) => {
        const sketch = Sketch.parse(generateSketch(params, seed));
        expect(JSON.parse(JSON.stringify(sketch))).toEqual(sketch);
        for (const n of sketch.tracks.flatMap((t) => t.notes)) {
          expect(n.duration).toBeGreaterThanOrEqual(1);
          expect(n.start + n.duration).toBeLessThanOrEqual(sketch.totalTicks);
        }
        expect(trackNotes(sketch, 'melody').every((n, i, all) => i === 0 || all[i - 1]!.start + all[i - 1]!.duration <= n.start)).toBe(true);
        // The MIDI file, read back independently: every note paired (none hanging), every program change written.
        const file = readBack(sketchToMidi(sketch));
        sketch.tracks.forEach((track, i) => {
          const events = file.tracks[i + 1]!;
          expect(pairNotes(events).length, track.name).toBe(playableNotes([track])[0]!.length);
          const programs = events.filter((e) => e.type === 'programChange').map((e) => [e.tick, (e as { programNumber: number }).programNumber]);
          expect(programs).toEqual([[0, track.program], ...(track.programChanges ?? []).map((c) => [c.tick, c.program])]);
        });
      }),
      runs(150),
    );
  });
});
