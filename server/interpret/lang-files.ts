/**
 * Language data files: every language's copy of one file (lang/<code>/<name>), in code order, or
 * a file they share (lang/<name>), each parsed with its zod schema. A bad file stops start-up with its path and the fault in the message, so a typo in
 * language data never reads as silence.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import type { z } from 'zod';

const LANG_DIR = new URL('../../lang/', import.meta.url);

/** lang/<where>, parsed with `schema`; a fault throws with the path and what is wrong. */
function parsed<S extends z.ZodTypeAny>(where: string, schema: S): z.infer<S> {
  const result = schema.safeParse(JSON.parse(readFileSync(new URL(where, LANG_DIR), 'utf8')));
  if (!result.success) throw new Error(`lang/${where}: ${result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  return result.data;
}

/** langFiles('keys.json', KeysFile) → Map { 'de' → …, 'es' → …, 'fr' → … } (languages without the file are left out). */
export function langFiles<S extends z.ZodTypeAny>(name: string, schema: S): Map<string, z.infer<S>> {
  const out = new Map<string, z.infer<S>>();
  for (const code of readdirSync(LANG_DIR).sort()) {
    if (existsSync(new URL(`${code}/${name}`, LANG_DIR))) out.set(code, parsed(`${code}/${name}`, schema));
  }
  return out;
}

/** A data file every language shares, at lang/<name>: langFile('emoji.json', EmojiFile). */
export const langFile = <S extends z.ZodTypeAny>(name: string, schema: S): z.infer<S> => parsed(name, schema);
