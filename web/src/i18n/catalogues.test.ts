/**
 * The web catalogues (lang/<code>/web.json) against the English one: every message present, the
 * same placeholders, every plural form the language needs, and really translated.
 */
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createMessages } from './messages.ts';
import { TEMPLATES } from '../../../music/styles/templates.ts';
import { describe, expect, it } from 'vitest';

const LANG = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../lang');
type Tree = { [k: string]: string | Tree };
const read = (code: string) => JSON.parse(readFileSync(path.join(LANG, code, 'web.json'), 'utf8')) as Tree;
const CODES = readdirSync(LANG).filter((c) => existsSync(path.join(LANG, c, 'web.json')));
const PLURAL = /_(zero|one|two|few|many|other)$/;

function flat(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(tree)) {
    if (typeof v === 'string') out.set(prefix + k, v);
    else for (const [kk, vv] of flat(v, `${prefix}${k}.`)) out.set(kk, vv);
  }
  return out;
}
const placeholders = (s: string) => [...s.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]).sort();
/** Message ids without plural suffixes: 'journal.versionCount_one' → 'journal.versionCount'. */
const ids = (m: Map<string, string>) => new Set([...m.keys()].map((k) => k.replace(PLURAL, '')));

const en = flat(read('en'));

describe('web message catalogues', () => {
  it('exist for English, German, French and Spanish', () => {
    expect(CODES).toEqual(expect.arrayContaining(['en', 'de', 'fr', 'es']));
  });

  for (const code of CODES.filter((c) => c !== 'en')) {
    const other = flat(read(code));
    const categories = new Intl.PluralRules(code).resolvedOptions().pluralCategories;

    it(`${code}: has every English message and no message English lacks`, () => {
      expect([...ids(other)].sort()).toEqual([...ids(en)].sort());
    });

    it(`${code}: keeps each message's placeholders`, () => {
      for (const [key, value] of other) {
        const base = en.get(key) ?? en.get(key.replace(PLURAL, '_other'));
        expect(base, key).toBeDefined();
        expect(placeholders(value), key).toEqual(placeholders(base!));
      }
    });

    it(`${code}: has every plural form the language uses (${categories.join(', ')})`, () => {
      const plural = [...en.keys()].filter((k) => k.endsWith('_other')).map((k) => k.slice(0, -'_other'.length));
      for (const id of plural) for (const c of categories) expect(other.has(`${id}_${c}`), `${id}_${c}`).toBe(true);
    });

    it(`${code}: is translated, not copied (most sentences differ from English)`, () => {
      // Three or more real words (placeholders aside) make a sentence that must read differently.
      const words = (s: string) => s.replace(/\{\{\s*\w+\s*\}\}/g, '').match(/\p{L}{2,}/gu) ?? [];
      const sentences = [...other].filter(([k]) => words(en.get(k) ?? '').length >= 3);
      const same = sentences.filter(([k, v]) => v === en.get(k)).map(([k]) => k);
      expect(same, same.join(', ')).toEqual([]);
    });
  }

  // A style the engine offers is named in every language's Style control (web/src/lib/format.ts).
  it('names every style template the engine has', () => {
    const names = new Set([...en.keys()].filter((k) => k.startsWith('styleNames.')).map((k) => k.slice('styleNames.'.length)));
    expect(TEMPLATES.map((t) => t.name).filter((n) => !names.has(n))).toEqual([]);
  });

  // Each template's description is said in every language (styleAbout in format.ts); the English
  // one is the template's own, so a description edited in music/styles/ is edited here too.
  it('describes every style template the engine has, in English as the template does', () => {
    for (const t of TEMPLATES) expect(en.get(`styleAbout.${t.name}`), t.name).toBe(t.description);
  });

  it('no message is empty', () => {
    for (const code of CODES) for (const [k, v] of flat(read(code))) expect(v.trim(), `${code} ${k}`).not.toBe('');
  });

  it('chooses plural forms by each language’s rules and fills placeholders', () => {
    const m = createMessages();
    for (const code of ['en', 'de', 'fr']) m.add(code, read(code));
    expect(m.find('de', 'journal.versionCount', { count: 1 })).toBe('1 Fassung');
    expect(m.find('de', 'journal.versionCount', { count: 4 })).toBe('4 Fassungen');
    expect(m.find('en', 'journal.versionCount', { count: 0 })).toBe('0 versions');
    // French counts 0 as singular.
    expect(m.find('fr', 'versions.bars', { count: 0 })).toBe('0 mesure');
    expect(m.find('de', 'compare.title', { a: 1, b: 2 })).toBe('v1 (A) und v2 (B) vergleichen');
  });

  it('falls back to English for a message a language lacks, and to nothing for an unknown one', () => {
    const m = createMessages();
    m.add('en', read('en'));
    m.add('de', { chat: { send: 'Senden' } });
    expect(m.find('de', 'chat.send')).toBe('Senden');
    expect(m.find('de', 'chat.retry')).toBe('Retry');
    expect(m.find('de', 'modes.no such mode')).toBe('');
  });
});
