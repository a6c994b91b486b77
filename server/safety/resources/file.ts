/**
 * Operator-supplied crisis resources (INNERCHORD_CRISIS_RESOURCES): a JSON file mapping locale tags
 * to resources, in the same shape as the built-in data, that adds locales or replaces built-in
 * ones — so a clinic can list its own on-call line, or a country we lack, without editing code.
 * Read once at start-up; anything wrong is an error naming the file and the field.
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { LocaleResources, RESOURCES } from './data.ts';
import type { ResourceDirectory } from './index.ts';

/** "en-GB", "pt-BR" … or "default" (the list shown when no locale is known). */
const LocaleKey = z.string().regex(/^(?:default|[a-z]{2,3}-[A-Z]{2})$/, 'a locale tag like "pt-BR", or "default"');

/** The file: { "pt-BR": { where, emergency, helplines: [{ name, contact, hours }] }, … }. */
export const ResourceOverrides = z.record(LocaleKey, LocaleResources).refine((o) => Object.keys(o).length > 0, 'name at least one locale');
export type ResourceOverrides = z.infer<typeof ResourceOverrides>;

/** The built-in directory with `overrides` laid over it, locale by locale. */
export function withOverrides(overrides: ResourceOverrides | null, base: ResourceDirectory = RESOURCES): ResourceDirectory {
  return { ...base, ...overrides } as ResourceDirectory;
}

/** Parse the overrides file's text; throws an Error saying which entry is wrong and why. */
export function parseOverrides(text: string, source: string): ResourceOverrides {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new Error(`${source} is not valid JSON (${error instanceof Error ? error.message : String(error)})`);
  }
  const parsed = ResourceOverrides.safeParse(json);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  const where = issue.path.length ? issue.path.map(String).join('.') : 'the file';
  // zod reports a bad record key as "Invalid key in record" with the reason one level down.
  const reason = issue.code === 'invalid_key' ? (issue.issues[0]?.message ?? issue.message) : issue.message;
  throw new Error(`${source}: ${where}: ${reason}`);
}

/** Read and parse the overrides file at `path`; throws when it cannot be read or is invalid. */
export function loadOverrides(path: string): ResourceOverrides {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new Error(`cannot read ${path} (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
  }
  return parseOverrides(text, path);
}
