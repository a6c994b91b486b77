/**
 * Tempo words in German, French and Spanish ("langsam", "lent", "rápido", "à fond"):
 * lang/<code>/tempo.json. They are explicit requests, as "slow" and "fast" are in English
 * (requests-core.ts): the felt tempo stays when it fits the word's band, else it is pulled in.
 * A word counts only in a message of its own language, so English "lent" (lend) and Spanish
 * "lente" (lens) stay words, not tempi.
 */
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { z } from 'zod';
import { edit } from './edit.ts';
import { languageScore, pickLexicon } from './emotion-language.ts';
import { LEXICONS } from './lexicon.ts';
import type { RequestRule } from './request-types.ts';

const TempoFile = z.object({
  about: z.string(),
  bands: z.record(z.string().min(1), z.tuple([z.number().int().min(30).max(240), z.number().int().min(30).max(240)]).refine(([lo, hi]) => lo <= hi, 'band must be low, high')),
});

const LANG_DIR = new URL('../../lang/', import.meta.url);

/** word (lower case) → language code → band. Read once, at import: the files are small. */
function loadBands(): Map<string, Map<string, [number, number]>> {
  const out = new Map<string, Map<string, [number, number]>>();
  for (const code of readdirSync(LANG_DIR).sort()) {
    const file = new URL(`${code}/tempo.json`, LANG_DIR);
    if (!existsSync(file)) continue;
    const parsed = TempoFile.safeParse(JSON.parse(readFileSync(file, 'utf8')));
    if (!parsed.success) throw new Error(`lang/${code}/tempo.json: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
    for (const [word, band] of Object.entries(parsed.data.bands)) {
      const w = word.toLowerCase();
      out.set(w, (out.get(w) ?? new Map()).set(code, band));
    }
  }
  return out;
}

const BANDS = loadBands();

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The band `word` names in the language the rest of `text` is written in, if it is one of that
 * language's tempo words. The word itself does not vote: "lento, in D minor" is English with an
 * Italian marking, "un bolero lento" Spanish; alone, "langsam" is German.
 */
export function ownTempoBand(word: string, text: string, at: number): [number, number] | undefined {
  const byLang = BANDS.get(word.toLowerCase());
  if (!byLang) return undefined;
  const rest = text.slice(0, at) + ' ' + text.slice(at + word.length);
  // Nothing else to tell the language by ("langsam" alone): then the word itself tells it.
  const lex = [...LEXICONS.values()].some((l) => languageScore(rest, l) > 0) ? pickLexicon(rest) : pickLexicon(text);
  return byLang.get(lex.lang);
}

/** Longest first ("sehr langsam" before "langsam"), bounded by letters not \b, which does not know "à" or "á". */
export const TEMPO_WORD_RULE: RequestRule = {
  aspect: 'tempo',
  pattern: new RegExp(String.raw`(?<![\p{L}\p{N}])(${[...BANDS.keys()].sort((a, b) => b.length - a.length).map(escape).join('|')})(?![\p{L}\p{N}])`, 'giu'),
  // Every match is one of the words: a text with none of them (every English one) skips the
  // pattern, whose case-insensitive Unicode letter edges V8 compiles anew on each start (~10 M
  // instructions, ~3% of `innerchord interpret` from the start-up snapshot).
  needs: [...BANDS.keys()],
  apply: (m, p, text) => {
    const word = m[1]!.toLowerCase();
    const band = ownTempoBand(word, text, m.index);
    if (!band) return null;
    const bpm = Math.max(band[0], Math.min(band[1], p.tempo));
    return { params: edit(p, (d) => { d.tempo = bpm; }), label: `tempo ${bpm} (${word})` };
  },
};
