/**
 * The teaching layer and the world palette: a Hijaz scale explained as what it is, odd-meter
 * groupings explained as played, the style template and blend in their own section, and cadence
 * and function labels that need a leading tone before they say "authentic" or "dominant".
 */
import { describe, expect, it } from 'vitest';
import { generateSketch } from '../generate.ts';
import { parseParams, type SongParametersInput } from '../params.ts';
import { applyStyle } from '../styles/index.ts';
import { cadenceOf, explainChord, explainMode, explainSketch, glossaryEntry } from './index.ts';

const explain = (input: SongParametersInput, seed = 3) => {
  const params = parseParams(input);
  return explainSketch(generateSketch(params, seed), params);
};
const section = (sections: ReturnType<typeof explainSketch>, id: string) => sections.find((s) => s.id === id);

describe('scales in a musician’s words', () => {
  it('says what Hijaz is: the raised third over a flat second, the flamenco and Middle-Eastern sound', () => {
    const mode = section(explain({ key: 'E', mode: 'phrygian dominant' }), 'mode')!;
    expect(mode.title).toBe('Scale: E phrygian dominant');
    expect(mode.text).toMatch(/raised \(major\) third over a flat second/);
    expect(mode.text).toMatch(/flamenco/);
    expect(mode.text).not.toMatch(/its own colour/);
    expect(mode.rows.some((r) => r.label === 'Harmony' && /vamp/.test(r.value))).toBe(true);
  });

  it('never falls back to "its own colour" for any scale Tonal knows', () => {
    for (const m of ['phrygian dominant', 'double harmonic major', 'hirajoshi', 'in-sen', 'whole tone', 'locrian', 'lydian dominant']) {
      expect(explainMode('C', m).colour, m).not.toMatch(/its own colour/);
    }
  });
});

describe('meter groupings as played', () => {
  it('explains 7/8 in 3+2+2 as 3+2+2, never as (2+2+3)', () => {
    const meter = section(explain({ meter: '7/8', meterGrouping: '3+2+2' }), 'meter')!;
    const all = [meter.text, ...meter.rows.map((r) => `${r.value} ${r.note}`)].join(' ');
    expect(all).not.toMatch(/2\+2\+3/);
    expect(meter.rows.find((r) => r.label === 'Grouping')).toMatchObject({ value: '3+2+2' });
    expect(meter.rows.find((r) => r.label === 'Grouping')!.note).toMatch(/1-2-3 1-2 1-2/);
    expect(meter.terms).toContain('meter-grouping');
  });

  it('names the default grouping when none was asked, and none for an even meter', () => {
    expect(section(explain({ meter: '5/4' }), 'meter')!.rows.find((r) => r.label === 'Grouping')?.value).toBe('3+2');
    expect(section(explain({ meter: '4/4' }), 'meter')!.rows.some((r) => r.label === 'Grouping')).toBe(false);
  });
});

describe('the style section', () => {
  it('describes the template and its blend, with every term in the glossary', () => {
    const params = applyStyle(parseParams({ key: 'G' }), 'bossa nova', { with: 'lo-fi', amount: 0.3 });
    const sections = explainSketch(generateSketch(params, 2), params);
    const style = section(sections, 'style')!;
    expect(style.title).toBe('Style: bossa nova meets lo-fi hip hop');
    expect(style.text).toMatch(/30% lo-fi hip hop/);
    expect(style.rows.some((r) => /rim-click/.test(r.note))).toBe(true);
    for (const term of sections.flatMap((s) => s.terms)) expect(glossaryEntry(term), term).toBeDefined();
  });

  it('has no style section for a sketch without a style', () => {
    expect(section(explain({ key: 'C' }), 'style')).toBeUndefined();
  });
});

describe('cadence and function labels', () => {
  it('calls a minor v to i a minor-dominant cadence, and only a major V authentic', () => {
    expect(cadenceOf('Em', 'Am', 'A')).toBe('minor-dominant');
    expect(cadenceOf('Em7', 'Am', 'A')).toBe('minor-dominant');
    expect(cadenceOf('E7', 'Am', 'A')).toBe('authentic');
  });

  it('does not call Dm7→G7 in G mixolydian authentic', () => {
    expect(cadenceOf('Dm7', 'G7', 'G')).toBe('minor-dominant');
  });

  it('does not give mixolydian’s bVII or a natural-minor v the dominant function', () => {
    expect(explainChord('F', 'G', 'mixolydian')).toMatchObject({ roman: 'bVII', function: 'modal' });
    expect(explainChord('Dm', 'G', 'mixolydian')!.function).toBe('modal');
    expect(explainChord('Em', 'A', 'minor')!.function).toBe('modal');
    expect(explainChord('G7', 'C', 'major')!.function).toBe('dominant');
  });
});
