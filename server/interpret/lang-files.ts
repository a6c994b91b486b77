/**
 * Every language's copy of one data file (lang/<code>/<name>), parsed with its zod schema, in code
 * order. A bad file stops start-up with its path and the fault in the message, so a typo in
 * language data never reads as silence.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import type { z } from 'zod';

const LANG_DIR = new URL('../../lang/', import.meta.url);

/** langFiles('keys.json', KeysFile) → Map { 'de' → …, 'es' → …, 'fr' → … } (languages without the file are left out). */
export function langFiles<S extends z.ZodTypeAny>(name: string, schema: S): Map<string, z.infer<S>> {
  const out = new Map<string, z.infer<S>>();
  for (const code of readdirSync(LANG_DIR).sort()) {
    const file = new URL(`${code}/${name}`, LANG_DIR);
    if (!existsSync(file)) continue;
    const parsed = schema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
    if (!parsed.success) throw new Error(`lang/${code}/${name}: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
    out.set(code, parsed.data);
  }
  return out;
}
