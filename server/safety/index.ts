/**
 * The safety floor: a deterministic crisis detector. It runs on every message before any guide or
 * LLM, so a musician who says they want to die gets care and resources whatever else is configured.
 * Layers: the text is folded (tokens.ts), every language pack (lang/<code>/crisis.json) reads it
 * with its own lemmas, negators, idiom guards and third-person words (detect.ts), and the signals,
 * structured on the C-SSRS categories plus danger from others, carry a severity that picks the reply.
 */
import { detectLanguage } from '../i18n/language.ts';
import { compilePack, type CompiledPack } from './compile.ts';
import { allSignals, highest, type Signal } from './detect.ts';
import { LANGUAGES, readPack, type Category, type Severity } from './pack.ts';
import { fold, sentences } from './tokens.ts';

export { CATEGORIES, SEVERITIES, type Category, type Severity } from './pack.ts';
export type { Signal } from './detect.ts';

export interface CrisisCheck {
  /** True when any signal was raised — a check-in too (see docs/SAFETY.md for why). */
  crisis: boolean;
  /** The highest severity raised, or null. */
  severity: Severity | null;
  /** The categories raised at that severity or above, deduplicated: ["plan", "wish-to-be-dead"]. */
  signals: Category[];
  /** The language of the words that raised the strongest signal (for the reply), or null. */
  language: string | null;
}

let packs: CompiledPack[] | null = null;
/** The shipped packs, compiled once on first use. */
export function loadPacks(): CompiledPack[] {
  packs ??= LANGUAGES.map((code) => compilePack(readPack(code)));
  return packs;
}

/**
 * Of these packs, the one whose function words ("yo", "de", "que" …) the text uses most; when that
 * too is even (short lines share "que", "de"), the language detector the guide uses decides.
 */
function mostFunctionWords(codes: string[], text: string): string {
  const words = sentences(text).flatMap((s) => s.tokens);
  const counts = codes.map((code) => {
    const pack = loadPacks().find((p) => p.pack.language === code);
    return pack ? words.filter((w) => pack.stopwords.has(w)).length : 0;
  });
  const most = Math.max(...counts);
  const leaders = codes.filter((_, i) => counts[i] === most);
  if (leaders.length === 1) return leaders[0]!;
  const written = detectLanguage(text);
  return leaders.includes(written) ? written : leaders[0]!;
}

/** Summarise signals into a check: the top severity decides, its language answers. */
export function summarise(signals: readonly Signal[], text?: string): CrisisCheck {
  const severity = highest(signals);
  if (!severity) return { crisis: false, severity: null, signals: [], language: null };
  // A check-in counts only when nothing stronger was said.
  const kept = severity === 'check-in' ? signals : signals.filter((s) => s.severity !== 'check-in');
  // The language that said the most at the top severity answers (one pack may stray into another's words).
  const counts = new Map<string, number>();
  for (const s of kept) if (s.severity === severity) counts.set(s.language, (counts.get(s.language) ?? 0) + 1);
  const ranked = [...counts].sort((a, b) => b[1] - a[1]);
  // A tie ("pensamientos suicidas" read by the English pack too, through its typo folding) goes
  // to the language the words are written in, so the reply is in it.
  const tied = ranked.filter(([, n]) => n === ranked[0]![1]).map(([code]) => code);
  const language = tied.length > 1 && text ? mostFunctionWords(tied, text) : ranked[0]![0];
  return { crisis: true, severity, signals: [...new Set(kept.map((s) => s.category))], language };
}

/** All the signals in a text, with the patterns that raised them (for tests and the eval). */
export function crisisSignals(text: string): Signal[] {
  return allSignals(loadPacks(), text);
}

/** Detect crisis language: detectCrisis("I want to die") → { crisis: true, severity: 'concern', signals: ['wish-to-be-dead'], language: 'en' }. */
export function detectCrisis(text: string): CrisisCheck {
  return summarise(crisisSignals(text).filter((s) => !s.context), text);
}

/** The folding every pack starts from: lower case, no accents, straight apostrophes. */
export const normalise = (text: string) => fold(text).replace(/\s+/gu, ' ').trim();
