/**
 * The web app's message catalogues: one data file per language, lang/<code>/web.json, each loaded
 * on demand (English too, so the first load carries none it does not need). Adding a language
 * means adding lang/<code>/web.json: the glob finds it and the switch offers it.
 */
import { FALLBACK, type Catalogue } from './messages.ts';

const lazy = import.meta.glob<Catalogue>('../../../lang/*/web.json', { import: 'default' });
const codeOf = (file: string) => /\/lang\/([^/]+)\/web\.json$/.exec(file)?.[1] ?? '';
const loaders = new Map(Object.entries(lazy).map(([file, load]) => [codeOf(file), load]));

/** Every language the UI speaks, English first: ['en', 'de', 'es', 'fr']. */
export const LOCALES: readonly string[] = [FALLBACK, ...[...loaders.keys()].filter((c) => c && c !== FALLBACK).sort()];

/** Load one language's catalogue. */
export async function loadCatalogue(code: string): Promise<Catalogue> {
  const load = loaders.get(code);
  if (!load) throw new Error(`No messages for language "${code}"`);
  return load();
}
