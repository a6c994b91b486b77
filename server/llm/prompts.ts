/**
 * Prompts are files in prompts/ (a version line, a schema line, then `---system---` and
 * `---user---` parts). This module loads them and fills their {{placeholders}}. The musician's
 * words only ever enter a prompt as JSON inside a <data> block, so they read as quotation.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const PROMPT_NAMES = ['guide', 'interpret', 'revise', 'summary', 'repair', 'crisis', 'lyrics'] as const;
export type PromptName = (typeof PROMPT_NAMES)[number];

/** A prompt file split into its parts. */
export interface PromptTemplate {
  name: string;
  version: string;
  schema: string;
  system: string;
  user: string;
}

/** A prompt ready to send: the filled system and user messages plus the template's version. */
export interface BuiltPrompt {
  name: string;
  version: string;
  system: string;
  user: string;
}

/** A placeholder value: trusted text written by our code, or `{ data }` quoted as JSON. */
export type PromptVar = string | { data: unknown };

export const PROMPTS_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'prompts');
const PLACEHOLDER = /\{\{\s*([A-Za-z_]\w*)\s*\}\}/g;

/** Split a prompt file's text into version, schema, system and user parts; throws when malformed. */
export function parsePromptFile(name: string, source: string): PromptTemplate {
  const version = /^version:\s*(\S+)\s*$/m.exec(source)?.[1];
  const schema = /^schema:\s*(.+)$/m.exec(source)?.[1]?.trim();
  const sys = source.indexOf('---system---');
  const usr = source.indexOf('---user---');
  if (!version || !schema || sys < 0 || usr < sys) {
    throw new Error(`prompts/${name}.md needs "version:", "schema:", "---system---" and "---user---" lines`);
  }
  return {
    name,
    version,
    schema,
    system: source.slice(sys + '---system---'.length, usr).trim(),
    user: source.slice(usr + '---user---'.length).trim(),
  };
}

const cache = new Map<string, PromptTemplate>();

/** Read (once) and parse prompts/<name>.md. */
export function loadPrompt(name: PromptName): PromptTemplate {
  let template = cache.get(name);
  if (!template) {
    template = parsePromptFile(name, readFileSync(path.join(PROMPTS_DIR, `${name}.md`), 'utf8'));
    cache.set(name, template);
  }
  return template;
}

/** The placeholder names a template part uses, in order of first use. */
export function placeholders(text: string): string[] {
  return [...new Set([...text.matchAll(PLACEHOLDER)].map((m) => m[1]!))];
}

/**
 * Quote a value as data: `<data name="message">"the house is quiet"</data>`. JSON-encoded with
 * `<` and `{{` escaped, so the content can neither close the block nor look like a placeholder.
 */
export function quoteData(label: string, value: unknown): string {
  const json = (JSON.stringify(value ?? null, null, 1) ?? 'null').replace(/</g, '\\u003c').replace(/\{\{/g, '{\\u007b');
  return `<data name="${label}">\n${json}\n</data>`;
}

/** Fill every {{placeholder}} in one pass; throws on a placeholder with no value. */
export function fillTemplate(text: string, vars: Record<string, PromptVar>, where = 'prompt'): string {
  const out = text.replace(PLACEHOLDER, (_, key: string) => {
    const value = vars[key];
    if (value === undefined) throw new Error(`${where}: no value for {{${key}}}`);
    return typeof value === 'string' ? value : quoteData(key, value.data);
  });
  // Quoted data escapes "{{", so anything left is a placeholder this code failed to fill.
  const left = placeholders(out);
  if (left.length) throw new Error(`${where}: unfilled {{${left[0]}}}`);
  return out;
}

/** Build a prompt from its file: buildPrompt('guide', { step: '…', message: { data: text } }). */
export function buildPrompt(name: PromptName, vars: Record<string, PromptVar>): BuiltPrompt {
  const t = loadPrompt(name);
  return {
    name,
    version: t.version,
    system: fillTemplate(t.system, vars, `prompts/${name}.md`),
    user: fillTemplate(t.user, vars, `prompts/${name}.md`),
  };
}
