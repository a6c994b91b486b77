import { describe, expect, it } from 'vitest';
import { crisisReply } from '../../guide/crisis.ts';
import { LocaleResources, LOCALES, RESOURCES, renderResources, resolveLocale, resourcesFor } from './index.ts';

describe('crisis resources', () => {
  it('has a valid entry, with an emergency number and a helpline, for every locale and the default', () => {
    for (const key of [...LOCALES, 'default'] as const) expect(() => LocaleResources.parse(RESOURCES[key]), key).not.toThrow();
    expect(Object.keys(RESOURCES).sort()).toEqual([...LOCALES, 'default'].sort());
  });

  it.each([
    ['en-GB,en;q=0.9', 'en-GB'],
    ['en-us', 'en-US'],
    ['fr-CA,fr;q=0.8,de-DE;q=0.5', 'fr-FR'],
    ['es-MX,de;q=0.4', 'de-DE'],
    ['en', null],
    ['', null],
    ['xx-YY, *;q=0.1', null],
    ['en-IE;q=0.2, en-AU;q=0.9', 'en-AU'],
  ])('resolves %j to %s', (header, locale) => {
    expect(resolveLocale(header)).toBe(locale);
  });

  it('falls back to the configured locale, then to none', () => {
    expect(resolveLocale('en', 'en-ie')).toBe('en-IE');
    expect(resolveLocale(null, 'zz-ZZ')).toBeNull();
  });

  it.each(LOCALES.map((l) => [l]))('renders the %s emergency number and every helpline into the crisis reply', (locale) => {
    const r = resourcesFor(locale);
    expect(r.locale).toBe(locale);
    const reply = crisisReply(r);
    expect(reply).toContain(`call ${r.emergency}`);
    for (const h of r.helplines) expect(reply).toContain(h.contact);
    expect(reply).toMatch(/not a counsellor/);
    expect(reply).not.toMatch(/therapist/i);
    expect(reply).not.toMatch(/\{\{/);
  });

  it('lists the international lines when the locale is unknown', () => {
    const reply = crisisReply(resourcesFor(null));
    for (const needle of ['116 123', '988', 'findahelpline.com', 'your local emergency number']) expect(reply).toContain(needle);
    expect(renderResources(resourcesFor('xx-YY'))).not.toContain('Elsewhere');
    expect(resourcesFor('default').locale).toBeNull();
  });
});
