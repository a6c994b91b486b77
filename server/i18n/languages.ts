/**
 * The supported languages, derived from the folders under lang/ (one per ISO 639-1 code, each
 * with a language.json): adding a language means adding its folder and data files, not code.
 * English is the fallback when nothing else is known.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

export const LANG_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'lang');

/** The language every message falls back to when nothing says otherwise. */
export const DEFAULT_LANGUAGE = 'en';

/** An ISO 639-1 code with a folder under lang/ ("en", "de", "fr", "es" …). */
export type Language = string;

/** Every supported language, the default first: ['en', 'de', 'es', 'fr']. */
export const LANGUAGES: readonly Language[] = (() => {
  const codes = readdirSync(LANG_DIR, { withFileTypes: true })
    .filter((d) => d.isDirectory() && /^[a-z]{2}$/.test(d.name) && existsSync(path.join(LANG_DIR, d.name, 'language.json')))
    .map((d) => d.name)
    .sort();
  return [DEFAULT_LANGUAGE, ...codes.filter((c) => c !== DEFAULT_LANGUAGE)];
})();

/** isLanguage('de') → true; isLanguage('xx') → false. */
export const isLanguage = (code: unknown): code is Language => typeof code === 'string' && LANGUAGES.includes(code);

/** A supported language code at a boundary (HTTP body, stored state). */
export const LanguageCode = z.string().refine(isLanguage, { message: `one of ${LANGUAGES.join(', ')}` });

const cache = new Map<string, unknown>();

/**
 * Read lang/<code>/<file> once and parse it with `schema`: readLangJson('de', 'guide.json', Guide).
 * A missing or invalid file throws with its path, so a broken language is found at start-up, not mid-conversation.
 */
export function readLangJson<T>(code: Language, file: string, schema: z.ZodType<T>): T {
  const key = `${code}/${file}`;
  if (!cache.has(key)) {
    const where = path.join(LANG_DIR, code, file);
    const parsed = schema.safeParse(JSON.parse(readFileSync(where, 'utf8')));
    if (!parsed.success) throw new Error(`lang/${key} is invalid: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
    cache.set(key, parsed.data);
  }
  return cache.get(key) as T;
}

/** The language's own name and the short chat words n-gram detectors miss ("ja", "genau", "no sé"). */
export const LanguageInfo = z.object({ name: z.string().min(1), words: z.array(z.string().min(1)).min(1) });
export type LanguageInfo = z.infer<typeof LanguageInfo>;

/** languageInfo('de').name → "Deutsch". */
export const languageInfo = (code: Language): LanguageInfo => readLangJson(code, 'language.json', LanguageInfo);

/**
 * The best supported language in an Accept-Language header (or a bare code):
 * preferredLanguage('de-CH,de;q=0.9,en;q=0.8') → 'de'; null when none is supported.
 */
export function preferredLanguage(header: string | null | undefined): Language | null {
  if (!header) return null;
  const ranked = header
    .split(',')
    .map((part, i) => {
      const [tag, ...params] = part.trim().split(';');
      const q = Number(params.map((p) => /^\s*q=([\d.]+)/.exec(p)?.[1]).find(Boolean) ?? 1);
      return { code: (tag ?? '').trim().toLowerCase().split('-')[0] ?? '', q: Number.isFinite(q) ? q : 0, i };
    })
    .filter((r) => r.q > 0 && isLanguage(r.code))
    .sort((a, b) => b.q - a.q || a.i - b.i);
  return ranked[0]?.code ?? null;
}
