/**
 * The big language resources behind syllables and stress: the CMU pronouncing dictionary (4.6 MB,
 * English stress) and the TeX hyphenation patterns (de/en/es/fr). They are never imported
 * statically, so they stay out of any page's initial bundle:
 * - in Node (server, CLI, eval, bench) they are required synchronously on first use, so the engine
 *   stays a plain synchronous function and gives the same sketch everywhere;
 * - in a browser, `await loadLyricResources(['en'])` fetches them as lazy chunks first; without
 *   them the engine falls back to the vowel-group rules (documented in music/lyrics/README.md).
 */
type Hyphenate = (text: string, options?: { hyphenChar?: string; minWordLength?: number }) => string;

/** Pattern modules by lyric language: German uses the 1996 reformed spelling. */
const PATTERNS: Record<string, string> = { en: 'hyphen/en-us', de: 'hyphen/de-1996', fr: 'hyphen/fr', es: 'hyphen/es' };

let cmu: Record<string, string> | null = null;
const hyphenators = new Map<string, Hyphenate | null>();

/** Node's synchronous require, when running under Node; undefined in a browser. */
function nodeRequire(): ((id: string) => unknown) | undefined {
  const proc = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process;
  const mod = proc?.getBuiltinModule?.('module') as { createRequire?: (from: string) => (id: string) => unknown } | undefined;
  return mod?.createRequire?.(import.meta.url);
}

/** The CMU dictionary ("tomorrow" → "T AH0 M AA1 R OW2"), or null when it is not available here. */
export function englishDictionary(): Record<string, string> | null {
  if (cmu) return cmu;
  const req = nodeRequire();
  if (!req) return null;
  cmu = (req('cmu-pronouncing-dictionary') as { dictionary: Record<string, string> }).dictionary;
  return cmu;
}

/** A hyphenator for a language, or null when the language has no patterns (or none loaded here). */
export function hyphenator(lang: string): Hyphenate | null {
  if (hyphenators.has(lang)) return hyphenators.get(lang) ?? null;
  const id = PATTERNS[lang];
  const req = nodeRequire();
  if (!id || !req) return null;
  const h = (req(id) as { hyphenateSync: Hyphenate }).hyphenateSync;
  hyphenators.set(lang, h);
  return h;
}

/** Load the resources for these languages in a browser (a no-op cost in Node): await before fitting lyrics there. */
export async function loadLyricResources(langs: readonly string[]): Promise<void> {
  if (langs.includes('en') && !cmu) {
    const m = (await import('cmu-pronouncing-dictionary')) as { dictionary?: Record<string, string>; default?: { dictionary?: Record<string, string> } };
    cmu = m.dictionary ?? m.default?.dictionary ?? null;
  }
  for (const lang of langs) {
    if (hyphenators.has(lang)) continue;
    // The pattern modules are CommonJS: a bundler may give their exports as named or as `default`.
    type PatternModule = { hyphenateSync?: Hyphenate; default?: { hyphenateSync?: Hyphenate } };
    const loaders: Record<string, () => Promise<PatternModule>> = {
      en: () => import('hyphen/en-us'),
      de: () => import('hyphen/de-1996'),
      fr: () => import('hyphen/fr'),
      es: () => import('hyphen/es'),
    };
    const load = loaders[lang];
    if (!load) continue;
    const m = await load();
    const h = m.hyphenateSync ?? m.default?.hyphenateSync;
    if (h) hyphenators.set(lang, h);
  }
}
