/**
 * Which crisis resources to show: the locale from the browser's Accept-Language (or a configured
 * default), looked up in a directory of resources (the built-in data, plus whatever an operator
 * added in INNERCHORD_CRISIS_RESOURCES), and rendered as plain lines for the crisis reply.
 */
import { z } from 'zod';
import { LocaleResources, RESOURCES } from './data.ts';

export { LOCALES, RESOURCES, LocaleResources, Helpline, type Locale } from './data.ts';

/** Resources by locale tag ("en-GB" …), always with a `default` entry for unknown locales. */
export type ResourceDirectory = Readonly<Record<string, LocaleResources>> & { readonly default: LocaleResources };

/** The resources chosen for one musician, as the crisis turn carries them to the page. */
export const CrisisResources = LocaleResources.extend({
  /** The locale they were chosen for; null when none was known and `default` was used. */
  locale: z.string().nullable(),
});
export type CrisisResources = z.infer<typeof CrisisResources>;

/** Canonical case for a tag: "en-gb" → "en-GB". */
const canonical = (tag: string) => {
  const [lang = '', region] = tag.trim().split(/[-_]/);
  return region ? `${lang.toLowerCase()}-${region.toUpperCase()}` : lang.toLowerCase();
};

const localesOf = (directory: ResourceDirectory) => Object.keys(directory).filter((k) => k !== 'default');

/**
 * The first locale the directory has resources for, in the header's preference order:
 * resolveLocale('de,en;q=0.5') → 'de-DE'. A bare language matches only when one country of ours
 * speaks it (so "en" alone stays unknown: UK and US numbers differ). Unknown → `fallback` or null.
 */
export function resolveLocale(acceptLanguage: string | null | undefined, fallback: string | null = null, directory: ResourceDirectory = RESOURCES): string | null {
  const locales = localesOf(directory);
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
    if (locales.includes(tag)) return tag;
    const same = locales.filter((l) => l.startsWith(`${tag}-`));
    if (!tag.includes('-') && same.length === 1) return same[0]!;
  }
  const fb = fallback ? canonical(fallback) : '';
  return locales.includes(fb) ? fb : null;
}

/** The resources for a locale (null or unknown → the directory's default list). */
export function resourcesFor(locale: string | null, directory: ResourceDirectory = RESOURCES): CrisisResources {
  const known = locale !== null && locale !== 'default' && Object.hasOwn(directory, locale);
  return { locale: known ? locale : null, ...(known ? directory[locale]! : directory.default) };
}

/** Render resources as the reply's help paragraph: "If you are in danger now, call 999. In the UK …". */
export function renderResources(r: CrisisResources): string {
  const known = r.locale !== null;
  const lines = r.helplines.map((h) => `- ${h.name}: ${h.contact} (${h.hours})`);
  const intro = `If you are in danger now, call ${r.emergency}. ${known ? `In ${r.where} you` : 'You'} can also reach, free and in confidence:`;
  const tail = known ? ['Elsewhere, findahelpline.com lists free, confidential lines in every country.'] : [];
  return [intro, ...lines, ...tail].join('\n');
}
