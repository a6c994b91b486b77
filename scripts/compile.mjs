#!/usr/bin/env node
/**
 * Compile the TypeScript the CLI and the server run (cli/, server/, music/, db/) into JavaScript
 * under .build/, one file per source file, so `innerchord` and `npm start` start with plain `node`
 * instead of transpiling through tsx on every run (≈1.5 s → ≈0.2 s for `innerchord interpret`).
 *
 * - esbuild transpiles (no type check: `npm run typecheck` does that), keeping the tree, so code
 *   that finds its data next to itself (import.meta.url) still does: non-TypeScript files in those
 *   folders are copied, and the repository's other top-level folders (lang/, prompts/, web/ …) are
 *   linked into .build/.
 * - Relative imports name `.ts` files in the source; the output names the `.js` twins.
 * - .build/stamp.json records every input's size and mtime: `ensureCompiled()` rebuilds only when
 *   one changed, and builds into a temporary folder that replaces .build/ in one rename, so two
 *   commands starting at once never see half a build.
 *
 * Run by `npm install` / `npm ci` (the `prepare` script), and on first use when stale.
 */
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sameStamp, stampOf } from './stamp.mjs';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const OUT = path.join(ROOT, '.build');
/** Folders transpiled to JavaScript. */
const SOURCES = ['cli', 'server', 'music', 'db'];
/** Top-level entries never linked into .build. */
const SKIP = new Set(['.build', '.git', 'node_modules', 'package.json', ...SOURCES]);
const STAMP = 'stamp.json';

function* walk(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== '__snapshots__' && entry.name !== 'node_modules') yield* walk(p);
    } else yield p;
  }
}

const isTest = (file) => /\.test\.ts$/.test(file);

/** Every input file with its size and mtime (what the stamp compares). */
const inputs = () => stampOf(SOURCES, ['package-lock.json', 'scripts/compile.mjs'], (p, entry) => entry.name === '__snapshots__' || entry.name === 'node_modules' || isTest(p));

/** True when .build/ holds a build of exactly the current sources. */
export function isFresh() {
  try {
    return sameStamp(JSON.parse(readFileSync(path.join(OUT, STAMP), 'utf8')).inputs, inputs());
  } catch {
    return false;
  }
}

/** `from "./x.ts"` / `import("../y.ts")` → `.js`: the compiled tree has no .ts files. */
const TS_IMPORT = /((?:\bfrom\s*|\bimport\s*\(\s*|\bimport\s+)["'])(\.{1,2}\/[^"']*?)\.ts(["'])/g;

export async function compile() {
  const { build } = await import('esbuild');
  const tmp = `${OUT}.tmp-${process.pid}`;
  rmSync(tmp, { recursive: true, force: true });
  const stamp = { inputs: inputs() };
  const ts = [];
  for (const dir of SOURCES) {
    for (const file of walk(path.join(ROOT, dir))) {
      if (file.endsWith('.ts') && !file.endsWith('.d.ts')) {
        if (!isTest(file)) ts.push(file);
      } else if (!file.endsWith('.d.ts')) {
        const dest = path.join(tmp, path.relative(ROOT, file));
        mkdirSync(path.dirname(dest), { recursive: true });
        copyFileSync(file, dest);
      }
    }
  }
  const result = await build({ entryPoints: ts, outdir: tmp, outbase: ROOT, bundle: false, format: 'esm', platform: 'node', target: 'node20', supported: { 'import-attributes': true }, sourcemap: 'inline', write: false, logLevel: 'silent' });
  for (const file of result.outputFiles) {
    mkdirSync(path.dirname(file.path), { recursive: true });
    writeFileSync(file.path, file.text.replace(TS_IMPORT, '$1$2.js$3'));
  }
  // The rest of the repository, where code looks for its data relative to itself.
  for (const entry of readdirSync(ROOT)) {
    if (SKIP.has(entry) || entry.startsWith('.')) continue;
    symlinkSync(path.join('..', entry), path.join(tmp, entry));
  }
  // Its own package.json (not a link to the real one): the compiled files are ES modules.
  writeFileSync(path.join(tmp, 'package.json'), JSON.stringify({ type: 'module', private: true }));
  writeFileSync(path.join(tmp, STAMP), JSON.stringify(stamp));
  // Swap in one rename; a concurrent build that finished first is simply replaced.
  const old = `${OUT}.old-${process.pid}`;
  if (existsSync(OUT)) renameSync(OUT, old);
  renameSync(tmp, OUT);
  rmSync(old, { recursive: true, force: true });
  return ts.length;
}

/** Build .build/ unless it is already current; returns whether it built. */
export async function ensureCompiled() {
  if (isFresh()) return false;
  await compile();
  return true;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const started = performance.now();
  const n = await compile();
  console.log(`innerchord: compiled ${n} files into .build/ in ${Math.round(performance.now() - started)} ms`);
}
