/**
 * Tempo words in German, French and Spanish ("langsam", "lent", "rápido", "à fond"):
 * lang/<code>/tempo.json. They are explicit requests, as "slow" and "fast" are in English
 * (requests-core.ts): the felt tempo stays when it fits the word's band, else it is pulled in.
 * A word counts only in a message of its own language, so English "lent" (lend) and Spanish
 * "lente" (lens) stay words, not tempi.
 */
import { z } from 'zod';
import { edit } from './edit.ts';
import { langFiles } from './lang-files.ts';
import { languageScore, pickLexicon } from './emotion-language.ts';
import { LEXICONS } from './lexicon.ts';
import type { RequestRule } from './request-types.ts';
import { escapeRegExp } from './scope-vocab.ts';

const TempoFile = z.object({
  about: z.string(),
  /** Words that turn a tempo word round when they come just before it ("nicht zu", "pas trop", "no tan"). */
  not: z.array(z.string().min(1)).default([]),
  bands: z.record(z.string().min(1), z.tuple([z.number().int().min(30).max(240), z.number().int().min(30).max(240)]).refine(([lo, hi]) => lo <= hi, 'band must be low, high')),
});

/** word (lower case) → language code → band, and each language's negating lead-ins. Read once, at import: the files are small. */
function loadBands(): { bands: Map<string, Map<string, [number, number]>>; not: Map<string, string[]> } {
  const bands = new Map<string, Map<string, [number, number]>>();
  const not = new Map<string, string[]>();
  for (const [code, file] of langFiles('tempo.json', TempoFile)) {
    not.set(code, file.not.map((w) => w.toLowerCase()));
    for (const [word, band] of Object.entries(file.bands)) {
      const w = word.toLowerCase();
      bands.set(w, (bands.get(w) ?? new Map()).set(code, band));
    }
  }
  return { bands, not };
}

const { bands: BANDS, not: NOT } = loadBands();


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
  pattern: new RegExp(String.raw`(?<![\p{L}\p{N}])(${[...BANDS.keys()].sort((a, b) => b.length - a.length).map(escapeRegExp).join('|')})(?![\p{L}\p{N}])`, 'giu'),
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

/** The most a "not slow" floor or "not fast" ceiling moves from the band it turns round (bpm). */
const NOT_MARGIN = { slow: 8, fast: 10 };

/**
 * A tempo word turned round ("not too slow", "nicht zu schnell"): the song stays out of the word's
 * band. A slow band gives a floor just above it, a fast band a ceiling just below it; a middling
 * band ("not mid-tempo") says too little to act on (null).
 */
export function notInBand([lo, hi]: [number, number], tempo: number): number | null {
  if (hi <= 90) return Math.max(tempo, hi + NOT_MARGIN.slow);
  if (lo >= 110) return Math.min(tempo, lo - NOT_MARGIN.fast);
  return null;
}

const leadIns = [...new Set([...NOT.values()].flat())].sort((a, b) => b.length - a.length);

/** "nicht zu langsam", "pas trop rapide", "no tan lento": before TEMPO_WORD_RULE, which would read the word alone. */
export const TEMPO_WORD_NOT_RULE: RequestRule = {
  aspect: 'tempo',
  // Every match begins with a lead-in, and so holds its first word (nicht, pas, no …): English texts skip it.
  needs: [...new Set(leadIns.map((w) => w.split(/\s+/)[0]!))],
  pattern: new RegExp(String.raw`(?<![\p{L}\p{N}])(${leadIns.map((w) => escapeRegExp(w).replace(/\s+/g, String.raw`\s+`)).join('|') || '(?!)'})\s+(${[...BANDS.keys()].sort((a, b) => b.length - a.length).map(escapeRegExp).join('|')})(?![\p{L}\p{N}])`, 'giu'),
  apply: (m, p, text) => {
    const word = m[2]!.toLowerCase();
    const band = ownTempoBand(word, text, m.index + m[0].length - word.length);
    const lang = band && [...(BANDS.get(word)?.entries() ?? [])].find(([, b]) => b === band)?.[0];
    // The lead-in must be one of that language's own ("no" is Spanish, not German).
    if (!band || !lang || !NOT.get(lang)?.includes(m[1]!.toLowerCase().replace(/\s+/g, ' '))) return null;
    const bpm = notInBand(band, p.tempo);
    if (bpm === null) return null;
    const phrase = m[0].toLowerCase().replace(/\s+/g, ' ');
    return { params: edit(p, (d) => { d.tempo = bpm; }), label: `tempo ${bpm} (${phrase})` };
  },
};
