/**
 * Offline writing help for a lyric sheet: line prompts per section built from the musician's own
 * phrases (a verse sets the scene, a chorus states the message, a bridge turns it), fill-in-the-
 * blank lines, and the shape of a song they know for a parody (syllables and stresses per line,
 * never its words).
 */
import { syllabify } from '../../music/lyrics/index.ts';
import { fill, roleOf, type LyricsLang, type Role } from './lang.ts';

export interface SectionHelp {
  name: string;
  role: Role;
  /** What this kind of section does in a song. */
  job: string;
  /** Questions that lead to a line, each naming one of the musician's phrases. */
  prompts: string[];
  /** Fill-in-the-blank lines; ___ marks a blank. */
  blanks: string[];
}

/** Prompts and blanks for each section; phrases rotate so each section offers different words of theirs. */
export function sectionHelp(sections: readonly { name: string }[], phrases: readonly string[], lang: LyricsLang): SectionHelp[] {
  const pool = phrases.length ? phrases : [lang.fallbackPhrase];
  let k = 0;
  return sections.map(({ name }) => {
    const role = roleOf(name);
    const prompts = lang.roles[role].prompts.map((p) => fill(p, { phrase: `“${pool[k++ % pool.length]}”` }));
    return { name, role, job: lang.roles[role].job, prompts, blanks: [...lang.blanks[role]] };
  });
}

export interface ParodyLine {
  n: number;
  /** Syllables to write on this line. */
  count: number;
  /** "/" stressed, "\\" secondary, "x" unstressed, one per syllable. */
  stress: string;
  /** The line as the musician reads it: "Line 1: 7 syllables". */
  label: string;
}

/**
 * The shape of a known song's lines, without its words:
 * parodyShape(['Twinkle twinkle little star'], 'en', en) → [{ n: 1, count: 7, stress: '/x/x/x/', … }].
 */
export function parodyShape(lines: readonly string[], language: string, lang: LyricsLang): ParodyLine[] {
  return lines
    .map((l) => l.trim())
    .filter(Boolean)
    .map((line, i) => {
      const syl = syllabify(line, language).flatMap((w) => w.syllables);
      const count = syl.length;
      return { n: i + 1, count, stress: syl.map((s) => (s.stress === 1 ? '/' : s.stress === 2 ? '\\' : 'x')).join(''), label: fill(lang.parody.line, { n: i + 1, count }) };
    });
}
