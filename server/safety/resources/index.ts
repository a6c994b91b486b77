/**
 * Which crisis resources to show: the locale from the browser's Accept-Language (or a configured
 * default), and the resources rendered as plain lines for the crisis reply.
 */
import { LOCALES, RESOURCES, type Locale, type LocaleResources } from './data.ts';

export { LOCALES, RESOURCES, LocaleResources, Helpline, type Locale } from './data.ts';

const isLocale = (tag: string): tag is Locale => (LOCALES as readonly string[]).includes(tag);

/** Canonical case for a tag: "en-gb" → "en-GB". */
const canonical = (tag: string) => {
  const [lang = '', region] = tag.trim().split(/[-_]/);
  return region ? `${lang.toLowerCase()}-${region.toUpperCase()}` : lang.toLowerCase();
};

/**
 * The first locale we have resources for, in the header's preference order:
 * resolveLocale('de,en;q=0.5') → 'de-DE'. A bare language matches only when one country of ours
 * speaks it (so "en" alone stays unknown: UK and US numbers differ). Unknown → `fallback` or null.
 */
export function resolveLocale(acceptLanguage: string | null | undefined, fallback: string | null = null): Locale | null {
  const tags = (acceptLanguage ?? '')
    .split(',')
    .map((part, i) => {
      const [tag = '', ...params] = part.split(';');
      const q = Number(/q=([\d.]+)/.exec(params.join(';'))?.[1] ?? 1);
      return { tag: canonical(tag), q: Number.isFinite(q) ? q : 0, i };
    })
    .filter((t) => t.tag && t.q > 0)
    .sort((a, b) => b.q - a.q || a.i - b.i);
  for (const { tag } of tags) {
    if (isLocale(tag)) return tag;
    const same = LOCALES.filter((l) => l.startsWith(`${tag}-`));
    if (!tag.includes('-') && same.length === 1) return same[0]!;
  }
  const fb = fallback ? canonical(fallback) : '';
  return isLocale(fb) ? fb : null;
}

/** The resources for a locale (null → the international default list). */
export function resourcesFor(locale: Locale | null): LocaleResources {
  return locale ? RESOURCES[locale] : RESOURCES.default;
}

/** Render resources as the reply's help paragraph: "If you are in danger now, call 999. In the UK …". */
export function renderResources(r: LocaleResources): string {
  const known = r !== RESOURCES.default;
  const lines = r.helplines.map((h) => `- ${h.name}: ${h.contact} (${h.hours})`);
  const intro = `If you are in danger now, call ${r.emergency}. ${known ? `In ${r.where} you` : 'You'} can also reach, free and in confidence:`;
  const tail = known ? ['Elsewhere, findahelpline.com lists free, confidential lines in every country.'] : [];
  return [intro, ...lines, ...tail].join('\n');
}
