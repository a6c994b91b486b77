/**
 * The sentences the Style control sends, in the words the offline interpreter parses
 * (server/interpret/requests-style.ts): one template ("… in a bossa nova style"), "X meets Y"
 * (half and half) and "mostly X with a bit of Y" (a quarter). Those are the only blend amounts it
 * understands, so they are the only ones offered. Pure; no Svelte, no theory.
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

const article = (word: string) => (/^[aeiou]/i.test(word) ? 'an' : 'a');

/**
 * The turn to send: styleSentence(bossa) → "Let's hear it in a bossa nova style.";
 * styleSentence(bossa, lofi, 50) → "Let's hear it in a bossa nova meets lo-fi hip hop style.".
 */
export function styleSentence(a: Named, b?: Named, percent: BlendPercent = 0): string {
  const first = spokenName(a);
  if (!b || percent === 0 || b.name === a.name) return `Let's hear it in ${article(first)} ${first} style.`;
  const second = spokenName(b);
  if (percent === 25) return `Let's hear it in a style that's mostly ${first} with a bit of ${second}.`;
  return `Let's hear it in ${article(first)} ${first} meets ${second} style.`;
}

/** A version's style in words: "bossa nova with 50% lo-fi hip hop", or null when it has none. */
export function styleSummary(style?: string, blend?: { with: string; amount: number }): string | null {
  if (!style) return null;
  if (!blend || blend.amount <= 0) return style;
  return `${style} with ${Math.round(blend.amount * 100)}% ${blend.with}`;
}
