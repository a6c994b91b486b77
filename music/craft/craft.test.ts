import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { chooseForm, formSeconds, FORMS } from './form.ts';
import { chooseKey } from './key.ts';
import { mentionsSection, sectionRole } from './roles.ts';
import { phraseDensity, phraseRegister, syncopationFor } from './phrasing.ts';
import { alignLanding, land } from './ending.ts';
import { Chord, Note } from 'tonal';
import { generateSketch } from '../generate.ts';
import { SongParameters, parseParams } from '../params.ts';
import { arbParams, trackNotes } from '../testing.ts';
import { METERS } from '../params.ts';

// Property runs are seeded; fast-check prints the seed and path of any failure.
const runs = (numRuns: number) => ({ numRuns, seed: 20261216 });

describe('sectionRole', () => {
  it('reads the section names of four languages', () => {
    expect(['Chorus', 'refrain', 'Estribillo', 'hook'].map(sectionRole)).toEqual(['chorus', 'chorus', 'chorus', 'chorus']);
    expect(['verse', 'Strophe', 'couplet', 'estrofa', 'part two'].map(sectionRole)).toEqual(['verse', 'verse', 'verse', 'verse', 'verse']);
    expect(['pre-chorus', 'prechorus', 'bridge', 'Brücke', 'breakdown', 'intro', 'coda', 'tag'].map(sectionRole)).toEqual(['pre', 'pre', 'bridge', 'bridge', 'breakdown', 'intro', 'outro', 'other']);
  });
});

describe('mentionsSection', () => {
  it('hears section names in four languages, as whole words', () => {
    for (const t of ['louder chorus', 'with a bridge', 'im letzten Refrain', 'la mélodie dans le couplet', 'más bajo en el estribillo', 'add a pre-chorus']) expect(mentionsSection(t), t).toBe(true);
    for (const t of ['a song about the river', 'versed in sorrow', 'introspective and calm', 'bridgework']) expect(mentionsSection(t), t).toBe(false);
  });
});

describe('chooseForm', () => {
  const feeling = fc.record({
    valence: fc.double({ min: -1, max: 1, noNaN: true }),
    arousal: fc.double({ min: -1, max: 1, noNaN: true }),
    tempo: fc.integer({ min: 50, max: 180 }),
    meter: fc.constantFrom(...METERS),
    baseEnergy: fc.double({ min: 0, max: 1, noNaN: true }),
  });

  it('lasts two to four minutes at the tempo for everyday tempos, and is valid params', () => {
    fc.assert(
      fc.property(feeling, fc.nat(), (input, seed) => {
        const form = chooseForm(input, seed);
        SongParameters.parse({ sections: form.sections });
        // Scaling is by whole phrases, so a very slow or fast tempo may land a little outside.
        expect(form.seconds).toBeGreaterThanOrEqual(60);
        expect(form.seconds).toBeLessThanOrEqual(300);
        if (input.tempo >= 70 && input.tempo <= 150 && input.meter === '4/4') {
          expect(form.seconds).toBeGreaterThanOrEqual(110);
          expect(form.seconds).toBeLessThanOrEqual(250);
        }
        expect(formSeconds(form.sections.reduce((n, s) => n + s.bars, 0), input.tempo, input.meter)).toBeCloseTo(form.seconds);
      }),
      runs(200),
    );
  });

  it('gives every repeat of a chorus the same energy and offsets, so its hook can return note for note', () => {
    fc.assert(
      fc.property(feeling, fc.nat(), (input, seed) => {
        const choruses = chooseForm(input, seed).sections.filter((s) => sectionRole(s.name) === 'chorus');
        for (const c of choruses) expect([c.energy, c.valenceOffset, c.arousalOffset, c.bars]).toEqual([choruses[0]!.energy, choruses[0]!.valenceOffset, choruses[0]!.arousalOffset, choruses[0]!.bars]);
        for (const s of chooseForm(input, seed).sections.filter((s) => sectionRole(s.name) === 'verse')) {
          if (choruses[0]) expect(choruses[0].energy).toBeGreaterThanOrEqual(s.energy);
        }
      }),
      runs(200),
    );
  });

  it('reaches every form across seeds, and leans on the forms that suit the feeling', () => {
    const ids = (v: number, a: number) => Array.from({ length: 400 }, (_, s) => chooseForm({ valence: v, arousal: a, tempo: 100, meter: '4/4', baseEnergy: 0.5 }, s).id);
    const all = new Set([...ids(0.6, 0.8), ...ids(-0.7, -0.6), ...ids(0.5, -0.5), ...ids(0, 0)]);
    expect([...all].sort()).toEqual(FORMS.map((f) => f.id).sort());
    const share = (list: string[], id: string) => list.filter((x) => x === id).length / list.length;
    expect(share(ids(0.6, 0.8), 'loop')).toBeGreaterThan(share(ids(-0.7, -0.6), 'loop'));
    expect(share(ids(-0.7, -0.6), 'through-composed')).toBeGreaterThan(share(ids(0.6, 0.8), 'through-composed'));
  });
});

describe('chooseKey', () => {
  it('reaches all twelve tonics, and the preferred key most often', () => {
    for (const minor of [false, true]) {
      const keys = Array.from({ length: 600 }, (_, s) => chooseKey(minor ? 'A' : 'G', minor, s));
      expect(new Set(keys).size).toBe(12);
      const count = (k: string) => keys.filter((x) => x === k).length;
      const top = [...new Set(keys)].sort((a, b) => count(b) - count(a))[0];
      expect(top).toBe(minor ? 'A' : 'G');
      for (const k of keys) expect(() => parseParams({ key: k })).not.toThrow();
    }
  });
});

describe('phrasing', () => {
  it('puts the chorus above and busier than the verse, and its climax phrase highest', () => {
    expect(phraseDensity(0.5, 0.5, 'chorus')).toBeGreaterThan(phraseDensity(0.5, 0.5, 'verse'));
    const r = { low: 60, high: 76 };
    expect(phraseRegister(68, r, 'chorus', 0, 2)).toBeGreaterThan(phraseRegister(68, r, 'verse', 0, 2));
    expect(phraseRegister(68, r, 'chorus', 0, 2)).toBeGreaterThan(phraseRegister(68, r, 'chorus', 1, 2));
    expect(phraseRegister(200, r, 'chorus', 0, 2)).toBe(76);
  });

  it('syncopates a bossa more than a ballad', () => {
    expect(syncopationFor(parseParams({ rhythm: { feel: 'bossa' } }))).toBeGreaterThan(syncopationFor(parseParams({ arousal: -0.5 })));
  });
});

describe('endings', () => {
  it('lands every sketch whose engine chose the last chords: a tonic chord on the last downbeat, every part ending together', () => {
    fc.assert(
      fc.property(arbParams({ modes: ['major', 'minor', 'dorian', 'mixolydian'] }), fc.nat(), (params, seed) => {
        const last = params.sections.at(-1)!;
        fc.pre(last.bars >= 2 && last.chords.length === 0);
        const sketch = generateSketch(params, seed);
        const finalBar = sketch.totalTicks - sketch.ticksPerBar;
        const chord = sketch.chords.at(-1)!;
        expect(chord.start).toBe(finalBar);
        expect(chord.bar).toBe(sketch.bars - 1);
        expect(Note.chroma(Chord.get(chord.symbol).tonic ?? '')).toBe(Note.chroma(params.key));
        for (const track of sketch.tracks) {
          if (track.notes.length === 0) continue;
          // Nothing starts after the final downbeat, and what sounds there rings to the end.
          expect(track.notes.filter((n) => n.start > finalBar), track.id).toEqual([]);
          const ringing = track.notes.filter((n) => n.start === finalBar);
          for (const n of ringing) expect(n.start + n.duration, track.id).toBe(sketch.totalTicks);
        }
      }),
      runs(60),
    );
  });

  it('gathers the last voicing onto the downbeat and keeps the bass note that lands there', () => {
    const n = (pitch: number, start: number, duration = 240) => ({ pitch, start, duration, velocity: 0.6 });
    const chords = land('chords', [n(60, 0, 960), n(64, 1920), n(67, 2160), n(72, 2400)], 1920, 3840);
    expect(chords.map((x) => [x.pitch, x.start, x.duration])).toEqual([[60, 0, 960], [64, 1920, 1920], [67, 1920, 1920], [72, 1920, 1920]]);
    const bass = land('bass', [n(43, 1440, 960), n(36, 1920), n(31, 2400)], 1920, 3840);
    expect(bass.map((x) => [x.pitch, x.start, x.duration])).toEqual([[43, 1440, 480], [36, 1920, 1920]]);
    expect(alignLanding([n(50, 1930, 1900), n(48, 1000, 930)], 1920, 3840).map((x) => [x.start, x.duration])).toEqual([[1920, 1920], [1000, 920]]);
  });

  it("leaves the musician's own last chords as written", () => {
    const params = parseParams({ sections: [{ name: 'verse', bars: 4, chords: ['IV', 'V'] }] });
    expect(generateSketch(params, 1).chords.map((c) => c.roman)).toEqual(['IV', 'V', 'IV', 'V']);
  });
});

describe('variation with the seed', () => {
  it('gives a backbeat groove a different drum part for a different seed, but keeps the backbeat', () => {
    const params = parseParams({ drums: { groove: 'straight', fills: false }, rhythm: { humanize: 0 } });
    const prints = Array.from({ length: 6 }, (_, s) => trackNotes(generateSketch(params, s), 'drums').map((n) => `${n.pitch}@${n.start}`).join(','));
    expect(new Set(prints).size).toBeGreaterThan(3);
    for (let s = 0; s < 6; s++) {
      const drums = trackNotes(generateSketch(params, s), 'drums');
      // The snare backbeat on 2 and 4 stays in every groove bar.
      for (let bar = 4; bar < 8; bar++) for (const beat of [1, 3]) expect(drums.some((n) => n.pitch === 38 && n.start === bar * 1920 + beat * 480), `seed ${s} bar ${bar}`).toBe(true);
    }
  });
});
