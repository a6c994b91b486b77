/**
 * A language pack for the crisis floor: lang/<code>/crisis.json, validated here. Adding a language
 * means adding that file (and its code to LANGUAGES), not code. A pack holds
 * - how its words fold: contractions and elisions split, irregular forms and common misspellings
 *   mapped to one form ("took" → "take", "sucide" → "suicide");
 * - its negators and the words that end a negation's reach ("but", "why" …);
 * - the signals, grouped by C-SSRS-style category with a severity, as phrase patterns;
 * - its idiom guards ("dying to", "ich sterbe vor lachen") and third-person words, so songwriting
 *   talk and stories about other people do not cry wolf;
 * - the reply, in that language.
 * Pattern syntax (on folded, lemmatised tokens): words separated by spaces; `a|b` alternatives;
 * `kill*` a prefix; `[a|b]` optional; `~3` up to three other words before the next slot; `^`/`$`
 * the start/end of a sentence; `@name` one of the pack's classes; `near 8: A + B` every part
 * within eight words of the others, in any order.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

export const CATEGORIES = [
  'wish-to-be-dead', 'ideation', 'method', 'intent', 'plan', 'preparatory', 'attempt', 'attempt-now',
  'self-harm', 'hopelessness', 'domestic-violence', 'abuse',
] as const;
export const Category = z.enum(CATEGORIES);
export type Category = z.infer<typeof Category>;

/**
 * How urgent: `immediate` — in danger now (an overdose taken, an attempt under way, a threat for
 * tonight) → emergency number first; `high` — intent, plan, means, preparations, a past attempt,
 * violence; `concern` — wishes, thoughts, self-harm, hopelessness → warm lines and an invitation to
 * talk; `check-in` — the words were negated ("I'm not going to kill myself") → a gentle check-in.
 */
export const SEVERITIES = ['check-in', 'concern', 'high', 'immediate'] as const;
export const Severity = z.enum(SEVERITIES);
export type Severity = z.infer<typeof Severity>;

const Words = z.array(z.string().min(1));
const Pattern = z.string().min(1).max(400);

export const SignalGroup = z.object({
  category: Category,
  severity: Severity,
  /**
   * Words that are no alarm alone ("I've made up my mind", "it'll all be over soon") but are after
   * earlier distress in the same song: they count only when an earlier message raised a signal.
   */
  context: z.boolean().default(false),
  patterns: z.array(Pattern).min(1),
});

export const CrisisReply = z.object({
  /** In danger now: {{emergency}} first, then {{lines}}. */
  immediate: z.string().min(1),
  /** Thoughts, wishes, self-harm: warm, {{lines}}, an invitation to talk to someone, {{emergency}} last. */
  concern: z.string().min(1),
  /** Danger from another person: {{emergency}}, {{lines}}. */
  others: z.string().min(1),
  /** Negated words: a gentle check-in, {{lines}}. */
  checkIn: z.string().min(1),
  /** How one help line reads: "{{name}}: {{contact}} ({{hours}})". */
  line: z.string().min(1),
  /** Said when no emergency number is known for the locale. */
  localEmergency: z.string().min(1),
});

export const LanguagePack = z.object({
  language: z.string().regex(/^[a-z]{2,3}$/),
  /** Whole-token rewrites after folding: "wanna" → "want to", "im" → "i am". */
  expand: z.record(z.string(), z.string()).default({}),
  /** Apostrophe endings split off a token: "n't" → "not" ("can't" → "can not" with lemmas ca → can). */
  suffixes: z.record(z.string(), z.string()).default({}),
  /** Elisions split off the front: "j'" → "je". */
  prefixes: z.record(z.string(), z.string()).default({}),
  /** Irregular forms and frequent misspellings, token → token: "took" → "take". */
  lemmas: z.record(z.string(), z.string()).default({}),
  negators: Words,
  /** Words that end a negation's reach backwards: "I don't know why I want to die". */
  scopeBreaks: Words.default([]),
  /** Third-person words: a signal without a first-person word, right after one of these, is someone else's story. */
  others: Words.default([]),
  /** First-person words, which keep a signal about oneself even after a third-person word. */
  self: Words.default([]),
  /**
   * Frequent function words: when another language's words plainly dominate a sentence, this pack's
   * matches there are collisions ("suicide prevention" read by the French pack), not this language.
   */
  stopwords: Words.default([]),
  /** Categories whose negated form still earns a gentle check-in. */
  checkIn: z.array(Category).default([]),
  classes: z.record(z.string(), z.string()).default({}),
  signals: z.array(SignalGroup).min(1),
  guards: z.array(Pattern).default([]),
  reply: CrisisReply,
});
export type LanguagePack = z.infer<typeof LanguagePack>;

/** The packs shipped, in the order they are run. */
export const LANGUAGES: readonly string[] = (process.env.INNERCHORD_CRISIS_LANGS ?? 'en,de,fr,es').split(',');

const LANG_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'lang');

/** Read and validate one pack from lang/<code>/crisis.json; throws with the file named when invalid. */
export function readPack(code: string, dir = LANG_DIR): LanguagePack {
  const file = path.join(dir, code, 'crisis.json');
  const parsed = LanguagePack.safeParse(JSON.parse(readFileSync(file, 'utf8')));
  if (!parsed.success) throw new Error(`${file}: ${parsed.error.message}`);
  return parsed.data;
}
