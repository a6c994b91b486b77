/**
 * The sentences the Style control sends, in the words the offline interpreter parses
 * (server/interpret/requests-style.ts): one template ("… in a bossa nova style"), "X meets Y"
 * (half and half) and "mostly X with a bit of Y" (a quarter). Those are the only blend amounts it
 * understands, so they are the only ones offered. The sentences are the page's language's
 * (lang/<code>/web.json `style.say`): sent in English from a Spanish page, the guide would detect
 * English and answer in it. Pure; no Svelte, no theory.
 */
import type { StyleTemplate } from '../../../music/styles/template.ts';

type Named = Pick<StyleTemplate, 'name' | 'words'>;

/** How much of the second style: none, a quarter, half. */
export const BLEND_STEPS = [0, 25, 50] as const;
export type BlendPercent = (typeof BLEND_STEPS)[number];

/** The nearest step the interpreter can say: nearestStep(0.3) → 25. */
export function nearestStep(amount: number): BlendPercent {
  const pct = amount * 100;
  return BLEND_STEPS.reduce((best, s) => (Math.abs(s - pct) < Math.abs(best - pct) ? s : best), BLEND_STEPS[0]);
}

/**
 * The template's name if its own words accept it, else the first plain word they do:
 * spokenName(flamenco-tinged) → "flamenco" (the interpreter hears "flamenco", not "flamenco-tinged").
 */
export function spokenName(t: Named): string {
  const accepts = (s: string) => new RegExp(`^(?:${t.words})$`, 'iu').test(s);
  if (accepts(t.name)) return t.name;
  for (const alt of t.words.split('|')) {
    const plain = alt.replace(/\\s\+?/g, ' ');
    if (/^[\p{L}' -]+$/u.test(plain) && accepts(plain)) return plain;
  }
  return t.name;
}

/** A sentence template of lang/<code>/web.json `style.say`, filled with the spoken names. */
export type SayKey = 'one' | 'oneVowel' | 'mostly' | 'meets' | 'meetsVowel';
export type Say = (key: SayKey, names: Record<string, string>) => string;

// English says "an afrobeat style": each language has a form for a first name that starts with a
// vowel (where nothing changes, it repeats the plain one), so the grammar stays in the catalogues.
const startsWithVowel = (word: string) => /^[aeiou]/i.test(word);

/**
 * The turn to send, in `say`'s language: styleSentence(en, bossa) → "Let's hear it in a bossa nova style.";
 * styleSentence(en, bossa, lofi, 50) → "Let's hear it in a bossa nova meets lo-fi hip hop style.";
 * styleSentence(es, bossa, lofi, 25) → "Vamos a escucharla sobre todo en estilo bossa nova, con un toque de lo-fi hip hop.".
 * The names stay the English genre words every language's blend phrasings accept.
 */
export function styleSentence(say: Say, a: Named, b?: Named, percent: BlendPercent = 0): string {
  const first = spokenName(a);
  const vowel = startsWithVowel(first);
  if (!b || percent === 0 || b.name === a.name) return say(vowel ? 'oneVowel' : 'one', { a: first });
  const names = { a: first, b: spokenName(b) };
  if (percent === 25) return say('mostly', names);
  return say(vowel ? 'meetsVowel' : 'meets', names);
}

/** How the page says a style's name and a blend's share (format.ts styleName, lang/<code>/web.json style.summary). */
export interface SummaryWords {
  name: (style: string) => string;
  withShare: (a: string, b: string, amount: number) => string;
}

/** A version's style in the page's words: "bossa nova with 50% lo-fi hip hop", or null when it has none. */
export function styleSummary(style: string | undefined, blend: { with: string; amount: number } | undefined, words: SummaryWords): string | null {
  if (!style) return null;
  if (!blend || blend.amount <= 0) return words.name(style);
  return words.withShare(words.name(style), words.name(blend.with), Math.round(blend.amount * 100) / 100);
}
