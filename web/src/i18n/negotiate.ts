/**
 * Which UI language to show, and what to tell the server: pure functions over language tags, so
 * they are tested without a browser.
 */

/** The base language of a tag: 'de-AT' → 'de'. */
export const baseOf = (tag: string): string => tag.trim().toLowerCase().split(/[-_]/)[0] ?? '';

/**
 * The UI language: the musician's saved choice if we have it, else the first browser language
 * whose base we have, else the fallback. pickLocale(null, ['de-AT', 'en'], ['en', 'de']) → 'de'.
 */
export function pickLocale(saved: string | null, browser: readonly string[], available: readonly string[], fallback = 'en'): string {
  if (saved && available.includes(saved)) return saved;
  for (const tag of browser) {
    const base = baseOf(tag);
    if (available.includes(base)) return base;
  }
  return fallback;
}

/**
 * An Accept-Language header that puts the UI language first, keeping the browser's own regional
 * tags for it (the server picks crisis help lines by country), then the browser's other languages.
 * acceptLanguage('de', ['en-GB', 'de-AT']) → 'de-AT, de;q=0.9, en-GB;q=0.8'.
 */
export function acceptLanguage(ui: string, browser: readonly string[]): string {
  const regional = browser.filter((t) => baseOf(t) === ui && t.includes('-'));
  const rest = browser.filter((t) => baseOf(t) !== ui);
  const tags = [...new Set([...regional, ui, ...rest].filter((t) => /^[A-Za-z]{2,8}(?:-[A-Za-z0-9]{1,8})*$/.test(t)))].slice(0, 9);
  return tags.map((t, i) => (i === 0 ? t : `${t};q=${(1 - i / 10).toFixed(1)}`)).join(', ');
}
