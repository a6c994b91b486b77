/** The offline interpreter and the world palette: style words → templates, blends, scale and groove words. */
import { describe, expect, it } from 'vitest';
import { Note, Scale } from 'tonal';
import { interpretOffline } from './interpret.ts';
import { reviseOffline } from './revise.ts';
import { TEMPLATES } from '../../music/styles/templates.ts';
import { parseParams } from '../../music/params.ts';
import { generateSketch } from '../../music/generate.ts';
import { Sketch } from '../../music/sketch.ts';

const interpret = (text: string) => interpretOffline(text);

describe('style words → templates', () => {
  // The sentence the Style control sends, for every template: a name inside another ("raga drone"
  // holds "drone", ambient's word) must still choose its own template.
  it.each(TEMPLATES.map((t) => t.name))('"Let\'s hear it in a %s style." chooses %s', (name) => {
    expect(reviseOffline(parseParams({}), `Let's hear it in a ${name} style.`).params.style).toBe(name);
  });

  const cases: [string, string][] = [
    ['a song like a bossa nova', 'bossa nova'], ['something lo-fi for studying', 'lo-fi hip hop'], ['a Celtic tune', 'celtic jig'],
    ['flamenco guitar, dark and proud', 'flamenco-tinged'], ['a gospel song of thanks', 'gospel'], ['a hymn for the harvest', 'hymn'],
    ['a lullaby for my son', 'lullaby'], ['a slow blues about leaving', 'blues'], ['an afrobeat jam', 'afrobeat'],
    ['ambient, for the morning', 'ambient'], ['a folk ballad about my grandfather', 'folk ballad'], ['a pop song about summer', 'pop'],
    ['an irish jig', 'celtic jig'], ['a reggae song', 'reggae'], ['salsa for dancing', 'son cubano'],
  ];
  for (const [text, style] of cases) {
    it(`hears "${text}" as ${style}`, () => {
      const { params, explicit } = interpret(text);
      expect(params.style).toBe(style);
      expect(explicit).toContain(`style ${style}`);
      Sketch.parse(generateSketch(params, 1));
    });
  }

  it('plays a bossa nova with its groove, nylon guitar and sevenths', () => {
    const { params } = interpret('like a bossa nova');
    expect(params.rhythm.feel).toBe('bossa');
    expect(params.instruments.chords).toBe('nylon guitar');
    expect(params.harmony.extensions).toBe(true);
  });

  it('keeps an explicit tempo, key and meter over the style’s own', () => {
    const { params } = interpret('a bossa nova in F minor at 100 bpm');
    expect(params).toMatchObject({ style: 'bossa nova', key: 'F', mode: 'minor', tempo: 100 });
    expect(interpret('a lullaby in 6/8').params.meter).toBe('6/8');
  });

  it('does not read "pop-punk" as pop or "blues scale" as the blues style', () => {
    expect(interpret('a pop-punk anthem').params.style).toBe('punk');
    const blues = interpret('a tune on the blues scale');
    expect(blues.params.style).toBeUndefined();
    expect(blues.params.mode).toBe('minor blues');
  });
});

describe('blends', () => {
  it('"bossa nova meets lo-fi" is a half-and-half blend', () => {
    const { params, explicit } = interpret('bossa nova meets lo-fi');
    expect(params.style).toBe('bossa nova');
    expect(params.styleBlend).toEqual({ with: 'lo-fi hip hop', amount: 0.5 });
    expect(explicit).toContain('style bossa nova + 50% lo-fi hip hop');
    expect(params.rhythm.feel).toBe('bossa');
    expect(params.instruments.chords).toBe('electric piano');
  });

  it('"mostly bossa with a bit of lo-fi" blends a quarter in', () => {
    const { params } = interpret('mostly bossa with a bit of lo-fi');
    expect(params.styleBlend).toEqual({ with: 'lo-fi hip hop', amount: 0.25 });
    expect(params.instruments.chords).toBe('nylon guitar');
  });

  it('replaces a blend when a single style is asked for later', () => {
    const first = interpret('gospel meets blues').params;
    expect(first.styleBlend?.with).toBe('blues');
    const next = reviseOffline(first, 'make it a hymn').params;
    expect(next.style).toBe('hymn');
    expect(next.styleBlend).toBeUndefined();
  });
});

describe('scale, meter and groove words', () => {
  const inScale = (key: string, mode: string, pitches: number[]) => {
    const pcs = Scale.get(`${key} ${mode}`).notes.map((n) => Note.chroma(n));
    return pitches.every((p) => pcs.includes(p % 12));
  };

  it('makes a song in 7/8 with a Hijaz colour: phrygian dominant, I–bII vamp, melody in the scale', () => {
    const { params } = interpret('a song in 7/8 with a Hijaz colour, in E');
    expect(params).toMatchObject({ meter: '7/8', mode: 'phrygian dominant', key: 'E' });
    const sketch = generateSketch(params, 5);
    expect(sketch.chords.some((c) => /^F(?!#)/.test(c.symbol))).toBe(true);
    expect(inScale('E', 'phrygian dominant', sketch.tracks[0]!.notes.map((n) => n.pitch))).toBe(true);
  });

  const scales: [string, string][] = [
    ['in D phrygian dominant', 'phrygian dominant'], ['hirajoshi', 'hirajoshi'], ['in-sen scale', 'in-sen'], ['whole tone', 'whole tone'],
    ['double harmonic', 'double harmonic major'], ['a pentatonic melody', 'major pentatonic'], ['use the blues scale', 'minor blues'],
  ];
  for (const [text, mode] of scales) {
    it(`hears "${text}" as the ${mode} scale`, () => {
      expect(interpret(`a happy song, ${text}`).params.mode).toBe(mode);
    });
  }

  it('gives a drone scale its pedal bass', () => {
    expect(interpret('something in hirajoshi').params.bass.style).toBe('pedal');
  });

  it('hears groupings and clave words', () => {
    expect(interpret('in 7/8, grouped 3+2+2').params).toMatchObject({ meter: '7/8', meterGrouping: '3+2+2' });
    expect(interpret('five beats, 2+3').params).toMatchObject({ meter: '5/4', meterGrouping: '2+3' });
    expect(interpret('over a 2-3 son clave').params.rhythm.feel).toBe('clave-son-2-3');
    expect(interpret('rumba clave please').params.rhythm.feel).toBe('rumba-3-2');
    expect(interpret('a one drop groove').params.rhythm.feel).toBe('one-drop');
  });
});
