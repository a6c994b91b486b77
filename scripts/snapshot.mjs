/**
 * The CLI's start-up snapshot (issue #17 item 8): `innerchord interpret` spends most of a plain
 * start building what never changes between runs — wink's 87k-word model, four stemmed lexicons,
 * zod's schemas, tonal's tables. Built once by scripts/compile.mjs, a V8 startup snapshot
 * (`node --build-snapshot`) holds that heap ready-made; bin/innerchord.js starts
 * `node --snapshot-blob .build/snapshot/cli.blob interpret …` (scripts/snapshot-start.cjs) and the
 * answer is all that is left.
 *
 * - The entry (cli/snapshot.ts) is bundled into one plain script with every package taken in: a
 *   snapshot's builder may run no module loader of ours. Each of our modules' `import.meta.url` is
 *   its source file's URL, so data beside it (lang/, node_modules) is found where it is.
 * - V8 refuses a snapshot under different flags, so the flags it was built with are recorded and
 *   the same ones are passed on every start. `--regexp-interpret-all`: compiled regular
 *   expressions cannot be saved in Node 20's snapshots (the builder aborts), so every start
 *   compiles the ~150 an answer runs anew (~60 M instructions, a fifth of the start): without
 *   V8's optimising passes over them (`--no-regexp-peephole-optimization`,
 *   `--no-regexp-optimization`; same matches, made for a single short text) that is ~20 M
 *   fewer. A fixed, per-build `--hash-seed` with `--no-rehash-snapshot`: otherwise every
 *   string-keyed table in the heap is
 *   rehashed on each start (~100 ms). The seed is random per build, not a constant anyone knows.
 * - Any failure leaves no blob and the CLI starts as before; the error is kept in the stamp.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
// How a start finds and runs the snapshot lives apart, in CommonJS, for bin/innerchord.js.
import launch from './snapshot-start.cjs';

export const { HANDOFF, snapshotArgs, answerFromSnapshot } = launch;
/** Where in .build the snapshot lives. */
const DIR = 'snapshot';
const ENTRY = 'cli/snapshot.ts';

/** esbuild plugin: each of our modules' `import.meta.url` becomes its own source file's URL (a plain script has none). */
const sourceUrl = (root) => ({
  name: 'innerchord-source-url',
  setup(build) {
    build.onLoad({ filter: /\.ts$/ }, (args) => {
      const rel = path.relative(root, args.path);
      if (rel.startsWith('..') || rel.split(path.sep).includes('node_modules')) return undefined;
      return { contents: readFileSync(args.path, 'utf8').replaceAll('import.meta.url', JSON.stringify(pathToFileURL(args.path).href)), loader: 'ts' };
    });
    // The LLM path is never taken from the snapshot (cli/snapshot.ts hands it off): leave it out.
    build.onResolve({ filter: /[\\/]llm[\\/]/ }, (args) => ({ path: args.path, external: true }));
  },
});

/**
 * Build the snapshot into `<out>/snapshot/` (`out` is the .build folder being made), with esbuild
 * `plugins` shared with the other bundles. Returns the stamp's record: `{ node, arch, root, flags,
 * blob, inputs }` (inputs: the source files bundled, relative paths are made by the caller), or
 * `{ node, arch, root, error }` when it could not be built.
 */
export async function buildSnapshot({ root, out, plugins = [] }) {
  // The checkout too: the snapshot knows its data files by absolute path.
  const record = { node: process.version, arch: process.arch, root };
  try {
    const { build } = await import('esbuild');
    const { randomInt } = await import('node:crypto'); // here, not above: importing this file stays cheap
    const dir = path.join(out, DIR);
    mkdirSync(dir, { recursive: true });
    const entry = path.join(dir, 'entry.cjs');
    const result = await build({
      entryPoints: [path.join(root, ENTRY)],
      outfile: entry,
      bundle: true,
      platform: 'node',
      // A script, not a module: the builder runs it with require() but no module or exports.
      format: 'iife',
      target: 'node20',
      supported: { 'import-attributes': true },
      // Every byte of source stays in the heap (functions compile lazily from it), and a start
      // copies the heap in: minified, with names kept (error messages and zod read them).
      minify: true,
      keepNames: true,
      legalComments: 'none',
      metafile: true,
      logLevel: 'silent',
      plugins: [...plugins, sourceUrl(root)],
    });
    const flags = ['--regexp-interpret-all', '--no-regexp-peephole-optimization', '--no-regexp-optimization', `--hash-seed=${randomInt(1, 2 ** 31)}`, '--no-rehash-snapshot'];
    const blob = path.join(dir, 'cli.blob');
    // The builder's own output (a warning that node:module is "not yet fully verified" in
    // snapshots: it only resolves a file name there) is shown only if the build fails.
    const made = spawnSync(process.execPath, [...flags, '--snapshot-blob', blob, '--build-snapshot', entry], { cwd: dir, encoding: 'utf8', maxBuffer: 16 << 20 });
    if (made.status !== 0) return { ...record, error: `node --build-snapshot exited ${made.status ?? made.signal}: ${`${made.stderr}`.trim().split('\n').slice(-5).join(' | ')}` };
    const inputs = Object.keys(result.metafile.inputs).map((f) => path.resolve(root, f)).filter((f) => !f.split(path.sep).includes('node_modules'));
    return { ...record, flags, blob: path.join(DIR, 'cli.blob'), inputs };
  } catch (error) {
    return { ...record, error: String(error?.message ?? error).split('\n')[0] };
  }
}

/** A value in single quotes for sh: ' itself closes, is escaped, and reopens. */
const shQuote = (s) => `'${String(s).replaceAll("'", "'\\''")}'`;

/**
 * What bin/innerchord (the sh launcher) needs to start `interpret` from the snapshot without a node
 * of its own first: `<dir>/launch.sh` (the node that built it, its flags, the blob, the checkout),
 * `<dir>/inputs` (the CLI build's inputs, one path per line, relative to the checkout) and
 * `<dir>/since`, dated when the build began reading them: the launcher starts the snapshot only
 * when no input and not that node are newer (`find -newer`), and otherwise leaves it to
 * bin/innerchord.js, which checks the stamp exactly. `buildDir` is where the build will live.
 */
export function writeLaunch({ dir, buildDir, record, inputs, since }) {
  const blob = path.join(buildDir, record.blob);
  writeFileSync(path.join(dir, 'launch.sh'), [
    '# Written by scripts/compile.mjs for bin/innerchord: how to start `innerchord interpret` from the start-up snapshot.',
    `SNAPSHOT_ROOT=${shQuote(record.root)}`,
    `SNAPSHOT_NODE=${shQuote(process.execPath)}`,
    `SNAPSHOT_FLAGS=${shQuote(record.flags.join(' '))}`,
    `SNAPSHOT_BLOB=${shQuote(blob)}`,
    '',
  ].join('\n'));
  writeFileSync(path.join(dir, 'inputs'), `${inputs.join('\n')}\n`);
  const ref = path.join(dir, 'since');
  writeFileSync(ref, '');
  utimesSync(ref, since, since);
}
