import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';

// The page's first bundle: what web/dist/index.html loads before anything lazy (`npm test` builds it first).
const DIST = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../web/dist');

function initialChunks(): { file: string; text: string }[] {
  const html = path.join(DIST, 'index.html');
  if (!existsSync(html)) throw new Error('web/dist is missing: run `npm run build` first (`npm test` does)');
  const files = [...readFileSync(html, 'utf8').matchAll(/<(?:script[^>]*src|link[^>]*rel="modulepreload"[^>]*href)="\/?([^"]+\.js)"/g)].map((m) => m[1]!);
  return files.map((file) => ({ file, text: readFileSync(path.join(DIST, file), 'utf8') }));
}

describe('the first bundle', () => {
  // zod, Tonal and the lyric dictionary belong to the engine and the editors, which load when used.
  it('holds no schema library, no music theory library and no pronouncing dictionary', () => {
    for (const { file, text } of initialChunks()) {
      expect(text.includes('ZodError'), `${file} bundles zod`).toBe(false);
      expect(text.includes('m7b5'), `${file} bundles Tonal's chord dictionary`).toBe(false);
      expect(text.includes('AH0'), `${file} bundles the CMU dictionary`).toBe(false);
    }
  });

  it('stays within 60 KiB of JavaScript gzipped', () => {
    const bytes = initialChunks().reduce((n, c) => n + gzipSync(c.text).byteLength, 0);
    expect(bytes).toBeLessThanOrEqual(60 * 1024);
  });
});
