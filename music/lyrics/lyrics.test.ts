import { describe, expect, it } from 'vitest';
import { parseParams } from '../params.ts';
import { applyLyricSheet, detectLanguage, formatLyricSheet, lineBars, parseLyricSheet, syllabify, syllablesOf, LyricSheetError } from './index.ts';

const marked = (line: string, lang: string) =>
  syllabify(line, lang)
    .map((w) => w.syllables.map((s) => (s.stress === 1 ? s.text.toUpperCase() : s.text)).join('-'))
    .join(' ');

describe('syllabify', () => {
  it('splits English words by the dictionary and marks their stress', () => {
    expect(marked('Tomorrow the river is beautiful', 'en')).toBe('To-MOR-row the RIV-er is BEAU-ti-ful');
  });
  it('gives MusicXML syllabic roles and keeps punctuation on its syllable', () => {
    const [w] = syllabify('"Tomorrow,"', 'en');
    expect(w?.syllables.map((s) => [s.text, s.syllabic])).toEqual([['"To', 'begin'], ['mor', 'middle'], ['row,"', 'end']]);
    expect(syllabify('home', 'en')[0]?.syllables[0]?.syllabic).toBe('single');
  });
  it('sings one-syllable function words unstressed', () => {
    expect(syllablesOf('the way to my home', 'en').map((s) => s.stress)).toEqual([0, 1, 0, 0, 1]);
  });
  it('follows the written stress rules in German, Spanish and French', () => {
    expect(marked('vergessen Sonne', 'de')).toBe('ver-GES-sen SON-ne');
    expect(marked('corazón mañana ciudad', 'es')).toBe('co-ra-ZÓN ma-ÑA-na ciu-DAD');
    expect(marked('liberté chanson', 'fr')).toBe('li-ber-TÉ chan-SON');
  });
  it('drops tokens without letters and keeps every word', () => {
    expect(syllabify('hold — on & on', 'en').map((w) => w.word)).toEqual(['hold', 'on', 'on']);
  });
});

describe('lyric sheets', () => {
  it('reads headers and lines, and repeats a header without lines', () => {
    const sheet = parseLyricSheet('\uFEFF[Verse 1]\nfirst line\r\nsecond line\n\n[chorus]\nkeep going\n[verse 2]\nthird\n[Chorus]\n');
    expect(sheet.sections.map((s) => [s.name, s.lines, s.repeat])).toEqual([
      ['verse', ['first line', 'second line'], false],
      ['chorus', ['keep going'], false],
      ['verse', ['third'], false],
      ['chorus', ['keep going'], true],
    ]);
  });
  it('refuses an empty sheet, words before a header and a lineless first header, in one line each', () => {
    for (const [text, pattern] of [['', /empty/], ['  \n', /empty/], ['just words', /before the first/], ['[chorus]\n', /no lines/]] as const) {
      expect(() => parseLyricSheet(text)).toThrow(LyricSheetError);
      expect(() => parseLyricSheet(text)).toThrow(pattern);
    }
  });
  it('matches sections by name in order, adds the sections the form lacks and grows sections that are too short', () => {
    const params = parseParams({ sections: [{ name: 'verse', bars: 2 }, { name: 'chorus', bars: 8 }] });
    const sheet = parseLyricSheet('[verse]\nI walked along the river in the evening light\nand every stone was singing\n[bridge]\nturn around\n[chorus]\nkeep going');
    const { params: out, notes } = applyLyricSheet(params, sheet);
    expect(out.sections.map((s) => [s.name, s.lyrics?.length ?? 0])).toEqual([['verse', 2], ['bridge', 1], ['chorus', 1]]);
    expect(out.sections[0]?.bars).toBe(2 * lineBars(syllablesOf('I walked along the river in the evening light', 'en').length, '4/4'));
    expect(notes.some((n) => /verse grew from 2 to \d+ bars/.test(n))).toBe(true);
    expect(notes.some((n) => /gained a bridge/.test(n))).toBe(true);
    expect(out.lyricsLanguage).toBe('en');
    expect(parseLyricSheet(formatLyricSheet(out)).sections.map((s) => s.lines)).toEqual(sheet.sections.map((s) => s.lines));
  });
  it('guesses the language of the words', () => {
    expect(detectLanguage('ich liebe dich und du bist mein')).toBe('de');
    expect(detectLanguage('je t’aime et tu es dans mon cœur')).toBe('fr');
    expect(detectLanguage('mi corazón canta una canción')).toBe('es');
    expect(detectLanguage('hold on to the light')).toBe('en');
  });
});

describe('odd words', () => {
  it('sings digits, cuts a very long word over several notes and keeps every syllable within the schema', () => {
    expect(syllablesOf('24 roses', 'en').map((s) => s.text)).toEqual(['24', 'ros', 'es']);
    const long = 'a'.repeat(150);
    const sung = syllablesOf(`${long} and ${'x'.repeat(90)}!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!`, 'en');
    expect(sung.map((s) => s.text).join('').replace(/[^ax]/g, '').length).toBe(150 + 1 + 90); // the a of "and" too
    for (const s of sung) expect(s.text.length).toBeLessThanOrEqual(60);
  });
});

describe('loading the language resources as a browser does', () => {
  it('loads the dictionary and every language’s patterns through dynamic import', async () => {
    const { loadLyricResources, hyphenator, englishDictionary } = await import('./resources.ts');
    await loadLyricResources(['en', 'de', 'fr', 'es', 'xx']);
    expect(englishDictionary()?.['tomorrow']).toBe('T AH0 M AA1 R OW2');
    expect(hyphenator('es')?.('corazones', { hyphenChar: '-', minWordLength: 4 })).toBe('co-ra-zo-nes');
    expect(hyphenator('xx')).toBeNull();
  });
});
