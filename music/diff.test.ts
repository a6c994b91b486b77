import { describe, expect, it } from 'vitest';
import { diffVersions, type SongVersion } from './diff.ts';
import { parseParams, type SongParametersInput } from './params.ts';
import { fixtureSketch } from './midi/fixture.ts';
import { generateSketch } from './generate.ts';

const FORM: SongParametersInput['sections'] = [
  { name: 'intro', bars: 4 },
  { name: 'verse', bars: 8 },
  { name: 'chorus', bars: 8 },
  { name: 'verse', bars: 8 },
  { name: 'chorus', bars: 8 },
  { name: 'outro', bars: 4 },
];

/** A version whose sketch follows the parameters' key, tempo, meter and form. */
function version(input: SongParametersInput, seed = 1): SongVersion {
  const params = parseParams({ sections: FORM, ...input });
  const mode = params.mode === 'minor' ? 'minor' : 'major';
  const sketch = fixtureSketch({ key: params.key, mode, tempo: params.tempo, meter: params.meter, sections: params.sections.map((s) => [s.name, s.bars]) });
  return { params, sketch: { ...sketch, seed, mode: params.mode } };
}

describe('diffVersions', () => {
  it('says nothing when nothing changed', () => {
    expect(diffVersions(version({ tempo: 90 }), version({ tempo: 90 }))).toEqual([]);
  });

  it('names tempo, key and meter changes the way a musician would', () => {
    const changes = diffVersions(version({ tempo: 96, key: 'C', mode: 'major' }), version({ tempo: 72, key: 'D', mode: 'minor', meter: '3/4' }));
    expect(changes).toContain('slower: 96 → 72 bpm');
    expect(changes).toContain('now in D minor (was C major)');
    expect(changes).toContain('meter 4/4 → 3/4');
    expect(diffVersions(version({ tempo: 72 }), version({ tempo: 100 }))).toEqual(['faster: 72 → 100 bpm']);
  });

  it('describes mood moves as brighter/darker and calmer/more energetic', () => {
    expect(diffVersions(version({ valence: 0.1 }), version({ valence: 0.5 }))).toEqual(['brighter (valence 0.1 → 0.5)']);
    expect(diffVersions(version({ arousal: 0.4 }), version({ arousal: -0.2 }))).toEqual(['calmer (arousal 0.4 → -0.2)']);
  });

  it('places an added bridge after the second chorus and reports the new length', () => {
    const withBridge = [...FORM.slice(0, 5), { name: 'bridge', bars: 8 }, FORM[5]!];
    expect(diffVersions(version({}), version({ sections: withBridge }))).toEqual([
      'a bridge was added after the second chorus',
      'now 48 bars long (was 40)',
    ]);
  });

  it('reports removed and moved sections, and an intro added at the start', () => {
    const noIntro = FORM.slice(1);
    expect(diffVersions(version({}), version({ sections: noIntro }))).toContain('the intro was removed');
    expect(diffVersions(version({ sections: noIntro }), version({}))).toContain('an intro was added at the start');
    const outroFirst = [FORM[5]!, ...FORM.slice(0, 5)];
    expect(diffVersions(version({}), version({ sections: outroFirst }))).toEqual(['the outro moved: now at the start']);
  });

  it('says "the chorus" when every chorus changed alike, and which one otherwise', () => {
    const longChoruses = FORM.map((s) => (s.name === 'chorus' ? { ...s, bars: 16 } : s));
    expect(diffVersions(version({}), version({ sections: longChoruses }))).toContain('every chorus is now 16 bars (was 8)');
    const oneLong = FORM.map((s, i) => (i === 4 ? { ...s, bars: 16 } : s));
    expect(diffVersions(version({}), version({ sections: oneLong }))).toContain('the second chorus is now 16 bars (was 8)');
    const single = [{ name: 'verse', bars: 8 }, { name: 'chorus', bars: 8 }];
    expect(diffVersions(version({ sections: single }), version({ sections: [single[0]!, { name: 'chorus', bars: 16 }] }))).toContain('the chorus is now 16 bars (was 8)');
  });

  it('notices section energy and chord changes', () => {
    const hotter = FORM.map((s, i) => (i === 2 ? { ...s, energy: 0.9, chords: ['I', 'V', 'vi', 'IV'] } : s));
    const changes = diffVersions(version({}), version({ sections: hotter }));
    expect(changes).toContain('the first chorus has more energy (energy 0.5 → 0.9)');
    expect(changes).toContain("the first chorus chords now I–V–vi–IV (were the engine's choice)");
  });

  it('counts melody notes from the sketches when the melody gets sparser', () => {
    const before = version({ melody: { density: 0.7 } });
    const after = version({ melody: { density: 0.3 } });
    const melody = after.sketch.tracks.find((t) => t.id === 'melody')!;
    melody.notes = melody.notes.filter((_, i) => i % 2 === 0);
    const total = before.sketch.tracks.find((t) => t.id === 'melody')!.notes.length;
    expect(diffVersions(before, after)).toEqual([`melody sparser (${total} → ${melody.notes.length} notes)`]);
  });

  it('reports drums, instruments, harmony and feel changes', () => {
    const changes = diffVersions(
      version({}),
      version({
        drums: { enabled: false },
        instruments: { melody: 'flute' },
        harmony: { extensions: true, comping: 'arpeggio', chordsPerBar: 2 },
        rhythm: { feel: 'swing' },
        melody: { low: 62, high: 79 },
      }),
    );
    expect(changes).toEqual(
      expect.arrayContaining([
        'drums off',
        'melody now on flute (was piano)',
        'sevenths and colour tones added',
        'chords now arpeggiated (were held as blocks)',
        'feel now swing (was straight)',
        'chords change twice a bar (was once a bar)',
        'melody range now D4–G5 (was C4–E5)',
      ]),
    );
    expect(changes).toHaveLength(7);
  });

  it('calls a different seed with the same choices a new take', () => {
    expect(diffVersions(version({}, 1), version({}, 2))).toEqual(['a new take of the same choices (seed 1 → 2)']);
  });
});

describe('diffVersions on generated sketches', () => {
  const make = (input: SongParametersInput, seed = 1): SongVersion => {
    const params = parseParams(input);
    return { params, sketch: generateSketch(params, seed) };
  };

  it('reports a revision in words, with counts taken from what was generated', () => {
    const before = make({ key: 'C', mode: 'major', tempo: 96, melody: { density: 0.8 } });
    const sections = [...before.params.sections.slice(0, 5), { name: 'bridge', bars: 8 }, before.params.sections[5]!];
    const after = make({ key: 'D', mode: 'minor', tempo: 72, melody: { density: 0.2 }, sections, drums: { enabled: false } });
    const count = (v: SongVersion) => v.sketch.tracks.find((t) => t.id === 'melody')!.notes.length;
    expect(diffVersions(before, after)).toEqual([
      'slower: 96 → 72 bpm',
      'now in D minor (was C major)',
      'a bridge was added after the second chorus',
      `now ${after.sketch.bars} bars long (was ${before.sketch.bars})`,
      `melody sparser (${count(before)} → ${count(after)} notes)`,
      'drums off',
    ]);
  });

  it('finds nothing to say between two generations of the same params and seed', () => {
    expect(diffVersions(make({ mode: 'dorian' }, 3), make({ mode: 'dorian' }, 3))).toEqual([]);
  });
});
