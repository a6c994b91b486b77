import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { LANG_DIR } from '../i18n/languages.ts';
import { lyricsLang, ROLES, roleOf } from './lang.ts';
import { ownPhrases } from './phrases.ts';

const CODES = readdirSync(LANG_DIR).filter((c) => existsSync(path.join(LANG_DIR, c, 'lyrics.json')));

describe('lyric language data', () => {
  it('exists for English, German, French and Spanish', () => {
    expect(CODES).toEqual(expect.arrayContaining(['en', 'de', 'fr', 'es']));
  });

  for (const code of CODES) {
    it(`${code}: parses, every role prompts with the musician's {phrase}, every blank line has a blank`, () => {
      const lang = lyricsLang(code);
      for (const role of ROLES) {
        expect(lang.roles[role].prompts.some((p) => p.includes('{phrase}')), `${code} ${role}`).toBe(true);
        expect(lang.blanks[role].every((b) => b.includes('___')), `${code} ${role}`).toBe(true);
        expect(lang.drafts[role].every((d) => /\{[pP]hrase\}/.test(d)), `${code} ${role}`).toBe(true);
      }
    });
  }

  it('reads section roles from musicians\' names', () => {
    expect(['Chorus 2', 'verse', 'Pre Chorus', 'prechorus', 'middle eight'].map(roleOf)).toEqual(['chorus', 'verse', 'pre-chorus', 'pre-chorus', 'other']);
  });

  it('cuts the musician\'s phrases in each language, quotes first, newest first', () => {
    expect(ownPhrases(['I keep looking at the empty chair at dinner.', 'She always said "keep going" on our Sunday walks.'], lyricsLang('en'))).toEqual(['keep going', 'our Sunday walks', 'the empty chair']);
    expect(ownPhrases(['Ich vermisse unsere Spaziergänge am Sonntag und sie sagte „halt durch“.'], lyricsLang('de'))).toEqual(['halt durch', 'unsere Spaziergänge']);
    expect(ownPhrases(['Je pense à la chaise vide et à nos promenades du dimanche.'], lyricsLang('fr'))).toEqual(['la chaise vide', 'nos promenades']);
    expect(ownPhrases(['Echo de menos nuestros paseos del domingo y la silla vacía.'], lyricsLang('es'))).toEqual(['nuestros paseos', 'la silla vacía']);
  });
});
