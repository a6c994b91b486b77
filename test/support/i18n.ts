/**
 * Browser-test helpers for the page's languages: read a web catalogue (lang/<code>/web.json), and
 * collect every piece of the page's own text a reader or a screen reader meets — visible text,
 * screen-reader-only text, aria-label, title, placeholder, aria-valuetext, options — leaving out
 * the words inside [data-words] (the musician's, the guide's, the engine's), which are not chrome.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';

const LANG = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'lang');
type Tree = { [k: string]: string | Tree };

/** A catalogue flattened to 'chat.send' → 'Send'. */
export function catalogue(code: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (t: Tree, prefix: string) => {
    for (const [k, v] of Object.entries(t)) typeof v === 'string' ? out.set(prefix + k, v) : walk(v, `${prefix}${k}.`);
  };
  walk(JSON.parse(readFileSync(path.join(LANG, code, 'web.json'), 'utf8')) as Tree, '');
  return out;
}

/** The page's own text, one string per text run or attribute, with where it was found. */
export async function pageText(page: Page): Promise<{ text: string; where: string }[]> {
  return page.evaluate(() => {
    const out: { text: string; where: string }[] = [];
    const skip = (el: Element) => el.closest('[data-words], script, style, svg defs') !== null;
    const shown = (el: Element) => el.checkVisibility({ checkOpacity: false, checkVisibilityCSS: true }) || el.closest('select') !== null;
    const name = (el: Element) => `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${el.className && typeof el.className === 'string' ? `.${el.className.split(' ')[0]}` : ''}`;
    for (const el of document.body.querySelectorAll('*')) {
      if (skip(el) || !shown(el)) continue;
      for (const node of el.childNodes) {
        const text = node.nodeType === Node.TEXT_NODE ? (node.textContent ?? '').trim() : '';
        if (text) out.push({ text, where: name(el) });
      }
      for (const attr of ['aria-label', 'title', 'placeholder', 'aria-valuetext', 'aria-roledescription']) {
        const v = el.getAttribute(attr)?.trim();
        if (v) out.push({ text: v, where: `${name(el)}[${attr}]` });
      }
    }
    out.push({ text: document.title, where: 'title' });
    return out;
  });
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Matchers for the English messages that read differently in `code`: a message of one word must be
 * the whole string ("Send"); a longer one may sit inside a longer run ("Enter sends · … · Offline").
 * Placeholders match anything.
 */
export function englishMatchers(code: string): { key: string; re: RegExp }[] {
  const en = catalogue('en');
  const other = catalogue(code);
  return [...en]
    .filter(([k, v]) => other.get(k) !== v && /\p{L}{2,}/u.test(v.replace(/\{\{\s*\w+\s*\}\}/g, '')))
    .map(([key, v]) => {
      const body = v.split(/\{\{\s*\w+\s*\}\}/).map(escape).join('.*?');
      const multiword = v.replace(/\{\{\s*\w+\s*\}\}/g, '').trim().split(/\s+/).length > 1;
      return { key, re: new RegExp(multiword ? body : `^${body}$`, 'u') };
    });
}

/** Everyday English words that no German, French or Spanish label of ours contains. */
export const ENGLISH_WORDS = /\b(the|and|your|you|with|this|that|what|not|yet|song|songs|play|save|cancel|delete|edit|show|loading|new|chords|bars|back|start|send)\b/i;
