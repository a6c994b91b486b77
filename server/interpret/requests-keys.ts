/**
 * Keys named in German, French and Spanish ("in d-Moll", "en ré mineur", "en mi menor", "in
 * Moll", "en tono menor"): lang/<code>/keys.json. They are explicit requests, as "in D minor" is
 * in English (requests-core.ts). A phrase counts only in a message of its own language, and in
 * French and Spanish only after "en"/"tono de" … and before the end of the clause or a joining
 * word: "la mayor parte" (most of), "mi menor hijo" (my youngest son) and "en menor medida" (to a
 * lesser extent) are words, not keys.
 */
import { Note } from 'tonal';
import { z } from 'zod';
import { edit } from './edit.ts';
import { langFiles } from './lang-files.ts';
import { languageScore, pickLexicon } from './emotion-language.ts';
import { LEXICONS } from './lexicon.ts';
import type { RequestRule } from './request-types.ts';
import { escapeRegExp } from './scope-vocab.ts';

const KeysFile = z.object({
  about: z.string(),
  /** Note names (lower case) → the English spelling tonal reads ("fis" → "F#", "ré" → "D"). */
  notes: z.record(z.string().min(1), z.string().regex(/^[A-G][#b]?$/)),
  /** Words written after a note that raise or lower it ("dièse", "bemol"), → "#" or "b". */
  accidentals: z.record(z.string().min(1), z.enum(['#', 'b'])).default({}),
  /** The words for major and minor ("Moll", "mineur", "menor") → "minor" | "major". */
  qualities: z.record(z.string().min(1), z.enum(['minor', 'major'])),
  /** What may stand before a key ("in", "en", "tono de"). */
  before: z.array(z.string().min(1)),
  /** A key needs one of `before` in front of it (French and Spanish note names are everyday words). */
  askBefore: z.boolean(),
  /** Words that may follow a key in the same clause ("y", "avec"); any other word after it means it was not one. */
  after: z.array(z.string().min(1)).default([]),
  /** Phrases that ask for a mode with no key note ("in Moll", "en tono menor"). */
  modeOnly: z.array(z.string().min(1)).default([]),
});
type KeysFile = z.infer<typeof KeysFile>;

const KEYS = langFiles('keys.json', KeysFile);

/** Alternatives for a regular expression, longest first, spaces as any run of space. */
const alt = (words: Iterable<string>) => [...new Set(words)].sort((a, b) => b.length - a.length).map((w) => escapeRegExp(w).replace(/\s+/g, String.raw`\s+`)).join('|') || '(?!)';
const all = (pick: (k: KeysFile) => Iterable<string>) => [...KEYS.values()].flatMap((k) => [...pick(k)]);

/** The rest of the clause after a key is fine when it ends there or goes on with a joining word. */
function endsClause(k: KeysFile, rest: string): boolean {
  const next = /^\s*([\p{L}'’]+)/u.exec(rest);
  if (!next) return true;
  // A word straight after, with no punctuation between, must be one that may follow a key.
  return k.after.includes(next[1]!.toLowerCase());
}

/**
 * The keys.json of the language the words around a match (`at`, `length`) are written in, so
 * French "c'est si dur" is not B major; with no other words to tell by ("in H-Dur", "en ré
 * mineur" alone), the language whose word for major or minor it is (`owns`).
 */
function own(text: string, at: number, length: number, owns: (k: KeysFile) => boolean): KeysFile | undefined {
  const rest = text.slice(0, at) + ' ' + text.slice(at + length);
  if ([...LEXICONS.values()].some((l) => languageScore(rest, l) > 0)) return KEYS.get(pickLexicon(rest).lang);
  return [...KEYS.values()].find(owns);
}

const L = String.raw`[\p{L}\p{N}]`;

/** "in d-Moll", "en ré mineur", "en la bemol mayor", "tono de mi menor". */
export const FOREIGN_KEY_RULE: RequestRule = {
  aspect: 'key',
  needs: all((k) => Object.keys(k.qualities)),
  pattern: new RegExp(
    String.raw`(?<!${L})(?:(${alt(all((k) => k.before))})\s+)?(${alt(all((k) => Object.keys(k.notes)))})(?:[\s-]*(${alt(all((k) => Object.keys(k.accidentals)))}))?[\s-]+(${alt(all((k) => Object.keys(k.qualities)))})(?!${L})`,
    'giu',
  ),
  apply: (m, p, text) => {
    const [, before, note, accidental, quality] = m;
    const k = own(text, m.index, m[0].length, (k) => Object.hasOwn(k.qualities, quality!.toLowerCase()));
    if (!k) return null;
    const root = k.notes[note!.toLowerCase()];
    const mode = k.qualities[quality!.toLowerCase()];
    if (!root || !mode) return null;
    if (before && !k.before.includes(before.toLowerCase().replace(/\s+/g, ' '))) return null;
    if (k.askBefore && !before) return null;
    if (k.askBefore && !endsClause(k, text.slice(m.index + m[0].length))) return null;
    const shift = accidental ? k.accidentals[accidental.toLowerCase()] : undefined;
    if (accidental && !shift) return null;
    const key = shift ? Note.simplify(Note.transpose(root, shift === '#' ? '1A' : '-1A')) : root;
    if (!key || Note.get(key).empty) return null;
    return { params: edit(p, (d) => { d.key = key; d.mode = mode; }), label: `key ${key} ${mode}` };
  },
};

/** "in Moll", "en mineur", "en tono menor": the mode, the key note left as it is. */
export const FOREIGN_MODE_RULE: RequestRule = {
  aspect: 'mode',
  needs: all((k) => Object.keys(k.qualities)),
  pattern: new RegExp(String.raw`(?<!${L})(${alt(all((k) => k.modeOnly))})(?!${L})`, 'giu'),
  apply: (m, p, text) => {
    const phrase = m[1]!.toLowerCase().replace(/\s+/g, ' ');
    const k = own(text, m.index, m[0].length, (k) => k.modeOnly.includes(phrase));
    if (!k) return null;
    if (!k.modeOnly.includes(phrase)) return null;
    if (k.askBefore && !endsClause(k, text.slice(m.index + m[0].length))) return null;
    const quality = Object.entries(k.qualities).find(([w]) => phrase.split(' ').includes(w) || phrase.endsWith(w))?.[1];
    if (!quality) return null;
    return { params: edit(p, (d) => { d.mode = quality; }), label: `mode ${quality}` };
  },
};
