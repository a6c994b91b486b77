/**
 * Style requests: "like a bossa nova", "lo-fi", and blends of two world-palette templates —
 * "bossa nova meets lo-fi" (half and half), "mostly bossa with a bit of lo-fi" (a quarter).
 * These run before the key/tempo/meter rules, so "a bossa nova at 100 bpm" keeps its 100.
 * Innerchord's own tables, MIT.
 */
import { TEMPLATES, applyStyle, findTemplate } from '../../music/styles/index.ts';
import type { SongParameters } from '../../music/params.ts';
import { edit } from './edit.ts';
import type { RequestRule } from './request-types.ts';
import { STYLES } from './styles.ts';

/** Any template's words, as one alternation (templates' own groups are non-capturing). */
const ANY = TEMPLATES.map((t) => `(?:${t.words})`).join('|');
const NOT_POSSESSIVE = String.raw`(?<!\b(?:my|your|his|her|our|their|the|this|that)\s)`;

/** Blend phrasings, each with the share of the second style. */
const BLENDS: readonly { pattern: string; amount: number }[] = [
  { pattern: String.raw`mostly\s+(?<a>${ANY})\s+(?:with|and|plus)\s+(?:just\s+)?(?:a\s+(?:little\s+)?(?:bit|touch|hint|dash|splash|pinch)\s+of|a\s+little|some)\s+(?<b>${ANY})`, amount: 0.25 },
  { pattern: String.raw`(?<a>${ANY})\s+with\s+(?:just\s+)?a\s+(?:little\s+)?(?:bit|touch|hint|dash|splash|pinch)\s+of\s+(?<b>${ANY})`, amount: 0.25 },
  { pattern: String.raw`(?<a>${ANY})\s+meets\s+(?<b>${ANY})`, amount: 0.5 },
  { pattern: String.raw`(?:blend|mix|cross|fusion|mash-?up)\s+of\s+(?<a>${ANY})\s+(?:and|with)\s+(?<b>${ANY})`, amount: 0.5 },
  { pattern: String.raw`(?<a>${ANY})\s*(?:[-–/×x+]|\s+and\s+)\s*(?<b>${ANY})\s+(?:blend|mix|fusion|hybrid|crossover)`, amount: 0.5 },
];

/** "bossa nova meets lo-fi" → a blend rule. */
function blendRule(pattern: string, amount: number): RequestRule {
  return {
    aspect: 'style',
    pattern: new RegExp(`\\b${NOT_POSSESSIVE}${pattern}\\b`, 'giu'),
    apply: (m, p) => {
      const a = findTemplate(m.groups?.a ?? '');
      const b = findTemplate(m.groups?.b ?? '');
      if (!a || !b || a.name === b.name) return null;
      const params: SongParameters = applyStyle(p, a.name, { with: b.name, amount });
      return { params, label: `style ${a.name} + ${Math.round(amount * 100)}% ${b.name}` };
    },
  };
}

export const STYLE_RULES: readonly RequestRule[] = [
  ...BLENDS.map((b) => blendRule(b.pattern, b.amount)),
  ...STYLES.map((style): RequestRule => ({
    aspect: 'style',
    // "my rock", "the blues I've got", "this country": a possessive or article before it is not a style request.
    pattern: new RegExp(`\\b${NOT_POSSESSIVE}(?:${style.words})\\b`, 'giu'),
    apply: (_m, p) => ({ params: edit(p, (d) => { d.style = style.name; delete d.styleBlend; style.patch(d); }), label: `style ${style.name}` }),
  })),
];
