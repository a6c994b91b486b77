import { describe, expect, it } from 'vitest';
import { acceptLanguage, pickLocale } from './negotiate.ts';

const HAVE = ['en', 'de', 'fr', 'es'];

describe('pickLocale', () => {
  it('follows the first browser language we have, by its base language', () => {
    expect(pickLocale(null, ['de-AT', 'en-US'], HAVE)).toBe('de');
    expect(pickLocale(null, ['ja-JP', 'es-MX', 'en'], HAVE)).toBe('es');
  });
  it('prefers a saved choice over the browser, and ignores a saved language we no longer have', () => {
    expect(pickLocale('fr', ['de-DE'], HAVE)).toBe('fr');
    expect(pickLocale('it', ['de-DE'], HAVE)).toBe('de');
  });
  it('falls back to English when nothing matches', () => {
    expect(pickLocale(null, ['ja', 'zh-CN'], HAVE)).toBe('en');
    expect(pickLocale(null, [], HAVE)).toBe('en');
  });
});

describe('acceptLanguage', () => {
  it('puts the UI language first and keeps the browser’s region for it', () => {
    expect(acceptLanguage('de', ['en-GB', 'de-AT'])).toBe('de-AT, de;q=0.9, en-GB;q=0.8');
  });
  it('names the UI language even when the browser does not', () => {
    expect(acceptLanguage('fr', ['en-US', 'en'])).toBe('fr, en-US;q=0.9, en;q=0.8');
  });
  it('drops tags a header cannot carry', () => {
    expect(acceptLanguage('es', ['es-ES', 'x y', 'en;q=1'])).toBe('es-ES, es;q=0.9');
  });
});
