/**
 * The words a title is cut from an intention with, per language, as data: lang/<code>/titles.json
 * (adding a language means adding that file). Read once at start-up; an invalid file throws with
 * its path, so a broken language is found then, not when a song is named.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

const Phrases = z.array(z.string().trim().min(1).max(40).transform((s) => s.toLowerCase())).max(200);

export const TitleWords = z.object({
  /** How an intention names the song itself ("a song", "ein Lied"): stripped from the front. */
  songWords: Phrases,
  /** Verbs that may follow it ("is", "ist"): stripped too. */
  copulas: Phrases,
  /** Words opening a relative clause right after the song words ("a song that tells …"): no subject to name. */
  relatives: Phrases,
  /** What introduces the subject ("about", "über", "sur", "sobre"): the title comes after it. */
  about: Phrases,
  /** What introduces who it is for ("for", "für"): a title of last resort ("For My Sister"). */
  for: Phrases,
  /** Where a long subject may be cut ("the empty chair | at Sunday dinner"). */
  breaks: Phrases,
  /** Small words: not capitalised inside an English title, never a title's last word. */
  minor: Phrases,
  /** true → Title Case (English); false → only the first letter capitalised, the rest as written. */
  titleCase: z.boolean(),
  /** Words that make up a confirmation or a meta-reply ("yes exactly", "ja, genau"): never a title. */
  confirmations: Phrases,
});
export type TitleWords = z.infer<typeof TitleWords>;

const LANG_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'lang');

/** Every language's title words, by code, from the lang/<code>/titles.json files that exist. */
export function loadTitleWords(dir = LANG_DIR): Record<string, TitleWords> {
  const out: Record<string, TitleWords> = {};
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const file = path.join(dir, entry.name, 'titles.json');
    if (!entry.isDirectory() || !existsSync(file)) continue;
    const parsed = TitleWords.safeParse(JSON.parse(readFileSync(file, 'utf8')));
    if (!parsed.success) throw new Error(`lang/${entry.name}/titles.json is invalid: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
    out[entry.name] = parsed.data;
  }
  return out;
}

export const TITLE_WORDS: Readonly<Record<string, TitleWords>> = loadTitleWords();
