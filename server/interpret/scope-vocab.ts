/**
 * The revision vocabulary of every language, read from lang/<code>/revisions.json: words for
 * sections, parts, instruments, changes, degrees and form moves, plus the reply's phrases. Adding
 * a language is adding that file; nothing here names a language.
 */
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { Instrument, PartId } from '../../music/params.ts';

export const LANG_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'lang');

const Words = z.array(z.string().min(1)).min(1);
export const FIELDS = ['mute', 'level', 'density', 'register', 'size'] as const;
export type Field = (typeof FIELDS)[number];

const Say = z.object({
  version: z.string(), listen: z.string(), nothing: z.string(),
  parts: z.record(PartId, z.string()),
  /** The word for every part at once ("everything louder"). */
  all: z.string(),
  kinds: z.record(z.enum(['louder', 'softer', 'busier', 'sparser', 'silent', 'returns', 'higher', 'lower', 'brighter', 'darker']), z.string()),
  /** Parts whose word is plural ("los acordes"), and the kinds whose verb then agrees ("{part} se callan"). */
  pluralParts: z.array(PartId).default([]),
  kindsPlural: z.record(z.string(), z.string()).default({}),
  section: z.object({ the: z.string(), every: z.string(), nth: z.string(), last: z.string() }),
  names: z.record(z.string(), z.string()),
  nths: z.array(z.string()).min(4),
  song: z.string(), opensUp: z.string(), settles: z.string(), in: z.string(),
  slower: z.string(), faster: z.string(), slowerPlain: z.string(), fasterPlain: z.string(), key: z.string(), meter: z.string(),
  added: z.string(), atStart: z.string(), afterSection: z.string(), removed: z.string(),
  longer: z.string(), shorter: z.string(), instrument: z.string(),
  /** Instrument (params name) → how this language says it in `instrument` ("dem Cello", "au violoncelle"). */
  instrumentNames: z.record(z.string(), z.string()),
  unshown: z.string(), elsewhere: z.string(), kept: z.string(),
  modes: z.record(z.string(), z.string()),
});

export const RevisionVocabulary = z.object({
  language: z.string().min(2).max(8),
  /** Form name ("verse", "chorus" …) → the words for it, in this language. */
  sections: z.record(z.string(), Words),
  parts: z.record(PartId, Words),
  /** An instrument word names whichever part plays one of `plays`, else `part`. */
  instruments: z.array(z.object({ words: Words, plays: z.array(Instrument).min(1), part: PartId })),
  /** Playing styles a section can take on its own: "strummed" → chords strum, "walking bass" → bass walking. */
  patterns: z.array(z.object({ words: Words, part: z.enum(['chords', 'bass', 'drums']), pattern: z.string().min(1) })),
  /** "guitar instead of piano": the first instrument takes the part the second plays. */
  instead: z.array(z.string()),
  /** Ordinal word → instance number (1 = first, -1 = last). */
  ordinals: z.record(z.string(), z.number().int()),
  every: z.array(z.string()),
  /** "take … out": words in order with up to four words between them. */
  changes: z.array(z.object({ words: Words, field: z.enum(FIELDS), sign: z.union([z.literal(1), z.literal(-1)]), needsPart: z.boolean().optional() })),
  degrees: z.record(z.string(), z.number().positive().max(3)),
  /**
   * "too loud", "zu laut": the musician names what to move away from. `flip` turns the change
   * round; `defer` leaves the clause to the whole-song and section-energy rules that read it.
   */
  too: z.object({ words: z.array(z.string()), means: z.enum(['flip', 'defer']) }),
  add: z.array(z.string()),
  after: z.array(z.string()),
  before: z.array(z.string()),
  /** Words that join two requests in one message ("and", "und", "et", "y"). */
  clauses: z.array(z.string()),
  /** Whole-song phrases → the English request the table of whole-song revisions understands. */
  whole: z.record(z.string(), z.string()),
  /** Words that ask about the tempo: only then does a reply give it in bpm. */
  tempoWords: z.array(z.string()),
  /**
   * A section asked to feel some way (revisions-feel.ts): `leads` come between the section and the
   * feeling ("soll nach" Hoffnung klingen); `more` … `in` come around it (más esperanza en el estribillo).
   */
  feel: z.object({ leads: z.array(z.string().min(1)), more: z.array(z.string().min(1)), in: z.array(z.string().min(1)) }).optional(),
  say: Say,
});
export type RevisionVocabulary = z.infer<typeof RevisionVocabulary>;
export type Say = z.infer<typeof Say>;

/** Lower case without accents, one character for one, so positions stay those of the musician's text. */
export function fold(text: string): string {
  let out = '';
  for (const c of text) {
    const base = (c.normalize('NFD')[0] ?? c).toLowerCase();
    // Keep the length: a character that folds to two (or from a surrogate pair) stays as it was.
    out += base.length === c.length ? base : c;
  }
  return out.replace(/[\u2018\u2019`]/g, "'");
}

/** `s` as a literal inside a regular expression. */
export const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const EDGE_BEFORE = String.raw`(?<![\p{L}\p{N}-])`;
const EDGE_AFTER = String.raw`(?![\p{L}\p{N}-])`;

/** A pattern for one vocabulary entry: spaces match any spacing, "…" up to four words. */
export function wordPattern(word: string): string {
  const pieces = fold(word).trim().split(/\s*…\s*/).map((p) => p.split(/\s+/).map(escapeRegExp).join(String.raw`\s+`));
  return EDGE_BEFORE + pieces.join(String.raw`(?:\s+[\p{L}\p{N}'-]+){0,4}\s+`) + EDGE_AFTER;
}

/**
 * One compiled word: its pattern, what it stands for, and the literal pieces its pattern is made
 * of. The pattern cannot match a text that lacks any piece, so `find` checks them first with
 * `includes`: a request is tested against every word of four languages (hundreds of regular
 * expressions each), and almost all are absent.
 */
export interface Matcher<T> { re: RegExp; length: number; value: T; pieces: string[] }

/** Compile words → value, longest first, so "pre-chorus" is tried before "chorus". */
export function matchers<T>(entries: [string, T][]): Matcher<T>[] {
  return entries
    .map(([w, value]) => ({ re: new RegExp(wordPattern(w), 'gu'), length: fold(w).length, value, pieces: fold(w).split(/\s*…\s*|\s+/).filter(Boolean) }))
    .sort((a, b) => b.length - a.length);
}

/** Every language's vocabulary, by code; English first. Read once. */
let loaded: Map<string, RevisionVocabulary> | null = null;
export function vocabularies(): Map<string, RevisionVocabulary> {
  if (loaded) return loaded;
  const codes = readdirSync(LANG_DIR).filter((c) => existsSync(path.join(LANG_DIR, c, 'revisions.json'))).sort((a, b) => (a === 'en' ? -1 : b === 'en' ? 1 : a.localeCompare(b)));
  loaded = new Map(codes.map((c) => {
    const parsed = RevisionVocabulary.safeParse(JSON.parse(readFileSync(path.join(LANG_DIR, c, 'revisions.json'), 'utf8')));
    if (!parsed.success) throw new Error(`lang/${c}/revisions.json: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
    return [c, parsed.data];
  }));
  return loaded;
}

/** The vocabulary for a language code ("de", "de-AT"), English when there is none. */
export function vocabulary(code = 'en'): RevisionVocabulary {
  const all = vocabularies();
  return all.get(code) ?? all.get(code.slice(0, 2).toLowerCase()) ?? all.get('en')!;
}
