/**
 * Style templates pin their modes, play their own progression families over a vamp scale, and a
 * blend's swing leaves a straight groove straight. Chords are read back from the sketch with Tonal.
 */
import { describe, expect, it } from 'vitest';
import { Chord, Note } from 'tonal';
import { generateSketch } from '../generate.ts';
import { SongParameters, type SongParametersInput } from '../params.ts';
import { trackNotes } from '../testing.ts';
import { cadenceKind } from '../harmony/progression.ts';
import { scaleInfo } from '../theory/scale.ts';
import { romanToChord } from '../theory/chord.ts';
import { TEMPLATES, acceptedModes, applyStyle, findTemplate, modeDistance, modeForTemplate } from './index.ts';
import type { Sketch } from '../sketch.ts';

const make = (input: SongParametersInput) => SongParameters.parse(input);
const semis = (from: string, to: string) => ((Note.chroma(to) ?? 0) - (Note.chroma(from) ?? 0) + 12) % 12;

/** Consecutive chord pairs where a dominant seventh on the fifth degree moves to the tonic. */
function dominantResolutions(sketch: Sketch): string[] {
  const out: string[] = [];
  sketch.chords.forEach((c, i) => {
    const next = sketch.chords[i + 1];
    const a = Chord.get(c.symbol);
    const b = next && Chord.get(next.symbol);
    if (!b || !a.tonic || !b.tonic) return;
    if (a.type === 'dominant seventh' && semis(sketch.key, a.tonic) === 7 && semis(sketch.key, b.tonic) === 0) out.push(`${c.symbol}→${next.symbol}`);
  });
  return out;
}

describe('templates pin their modes', () => {
  it('accepts only major or minor for bossa nova, pop, lo-fi, hymn, lullaby, reggae and gospel', () => {
    for (const name of ['bossa nova', 'pop', 'hymn', 'lullaby', 'reggae', 'gospel']) {
      expect(acceptedModes(findTemplate(name)!), name).toEqual(['major', 'minor']);
    }
    expect(acceptedModes(findTemplate('flamenco')!)).toEqual(['phrygian dominant']);
  });

  it('counts changed notes between modes', () => {
    expect(modeDistance('mixolydian', 'major')).toBe(2);
    expect(modeDistance('dorian', 'minor')).toBe(2);
    expect(modeDistance('dorian', 'major')).toBe(4);
    expect(modeDistance('minor', 'minor')).toBe(0);
  });

  it('moves a mode the template does not accept to the nearest of its family', () => {
    const bossa = findTemplate('bossa nova')!;
    expect(modeForTemplate(bossa, 'G', 'mixolydian')).toBe('major');
    expect(modeForTemplate(bossa, 'G', 'lydian')).toBe('major');
    expect(modeForTemplate(bossa, 'D', 'dorian')).toBe('minor');
    expect(modeForTemplate(bossa, 'D', 'phrygian')).toBe('minor');
    expect(modeForTemplate(bossa, 'D', 'minor')).toBe('minor');
    expect(modeForTemplate(findTemplate('flamenco')!, 'E', 'major')).toBe('phrygian dominant');
  });

  it('keeps an explicitly asked-for mode when told to', () => {
    const p = applyStyle(make({ key: 'D', mode: 'dorian' }), 'bossa nova', undefined, { keepMode: true });
    expect(p.mode).toBe('dorian');
  });

  for (const t of TEMPLATES) {
    it(`leaves ${t.name} in a mode it accepts, whatever mode the song came in`, () => {
      for (const mode of ['mixolydian', 'dorian', 'lydian', 'phrygian', 'major', 'minor']) {
        expect(acceptedModes(t)).toContain(applyStyle(make({ key: 'C', mode }), t.name).mode);
      }
    });
  }

  it('gives a mixolydian (mixed-feeling) bossa a major key with V7 resolving to I', () => {
    const params = applyStyle(make({ key: 'G', mode: 'mixolydian' }), 'bossa nova');
    expect(params.mode).toBe('major');
    const sketch = generateSketch(params, 3);
    expect(dominantResolutions(sketch)).toContain('D7→Gmaj7');
  });

  it('gives a minor bossa a harmonic-minor V7 in its ii–V–i, for every seed tried', () => {
    for (const seed of [1, 2, 3, 4, 5]) {
      const params = applyStyle(make({ key: 'A', mode: 'dorian', valence: -0.3 }), 'bossa nova');
      expect(params.mode).toBe('minor');
      const sketch = generateSketch(params, seed);
      expect(dominantResolutions(sketch).length, `seed ${seed}`).toBeGreaterThan(0);
      expect(sketch.chords.map((c) => c.symbol)).not.toContain('Em7');
    }
  });

  it('gives a blend the colour template’s modes: a bossa nova–lo-fi blend from mixolydian is major', () => {
    const p = applyStyle(make({ key: 'G', mode: 'mixolydian' }), 'bossa nova', { with: 'lo-fi', amount: 0.5 });
    expect(p.mode).toBe('major');
    expect(dominantResolutions(generateSketch(p, 2)).length).toBeGreaterThan(0);
  });
});

describe('a template’s progressions over a vamp scale', () => {
  it('plays the Andalusian cadence iv–bIII–bII–I (Am–G–F–E) in flamenco, outside the Hijaz scale', () => {
    const params = applyStyle(make({ key: 'E', mode: 'major' }), 'flamenco');
    expect(params.mode).toBe('phrygian dominant');
    const found = [1, 2, 3, 4].some((seed) => {
      const symbols = generateSketch(params, seed).chords.map((c) => c.symbol).join(' ');
      return symbols.includes('Am G F E');
    });
    expect(found).toBe(true);
  });

  it('keeps the scale’s own vamp when no style gives loops', () => {
    const symbols = generateSketch(make({ key: 'E', mode: 'phrygian dominant' }), 4).chords.map((c) => c.symbol);
    expect(symbols).not.toContain('G');
  });
});

describe('blends and swing', () => {
  it('keeps a bossa rim-click on the sixteenth grid when lo-fi’s swing is blended in', () => {
    const p = applyStyle(make({ key: 'C', rhythm: { humanize: 0 } }), 'bossa nova', { with: 'lo-fi', amount: 0.5 });
    expect(p.rhythm.feel).toBe('bossa');
    expect(p.rhythm.swing).toBeGreaterThan(0);
    const flat = SongParameters.parse({ ...p, rhythm: { ...p.rhythm, humanize: 0 }, drums: { ...p.drums, fills: false } });
    const rim = trackNotes(generateSketch(flat, 2), 'drums').filter((n) => n.pitch === 37 && n.start < 3840).map((n) => n.start / 120);
    expect(rim).toEqual([0, 6, 12, 20, 26]);
  });
});

describe('cadence names', () => {
  it('calls only a major V to I authentic; a minor v to i or mixolydian v7 to I is a minor-dominant close', () => {
    const cmaj = scaleInfo('C', 'major');
    expect(cadenceKind([romanToChord(cmaj, 'V7'), romanToChord(cmaj, 'I')], cmaj)).toBe('authentic');
    const amin = scaleInfo('A', 'minor');
    expect(cadenceKind([romanToChord(amin, 'v'), romanToChord(amin, 'i')], amin)).toBe('minor-dominant');
    expect(cadenceKind([romanToChord(amin, 'V'), romanToChord(amin, 'i')], amin)).toBe('authentic');
    const gmix = scaleInfo('G', 'mixolydian');
    expect(cadenceKind([romanToChord(gmix, 'v7'), romanToChord(gmix, 'I7')], gmix)).toBe('minor-dominant');
  });
});
