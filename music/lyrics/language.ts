/**
 * Per-language syllable data (lang/<code>/syllables.json) and a light language guess for lyric
 * sheets that do not say their language.
 */
import { z } from 'zod';
import en from '../../lang/en/syllables.json' with { type: 'json' };
import de from '../../lang/de/syllables.json' with { type: 'json' };
import fr from '../../lang/fr/syllables.json' with { type: 'json' };
import es from '../../lang/es/syllables.json' with { type: 'json' };

const SyllableData = z.object({
  vowels: z.string().min(1),
  /** Letter groups sung as one vowel (diphthongs, long vowels), longest first when matching. */
  vowelGroups: z.array(z.string().min(2)),
  /** Consonant letter groups never split between syllables. */
  keepTogether: z.array(z.string().min(2)),
  /** Word endings whose vowel is not sung (English "-e", French mute "-e", "-ent"). */
  silentFinal: z.array(z.string()),
  /** One-syllable words sung unstressed (articles, pronouns, prepositions …). */
  unstressedWords: z.array(z.string()),
  unstressedPrefixes: z.array(z.string()),
  finalStressSuffixes: z.array(z.string()),
  stressBeforeSuffixes: z.array(z.string()),
  /** Frequent words that identify the language in a lyric sheet. */
  detect: z.array(z.string()),
});
export type SyllableData = z.infer<typeof SyllableData> & { unstressed: Set<string>; detectSet: Set<string> };

/** Languages with syllable data; others are sung with English's vowel rules. */
export const LYRIC_LANGUAGES = ['en', 'de', 'fr', 'es'] as const;
export type LyricLanguage = (typeof LYRIC_LANGUAGES)[number];

const load = (raw: unknown, code: string): SyllableData => {
  const parsed = SyllableData.safeParse(raw);
  if (!parsed.success) throw new Error(`lang/${code}/syllables.json: ${parsed.error.issues[0]?.message}`);
  const d = parsed.data;
  return { ...d, vowelGroups: [...d.vowelGroups].sort((a, b) => b.length - a.length), unstressed: new Set(d.unstressedWords), detectSet: new Set(d.detect) };
};

const DATA: Record<LyricLanguage, SyllableData> = { en: load(en, 'en'), de: load(de, 'de'), fr: load(fr, 'fr'), es: load(es, 'es') };

/** The language's syllable data: languageData('xx') falls back to English. */
export function languageData(lang: string): SyllableData {
  return DATA[(LYRIC_LANGUAGES as readonly string[]).includes(lang) ? (lang as LyricLanguage) : 'en'];
}

/** Words of a text, lower-cased, apostrophes split off ("l'amour" → "l", "amour"). */
export function wordsOf(text: string): string[] {
  return text.toLowerCase().split(/[^\p{L}]+/u).filter(Boolean);
}

/** The lyric language that best explains the text's frequent words (English when nothing matches). */
export function detectLanguage(text: string): LyricLanguage {
  const words = wordsOf(text);
  let best: LyricLanguage = 'en';
  let bestScore = 0;
  for (const lang of LYRIC_LANGUAGES) {
    const detect = DATA[lang].detectSet;
    let score = words.filter((w) => detect.has(w)).length;
    // Letters only one of the languages writes are strong evidence.
    if (lang === 'de') score += 2 * (text.match(/[äöüß]/giu)?.length ?? 0);
    if (lang === 'es') score += 2 * (text.match(/[ñ¿¡]|ción/giu)?.length ?? 0);
    if (lang === 'fr') score += 2 * (text.match(/[èêàçœ]|\b[ljdmnst]'/giu)?.length ?? 0);
    if (score > bestScore) [best, bestScore] = [lang, score];
  }
  return best;
}
