#!/usr/bin/env node
/**
 * Compile the TypeScript the CLI and the server run into JavaScript under .build/, so `innerchord`
 * and `npm start` start with plain `node` instead of transpiling through tsx on every run.
 *
 * - The server runs a tree of one file per source file (cli/, server/, music/, db/ →
 *   .build/<same path>.js): its engine worker is a file of its own, and code that finds its data
 *   next to itself (import.meta.url) still does, because non-TypeScript files in those folders are
 *   copied and the repository's other top-level entries (lang/, prompts/, web/, node_modules …) are
 *   linked into .build/.
 * - The CLI and `npm start` run bundles of it (.build/cli-bundle/, .build/server-bundle/; esbuild,
 *   split per dynamic import() so `interpret` loads only what it needs, with the pure-JS packages
 *   on their path taken in): a few dozen files instead of ~400 modules, which was a large part of
 *   a short command's time and ~15% of the server's CPU to ready. Inside a bundle every module's
 *   `import.meta.url` is rewritten to its twin's place in the tree above (scripts/meta-url.mjs),
 *   so data found relative to a module (lang/, prompts/, db/migrations, the engine worker) is
 *   found exactly as in the tree, from any working directory.
 * - .build/stamp.json records, for each of the two, the size and mtime of every file it was built
 *   from (scripts/stamp.mjs): `ensureCompiled()` costs one stat per input and rebuilds only when one
 *   changed, into a temporary folder that replaces .build/ in one rename, so two commands starting
 *   at once never see half a build.
 *
 * Run by `npm install` / `npm ci` (the `prepare` script), and on first use when stale.
 */
import { copyFileSync, existsSync, mkdirSync, readdirSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSnapshot, writeLaunch } from './snapshot.mjs';
import launch from './snapshot-start.cjs';
import { rowOf, stampHolds, stampOf, walk } from './stamp.mjs';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const OUT = path.join(ROOT, '.build');
/** Folders transpiled to JavaScript. */
const SOURCES = ['cli', 'server', 'music', 'db'];
/** The bundles (folders inside .build) and the sources they start from. */
const BUNDLES = {
  cli: { entry: 'cli/main.ts', dir: 'cli-bundle' },
  server: { entry: 'server/main.ts', dir: 'server-bundle' },
};
/** What `innerchord` runs, and what `npm start` runs. */
export const CLI_ENTRY = path.join(OUT, BUNDLES.cli.dir, 'main.js');
export const SERVER_ENTRY = path.join(OUT, BUNDLES.server.dir, 'main.js');
/** Top-level entries never linked into .build (node_modules is: db/template.ts keeps its cache there). */
const SKIP = new Set(['.build', '.git', 'package.json', ...SOURCES]);
const { STAMP } = launch;
/** Read by every build: dependencies and the build scripts themselves. */
const ALWAYS = ['package-lock.json', 'scripts/compile.mjs', 'scripts/stamp.mjs', 'scripts/meta-url.mjs', 'scripts/snapshot.mjs', 'scripts/snapshot-start.cjs', 'scripts/stamp-holds.cjs'];

/**
 * npm packages taken into the bundles: pure JavaScript on the path of every short command and of
 * the server's start, spread over many small files (zod alone is ~100 modules, most of them
 * locales nothing uses), so bundling them saves ~15% of `interpret`. Every other package stays a plain import: some find
 * files next to themselves (PGlite's WebAssembly, the sound banks, wink's 3 MB model, which Node
 * parses faster as JSON than esbuild's object literal). Measured on `interpret`: all packages outside
 * the bundle ~1.0 s CPU, these inside ~0.85 s (load ~9).
 */
const INLINE = /^(zod|tonal|@tonaljs\/[^/]+|wink-nlp|@nlpjs\/[^/]+|hono|@hono\/[^/]+)(\/|$)/;

/** esbuild plugin: bare imports stay external unless `inline` matches them. */
const inlineOnly = (inline) => ({
  name: 'innerchord-inline-only',
  setup(build) {
    build.onResolve({ filter: /^[^./]/ }, (args) => (inline.test(args.path) || args.path.startsWith('node:') ? undefined : { path: args.path, external: true }));
  },
});

/**
 * esbuild plugin: zod's `z` namespace re-exports all ~50 of its message locales (~400 kB of the
 * ~750 kB zod puts in a bundle), and a namespace that escapes cannot be tree-shaken. Our messages
 * are English (zod's default, which its schemas module imports itself), and nothing here calls
 * `z.config(z.locales.…)`, so in the bundles `z.locales` holds English alone.
 */
const zodEnglishOnly = () => ({
  name: 'innerchord-zod-english-only',
  setup(build) {
    build.onResolve({ filter: /^\.\.\/locales\/index\.js$/ }, (args) =>
      /[\\/]zod[\\/]v4[\\/](classic|core|mini)$/.test(args.resolveDir) ? { path: path.join(args.resolveDir, '..', 'locales', 'index.js'), namespace: 'zod-locales' } : undefined,
    );
    build.onLoad({ filter: /.*/, namespace: 'zod-locales' }, (args) => ({
      contents: "export { default as en } from './en.js';",
      resolveDir: path.dirname(args.path),
      loader: 'js',
    }));
  },
});

const isTest = (file) => /\.test\.ts$/.test(file);
const skipSource = (p, entry) => entry.name === '__snapshots__' || entry.name === 'node_modules' || isTest(p);

/** The recorded stamps, `{ server, cli, snapshot }`, or null. */
const readStamps = (out = OUT) => launch.readStamps(out);

/**
 * True when .build/ holds a build of the current sources: `target` 'server' (the tree and the
 * server bundle) or 'cli' (the CLI bundle and its start-up snapshot, whose stamp lists only the
 * files they read). The CLI's is stale too when its snapshot was made by another node or for a
 * checkout since moved (it reads its data by absolute path): the next command rebuilds it.
 */
export function isFresh(target = 'server', stamps = readStamps()) {
  const snapshot = stamps?.snapshot;
  if (target === 'cli' && snapshot && (snapshot.node !== process.version || snapshot.root !== ROOT)) return false;
  return stampHolds(stamps?.[target]);
}

/**
 * How to start `innerchord` from its snapshot (scripts/snapshot-start.cjs): `{ args, fresh }`, the node
 * arguments and a check that the CLI build is current (a stat per input, which the caller may run
 * while the snapshot starts), or null when there is no snapshot for this node or
 * INNERCHORD_SNAPSHOT=0 says not to use it.
 */
export function cliSnapshotStart(env = process.env) {
  return launch.snapshotStart(OUT, env);
}

/** The node arguments that start `innerchord` from its snapshot when the build is current, else null. */
export function cliSnapshotArgs(env = process.env) {
  const start = cliSnapshotStart(env);
  return start?.fresh() ? start.args : null;
}

/** `from "./x.ts"` / `import("../y.ts")` → `.js`: the compiled tree has no .ts files. */
const TS_IMPORT = /((?:\bfrom\s*|\bimport\s*\(\s*|\bimport\s+)["'])(\.{1,2}\/[^"']*?)\.ts(["'])/g;

/** Build the tree and the bundles into .build/; returns how many source files were compiled. */
export async function compile() {
  const { build } = await import('esbuild');
  const { metaUrlPlugin } = await import('./meta-url.mjs');
  const tmp = `${OUT}.tmp-${process.pid}`;
  rmSync(tmp, { recursive: true, force: true });
  // When reading began (bin/innerchord's launcher starts the snapshot only if no input is newer).
  const since = new Date();
  // Inputs as they are now, before reading them: an edit during the build leaves the stamp stale.
  const sources = SOURCES.flatMap((dir) => walk(path.join(ROOT, dir), skipSource));
  const migrations = walk(path.join(ROOT, 'db', 'migrations'), () => false, { dirs: true });
  // lang/ too: the bundle takes some language data in as JSON imports, the CLI's snapshot reads it
  // all in (its folders stamped too, for a language added or removed).
  const data = walk(path.join(ROOT, 'lang'), () => false, { dirs: true });
  const snapshot = new Map(stampOf([...sources, ...migrations, ...data, ...ALWAYS]).map((row) => [row[0], row]));
  const rowsFor = (files) => [...new Set(files.map((f) => path.relative(ROOT, path.resolve(ROOT, f))))].sort().map((rel) => snapshot.get(rel) ?? rowOf(rel));

  const ts = [];
  const copied = [];
  for (const file of sources) {
    if (file.endsWith('.d.ts')) continue;
    if (file.endsWith('.ts')) ts.push(file);
    else {
      const dest = path.join(tmp, path.relative(ROOT, file));
      mkdirSync(path.dirname(dest), { recursive: true });
      copyFileSync(file, dest);
      copied.push(file);
    }
  }
  const common = { platform: 'node', format: 'esm', target: 'node20', supported: { 'import-attributes': true }, write: false, logLevel: 'silent' };
  const tree = await build({ ...common, entryPoints: ts, outdir: tmp, outbase: ROOT, bundle: false, sourcemap: 'inline' });
  for (const file of tree.outputFiles) {
    mkdirSync(path.dirname(file.path), { recursive: true });
    writeFileSync(file.path, file.text.replace(TS_IMPORT, '$1$2.js$3'));
  }
  // The bundles: the CLI's and the server's, each split per dynamic import().
  const bundled = {};
  for (const [name, { entry, dir }] of Object.entries(BUNDLES)) {
    const result = await build({
      ...common,
      entryPoints: { main: path.join(ROOT, entry) },
      outdir: path.join(tmp, dir),
      bundle: true,
      splitting: true,
      sourcemap: 'linked',
      metafile: true,
      plugins: [inlineOnly(INLINE), zodEnglishOnly(), metaUrlPlugin({ root: ROOT, bundleDir: path.join(OUT, dir), treeDir: OUT })],
    });
    for (const file of result.outputFiles) {
      mkdirSync(path.dirname(file.path), { recursive: true });
      writeFileSync(file.path, file.text);
    }
    bundled[name] = Object.keys(result.metafile.inputs).map((f) => path.resolve(ROOT, f)).filter((f) => !f.split(path.sep).includes('node_modules'));
  }
  // The CLI's start-up snapshot: the interpreter loaded, lang/ read into it (so lang/ is in its stamp).
  const { inputs: snapshotInputs = [], ...cliSnapshot } = await buildSnapshot({ root: ROOT, out: tmp, plugins: [zodEnglishOnly()] });
  if (cliSnapshot.error && process.env.INNERCHORD_DEBUG) console.error(`innerchord: no start-up snapshot: ${cliSnapshot.error}`);
  // The rest of the repository, where code looks for its data relative to itself.
  for (const entry of readdirSync(ROOT)) {
    if (SKIP.has(entry) || entry.startsWith('.')) continue;
    symlinkSync(path.join('..', entry), path.join(tmp, entry));
  }
  // Its own package.json (not a link to the real one): the compiled files are ES modules.
  writeFileSync(path.join(tmp, 'package.json'), JSON.stringify({ type: 'module', private: true }));
  const stamps = {
    // The tree compiles every source file, so the server's stamp is all of them (and its bundle's inputs).
    server: rowsFor([...sources, ...bundled.server, ...migrations, ...ALWAYS]),
    cli: rowsFor([...bundled.cli, ...snapshotInputs, ...(cliSnapshot.blob ? data : []), ...copied, ...migrations, ...ALWAYS]),
    snapshot: cliSnapshot,
  };
  writeFileSync(path.join(tmp, STAMP), JSON.stringify(stamps));
  if (cliSnapshot.blob) writeLaunch({ dir: path.join(tmp, path.dirname(cliSnapshot.blob)), buildDir: OUT, record: cliSnapshot, inputs: stamps.cli.map((row) => row[0]), since });
  // Swap in one rename; a concurrent build that finished first is simply replaced.
  const old = `${OUT}.old-${process.pid}`;
  if (existsSync(OUT)) renameSync(OUT, old);
  renameSync(tmp, OUT);
  rmSync(old, { recursive: true, force: true });
  return ts.length;
}

/** Build .build/ unless `target` ('server' or 'cli') is already current; returns whether it built. */
export async function ensureCompiled(target = 'server') {
  if (isFresh(target)) return false;
  await compile();
  return true;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const started = performance.now();
  const n = await compile();
  console.log(`innerchord: compiled ${n} files into .build/ (and the CLI and server bundles) in ${Math.round(performance.now() - started)} ms`);
}
