/**
 * Which language a message is in: detectLanguage("ja, genau") → 'de'.
 *
 * The n-gram detector is `eld` (Apache-2.0, the 1.6 MB "small" table; of tinyld, eld and
 * franc-min it read our short chat messages best: 76 of 80 in en/de/fr/es against 70 and 60).
 * Short messages are where any detector guesses ("triste" is French and Spanish, "ok" is
 * everyone's), so for those it is combined with two priors: the conversation's earlier language
 * (what they actually write in) and the page's language (Accept-Language or the web app's switch),
 * plus each language's short chat words from lang/<code>/language.json. Pure apart from reading
 * the language data once.
 */
import { eld } from 'eld/small';
import { DEFAULT_LANGUAGE, isLanguage, languageInfo, LANGUAGES, type Language } from './languages.ts';

export { DEFAULT_LANGUAGE, isLanguage, LANGUAGES, LanguageCode, preferredLanguage, type Language } from './languages.ts';

/** What else is known when a message is read: the conversation's language so far, and the page's. */
export interface LanguagePrior {
  previous?: Language | null;
  page?: Language | null;
}

/** The detector's reading, with why it chose (for evaluations and logs). */
export interface LanguageReading {
  language: Language;
  /** 'detector' for a confident reading of a longer message, 'short' when the priors and cue words joined in, 'prior' when nothing in the text decided. */
  by: 'detector' | 'short' | 'prior';
  scores: Record<string, number>;
}

// The detector only ever chooses among our languages (it also makes it faster and steadier).
eld.setLanguageSubset([...LANGUAGES]);

/** How far the prior may trail the best guess on a short message and still be kept. */
const KEEP_PRIOR = 0.85;
/** Below this, nothing in a short message is evidence enough to leave the prior ("piano", "super"). */
const WEAK = 0.7;
/** How much the short-word lists add (each language's share of the message's words, scaled). */
const CUE_WEIGHT = 0.2;
/** Up to this many words a message counts as short, whatever the detector's confidence. */
const SHORT_WORDS = 3;

const tokens = (text: string) => text.normalize('NFC').toLowerCase().match(/[\p{L}'’-]+/gu) ?? [];

let cueSets: Map<Language, Set<string>> | null = null;
function cues(): Map<Language, Set<string>> {
  cueSets ??= new Map(LANGUAGES.map((code) => [code, new Set(languageInfo(code).words.map((w) => w.normalize('NFC').toLowerCase()))]));
  return cueSets;
}

/** Each language's share of the message's words found in its short-word list. */
function cueShares(words: string[]): Record<string, number> {
  const shares: Record<string, number> = {};
  for (const [code, set] of cues()) shares[code] = words.length ? words.filter((w) => set.has(w)).length / words.length : 0;
  return shares;
}

/** The full reading: detectLanguageDetail("triste", { previous: 'es' }) → { language: 'es', by: 'short', … }. */
export function detectLanguageDetail(text: string, prior: LanguagePrior = {}): LanguageReading {
  const known = [prior.previous, prior.page].find(isLanguage) ?? null;
  const fallback = known ?? DEFAULT_LANGUAGE;
  const words = tokens(text);
  if (words.length === 0) return { language: fallback, by: 'prior', scores: {} };

  const result = eld.detect(text);
  const scores: Record<string, number> = {};
  for (const [code, score] of Object.entries(result.getScores())) if (isLanguage(code)) scores[code] = score;
  if (words.length > SHORT_WORDS && result.isReliable() && isLanguage(result.language)) return { language: result.language, by: 'detector', scores };

  const shares = cueShares(words);
  // A word or two in a conversation under way ("leer", "ok") stays in its language unless they are
  // plainly another one's chat words ("gracias", "ja, genau").
  if (isLanguage(prior.previous) && words.length <= 2) {
    const other = LANGUAGES.filter((c) => c !== prior.previous).sort((a, b) => shares[b]! - shares[a]!)[0]!;
    if (!(shares[other]! > shares[prior.previous]!)) return { language: prior.previous, by: 'prior', scores };
  }
  const combined: Record<string, number> = {};
  for (const code of LANGUAGES) combined[code] = (scores[code] ?? 0) + CUE_WEIGHT * (shares[code] ?? 0);
  const best = [...LANGUAGES].sort((a, b) => combined[b]! - combined[a]!)[0]!;
  const top = combined[best]!;
  if (top === 0) return { language: fallback, by: 'prior', scores };
  if (known && (top < WEAK || combined[known]! >= KEEP_PRIOR * top)) return { language: known, by: 'prior', scores };
  return { language: best, by: 'short', scores };
}

/**
 * The language of one message, among the supported ones:
 * detectLanguage("ich weiß nicht") → 'de'; detectLanguage("triste", { previous: 'es' }) → 'es';
 * detectLanguage("ok", { page: 'fr' }) → 'fr'; detectLanguage("") → 'en'.
 */
export function detectLanguage(text: string, prior: LanguagePrior = {}): Language {
  return detectLanguageDetail(text, prior).language;
}
