import { describe, expect, it } from 'vitest';
import { Chord, Progression } from 'tonal';
import { generateSketch } from '../generate.ts';
import { parseParams } from '../params.ts';
import { cadenceOf, explainChord, explainMode, explainSketch, GLOSSARY, glossaryEntry } from './index.ts';

describe('explainChord against Tonal', () => {
  it.each([
    ['G7', 'C', 'major', 'V7', 'dominant'],
    ['C', 'C', 'major', 'I', 'tonic'],
    ['F', 'C', 'major', 'IV', 'subdominant'],
    ['Dm7', 'C', 'major', 'ii7', 'subdominant'],
    ['Am', 'C', 'major', 'vi', 'tonic'],
    ['E', 'A', 'minor', 'V', 'dominant'],
    ['Am', 'A', 'minor', 'i', 'tonic'],
    ['Dm', 'A', 'minor', 'iv', 'subdominant'],
    ['Fm', 'C', 'major', 'iv', 'borrowed'],
    ['Bb', 'C', 'major', 'bVII', 'borrowed'],
    ['G', 'D', 'dorian', 'IV', 'subdominant'],
  ])('reads %s in %s %s as %s (%s)', (symbol, key, mode, roman, fn) => {
    expect(explainChord(symbol, key, mode)).toMatchObject({ roman, function: fn });
  });

  it('agrees with Tonal Progression on the numeral\'s step and accidental for every chord of C major and its borrowings', () => {
    for (const symbol of ['C', 'Dm', 'Em', 'F', 'G', 'Am', 'Bdim', 'Bb', 'Ab', 'Eb', 'Fm']) {
      const tonal = Progression.toRomanNumerals('C', [symbol])[0]!;
      const ours = explainChord(symbol, 'C', 'major')!.roman;
      // Tonal writes case-insensitive numerals ("VIm"); compare the accidental + step only.
      expect(ours.replace(/[^b#IVXiv]/g, '').toUpperCase(), symbol).toBe(tonal.replace(/[^b#IV]/g, '').toUpperCase());
    }
  });

  it('writes minor and diminished chords in lower case, from Tonal\'s chord quality', () => {
    for (const symbol of ['Dm', 'Em7', 'Bdim', 'Bm7b5']) {
      expect(Chord.get(symbol).quality).not.toBe('Major');
      expect(explainChord(symbol, 'C', 'major')!.roman).toMatch(/^[b#]*[iv]+/);
    }
  });

  it('returns null for a symbol Tonal cannot read', () => {
    expect(explainChord('Qzz', 'C', 'major')).toBeNull();
  });
});

describe('cadences and modes', () => {
  it('names cadences by their roots', () => {
    expect(cadenceOf('G7', 'C', 'C')).toBe('authentic');
    expect(cadenceOf('F', 'C', 'C')).toBe('plagal');
    expect(cadenceOf('Dm', 'G', 'C')).toBe('half');
    expect(cadenceOf('G', 'Am', 'C')).toBe('deceptive');
    expect(cadenceOf('E', 'Am', 'A')).toBe('authentic');
  });

  it('gives dorian its colour and its minor home chord from Tonal Mode', () => {
    const m = explainMode('D', 'dorian');
    expect(m.notes).toEqual(['D', 'E', 'F', 'G', 'A', 'B', 'C']);
    expect(m.homeTriad).toBe('m');
    expect(m.colour).toMatch(/raised sixth/);
  });
});

describe('explainSketch', () => {
  const params = parseParams({ key: 'D', mode: 'dorian', tempo: 76, meter: '3/4', sections: [{ name: 'verse', bars: 4 }, { name: 'chorus', bars: 4 }] });
  const sketch = generateSketch(params, 7);
  const sections = explainSketch(sketch, params);

  it('has the four sections in order, every term in the glossary', () => {
    expect(sections.map((s) => s.id)).toEqual(['mode', 'chords', 'cadences', 'meter']);
    for (const term of sections.flatMap((s) => s.terms)) expect(glossaryEntry(term), term).toBeDefined();
    expect(sections[0]!.title).toBe('Mode: D dorian');
  });

  it('lists each distinct chord of the sketch once, with a numeral that matches Tonal', () => {
    const chords = sections.find((s) => s.id === 'chords')!;
    expect(chords.rows.map((r) => r.label)).toEqual([...new Set(sketch.chords.map((c) => c.symbol))]);
    for (const row of chords.rows) expect(row.value).toBe(explainChord(row.label, 'D', 'dorian')?.roman ?? row.value);
  });

  it('describes the meter and tempo it was given', () => {
    const meter = sections.find((s) => s.id === 'meter')!;
    expect(meter.rows[0]).toMatchObject({ value: '3/4' });
    expect(meter.rows[0]!.note).toMatch(/waltz/);
    expect(meter.rows[1]).toMatchObject({ value: '76 bpm', note: 'slow and unhurried' });
  });

  it('has a glossary of about 25 plain-words terms with unique ids', () => {
    expect(GLOSSARY.length).toBeGreaterThanOrEqual(25);
    expect(new Set(GLOSSARY.map((g) => g.id)).size).toBe(GLOSSARY.length);
  });
});
