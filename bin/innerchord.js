#!/usr/bin/env node
// The innerchord CLI as compiled JavaScript: one bundle in .build/cli-bundle/, made by
// scripts/compile.mjs at `npm install`, and again here whenever a file it was built from changed
// (checked with one stat per input file). So a command starts with plain node, loading a handful of
// files, instead of transpiling TypeScript on every run. If compiling is impossible (esbuild
// missing), it falls back to running the TypeScript through tsx, as before.
//
// `interpret` starts faster still from the CLI's start-up snapshot (scripts/snapshot.mjs): a second
// node that begins with the interpreter already loaded. When there is none for this node, the
// build is stale, or it declines (an LLM is configured, or there is an error to word), the plain
// CLI below answers.
//
// CommonJS (bin/package.json), as are the few lines `interpret` runs to start the snapshot and check
// the build meanwhile (scripts/snapshot-start.cjs): node's ES module loader and the build scripts
// (~35 M instructions, ~10 ms) are loaded only for the plain CLI.
'use strict';
const { spawnSync } = require('node:child_process');
const path = require('node:path');
const { pathToFileURL } = require('node:url');

const root = path.join(__dirname, '..');
const argv = process.argv.slice(2);

/** The snapshot's exit code for `argv`, its output passed on; null when the plain CLI must answer. */
async function fromSnapshot() {
  try {
    const { answerFromSnapshot, snapshotStart } = require('../scripts/snapshot-start.cjs');
    const start = snapshotStart(path.join(root, '.build'));
    return start ? await answerFromSnapshot(start.args, argv, start.fresh) : null;
  } catch (error) {
    if (process.env.INNERCHORD_DEBUG) console.error('innerchord: no start-up snapshot:', error);
    return null;
  }
}

/** The plain CLI: the compiled bundle (rebuilt first if stale), or the TypeScript through tsx. */
async function plain() {
  let main;
  try {
    const { ensureCompiled, CLI_ENTRY } = await import('../scripts/compile.mjs');
    await ensureCompiled('cli');
    ({ main } = await import(pathToFileURL(CLI_ENTRY).href));
  } catch (error) {
    if (process.env.INNERCHORD_DEBUG) console.error('innerchord: running through tsx:', error);
  }
  if (main) {
    process.exitCode = await main(argv, {
      stdout: (s) => process.stdout.write(s),
      stderr: (s) => process.stderr.write(s),
      env: process.env,
      // `npm run cli -- …` runs from the package root; INIT_CWD is where the musician typed it.
      cwd: (process.env.npm_lifecycle_event === 'cli' && process.env.INIT_CWD) || process.cwd(),
    });
  } else {
    const result = spawnSync(process.execPath, [require.resolve('tsx/cli'), path.join(root, 'cli', 'main.ts'), ...argv], { stdio: 'inherit' });
    process.exit(result.status ?? 1);
  }
}

(async () => {
  const answered = argv[0] === 'interpret' ? await fromSnapshot() : null;
  if (answered === null) await plain();
  else process.exitCode = answered;
})();
