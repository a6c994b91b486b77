/**
 * Style requests: "like a bossa nova", "lo-fi", and blends of two world-palette templates —
 * "bossa nova meets lo-fi" (half and half), "mostly bossa with a bit of lo-fi" (a quarter),
 * "70% bossa nova and 30% lo-fi" (the shares as given); the same in German, French and Spanish
 * around the genre words ("halb bossa nova, halb lo-fi", "surtout bossa nova, avec une touche
 * lo-fi", "mitad bossa nova, mitad lo-fi"), as the Style control sends them (lang/<code>/web.json).
 * These run before the key/tempo/meter rules, so "a bossa nova at 100 bpm" keeps its 100.
 * Innerchord's own tables, MIT.
 */
import { TEMPLATES, applyStyle, findTemplate } from '../../music/styles/index.ts';
import type { SongParameters } from '../../music/params.ts';
import { edit } from './edit.ts';
import type { RequestRule } from './request-types.ts';
import { STYLES, modeWasAsked } from './styles.ts';

/** Any template's words, as one alternation (templates' own groups are non-capturing). */
const ANY = TEMPLATES.map((t) => `(?:${t.words})`).join('|');
const NOT_POSSESSIVE = String.raw`(?<!\b(?:my|your|his|her|our|their|the|this|that)\s)`;

const PCT = String.raw`\s*(?:%|\s+percent|\s+per\s+cent)`;

/** "70% bossa and 30% lo-fi" → 0.3 of lo-fi: the second style's share of the two numbers. */
function percentShare(g: Record<string, string | undefined>): number | null {
  const pa = Number(g.pa);
  const pb = Number(g.pb);
  if (!(pa > 0 && pb > 0)) return null;
  return Math.round((pb / (pa + pb)) * 100) / 100;
}

/**
 * Blend phrasings, each with the share of the second style (a number, or read from the words) and
 * the words every match of it holds outside the two styles (the rule's `needs`: each pattern holds
 * every template's words twice, ~1,700 characters that V8 would compile for any text at all).
 */
const BLENDS: readonly { pattern: string; amount: number | ((g: Record<string, string | undefined>) => number | null); needs: readonly string[] }[] = [
  { pattern: String.raw`(?<pa>\d{1,3})${PCT}\s+(?<a>${ANY})\s*(?:,|\+|/|and|with|plus)?\s*(?:and\s+|with\s+)?(?<pb>\d{1,3})${PCT}\s+(?<b>${ANY})`, amount: percentShare, needs: ['%', 'percent', 'cent'] },
  { pattern: String.raw`half\s+(?<a>${ANY})\s*(?:,|and|\+|/)?\s*(?:and\s+)?half\s+(?<b>${ANY})`, amount: 0.5, needs: ['half'] },
  { pattern: String.raw`mostly\s+(?<a>${ANY})\s*(?:,\s*|\s+(?:with|and|plus)\s+)(?:just\s+)?(?:a\s+(?:little\s+)?(?:bit|touch|hint|dash|splash|pinch)\s+of|a\s+little|some)\s+(?<b>${ANY})`, amount: 0.25, needs: ['mostly'] },
  { pattern: String.raw`(?<a>${ANY})\s+with\s+(?:just\s+)?a\s+(?:little\s+)?(?:bit|touch|hint|dash|splash|pinch)\s+of\s+(?<b>${ANY})`, amount: 0.25, needs: ['with'] },
  { pattern: String.raw`(?<a>${ANY})\s+meets\s+(?<b>${ANY})`, amount: 0.5, needs: ['meets'] },
  // German, French, Spanish: half and half, "X meets Y", "in equal parts", mostly X with a bit of Y.
  // No alternative may begin with a non-ASCII letter: the rule's \b does not see one ("überwiegend").
  { pattern: String.raw`halb\s+(?:als\s+)?(?<a>${ANY})\s*(?:,|und|\/)?\s*(?:und\s+)?halb\s+(?:als\s+)?(?<b>${ANY})`, amount: 0.5, needs: ['halb'] },
  { pattern: String.raw`(?<a>${ANY})\s+trifft\s+(?:auf\s+)?(?<b>${ANY})`, amount: 0.5, needs: ['trifft'] },
  { pattern: String.raw`(?:vor\s+allem|hauptsächlich|größtenteils|vorwiegend|meistens)\s+(?:als\s+)?(?<a>${ANY})\s*(?:,\s*|\s+)(?:mit|und|plus)\s+(?:nur\s+)?(?:ein(?:em)?\s+(?:klein(?:e[ns]?)?\s+)?(?:bisschen|bissel|wenig|hauch|schuss|tick|prise|spritzer|touch)|etwas)\s+(?:von\s+)?(?<b>${ANY})`, amount: 0.25, needs: ['allem', 'hauptsächlich', 'größtenteils', 'vorwiegend', 'meistens'] },
  { pattern: String.raw`mi-\s*(?<a>${ANY})\s*(?:,|et)?\s*(?:et\s+)?mi-\s*(?<b>${ANY})`, amount: 0.5, needs: ['mi-'] },
  { pattern: String.raw`moitié\s+(?<a>${ANY})\s*(?:,|et)?\s*(?:et\s+)?moitié\s+(?<b>${ANY})`, amount: 0.5, needs: ['moitié'] },
  { pattern: String.raw`(?<a>${ANY})\s+rencontre\s+(?:le\s+|la\s+|l')?(?<b>${ANY})`, amount: 0.5, needs: ['rencontre'] },
  { pattern: String.raw`(?:surtout|principalement|essentiellement|majoritairement|avant\s+tout)\s+(?:(?:en|du|de\s+la)\s+)?(?<a>${ANY})\s*(?:,\s*|\s+)(?:avec|et)\s+(?:juste\s+)?(?:un\s+(?:petit\s+)?(?:peu|soupçon|zeste|brin)|une\s+(?:petite\s+)?(?:touche|pointe|pincée|note))\s*(?:de\s+|d'|du\s+)?(?<b>${ANY})`, amount: 0.25, needs: ['surtout', 'principalement', 'essentiellement', 'majoritairement', 'tout'] },
  { pattern: String.raw`mitad\s+(?:(?:de\s+)?(?<a>${ANY}))\s*(?:,|y)?\s*(?:y\s+)?mitad\s+(?:de\s+)?(?<b>${ANY})`, amount: 0.5, needs: ['mitad'] },
  { pattern: String.raw`(?:sobre\s+todo|principalmente|mayormente|básicamente)\s+(?:(?:en\s+(?:estilo\s+)?|a\s+|de\s+))?(?<a>${ANY})\s*(?:,\s*|\s+)(?:con|y)\s+(?:solo\s+)?(?:un\s+(?:poco|poquito|toque|pelín|punto)|una\s+(?:pizca|chispa|gota))\s+(?:de\s+)?(?<b>${ANY})`, amount: 0.25, needs: ['todo', 'principalmente', 'mayormente', 'básicamente'] },
  { pattern: String.raw`(?<a>${ANY})\s+(?:und|et|y|con)\s+(?<b>${ANY})\s+(?:zu\s+gleichen\s+teilen|à\s+parts\s+égales|a\s+partes\s+iguales)`, amount: 0.5, needs: ['gleichen', 'parts', 'partes'] },
  { pattern: String.raw`(?:blend|mix|cross|fusion|mash-?up)\s+of\s+(?<a>${ANY})\s+(?:and|with)\s+(?<b>${ANY})`, amount: 0.5, needs: ['blend', 'mix', 'cross', 'fusion', 'mash'] },
  { pattern: String.raw`(?<a>${ANY})\s*(?:[-–/×x+]|\s+and\s+)\s*(?<b>${ANY})\s+(?:blend|mix|fusion|hybrid|crossover)`, amount: 0.5, needs: ['blend', 'mix', 'fusion', 'hybrid', 'crossover'] },
];

/** "bossa nova meets lo-fi" → a blend rule. */
function blendRule(pattern: string, share: number | ((g: Record<string, string | undefined>) => number | null), needs: readonly string[]): RequestRule {
  return {
    aspect: 'style',
    needs,
    pattern: new RegExp(`\\b${NOT_POSSESSIVE}${pattern}\\b`, 'giu'),
    apply: (m, p) => {
      const a = findTemplate(m.groups?.a ?? '');
      const b = findTemplate(m.groups?.b ?? '');
      const amount = typeof share === 'number' ? share : share(m.groups ?? {});
      if (!a || !b || a.name === b.name || amount === null) return null;
      const params: SongParameters = applyStyle(p, a.name, { with: b.name, amount }, { keepMode: modeWasAsked(p) });
      return { params, label: `style ${a.name} + ${Math.round(amount * 100)}% ${b.name}` };
    },
  };
}

export const STYLE_RULES: readonly RequestRule[] = [
  ...BLENDS.map((b) => blendRule(b.pattern, b.amount, b.needs)),
  ...STYLES.map((style): RequestRule => ({
    aspect: 'style',
    // "my rock", "the blues I've got", "this country": a possessive or article before it is not a style request.
    pattern: new RegExp(`\\b${NOT_POSSESSIVE}(?:${style.words})\\b`, 'giu'),
    apply: (_m, p) => ({ params: edit(p, (d) => { d.style = style.name; delete d.styleBlend; style.patch(d); }), label: `style ${style.name}` }),
  })),
];
