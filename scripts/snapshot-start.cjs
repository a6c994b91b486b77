/**
 * Starting `innerchord interpret` from the CLI's start-up snapshot (scripts/snapshot.mjs builds it).
 * CommonJS with built-in modules only, so bin/innerchord.js (CommonJS too) spawns the snapshot
 * before anything else is loaded: node's ES module loader and the build scripts' modules cost a
 * start ~35 M instructions (~10 ms) before the first line of a `.mjs` launcher runs. The build's
 * freshness is checked (scripts/stamp-holds.cjs) while the snapshot starts.
 */
'use strict';
const { spawn } = require('node:child_process');
const { readFileSync } = require('node:fs');
const path = require('node:path');
const { stampHolds } = require('./stamp-holds.cjs');

/** Exit code of a snapshot start that declines (cli/snapshot.ts HANDOFF): run the plain CLI instead. */
const HANDOFF = 75;
/** The build's record of what it read (scripts/compile.mjs, scripts/stamp.mjs), inside the .build folder. */
const STAMP = 'stamp.json';
/**
 * glibc's allocator may use transparent huge pages (glibc 2.35+; ignored by an older glibc or a
 * system without THP): a snapshot start then faults in its ~16 MB heap in ~6,000 pages, not
 * ~14,000, and takes ~0.13 s, not ~0.23 s. Only for the short-lived snapshot child.
 */
const HUGE_PAGES = 'glibc.malloc.hugetlb=1';

/** `env` with HUGE_PAGES added to any GLIBC_TUNABLES it already has. */
const withHugePages = (env) => ({ ...env, GLIBC_TUNABLES: env.GLIBC_TUNABLES ? `${env.GLIBC_TUNABLES}:${HUGE_PAGES}` : HUGE_PAGES });

/** The recorded stamps of the build in `buildDir`, `{ server, cli, snapshot }`, or null. */
function readStamps(buildDir) {
  try {
    return JSON.parse(readFileSync(path.join(buildDir, STAMP), 'utf8'));
  } catch {
    return null;
  }
}

/**
 * The node arguments that start `record`'s snapshot (blob path absolute under `buildDir`), or null
 * when there is none for this node: not built, failed, built by another version or platform, or
 * for a checkout that has since moved.
 */
function snapshotArgs(record, buildDir) {
  if (!record?.blob || record.node !== process.version || record.arch !== process.arch || record.root !== path.dirname(buildDir)) return null;
  return [...record.flags, '--snapshot-blob', path.join(buildDir, record.blob)];
}

/**
 * `{ args, fresh }`: the node arguments that start the snapshot of the build in `buildDir`, and a
 * check that the CLI build is current (a stat per input, which the caller may run while the
 * snapshot starts), or null when there is no snapshot for this node or INNERCHORD_SNAPSHOT=0 says
 * not to use it. With args, the snapshot was made by this node for this checkout, so only the
 * CLI's stamp is left to check (as compile.mjs's isFresh('cli') would).
 */
function snapshotStart(buildDir, env = process.env) {
  if (env.INNERCHORD_SNAPSHOT === '0') return null;
  const stamps = readStamps(buildDir);
  const args = snapshotArgs(stamps?.snapshot, buildDir);
  return args && { args, fresh: () => stampHolds(stamps.cli, path.dirname(buildDir)) };
}

/**
 * Answer `argv` from the snapshot started with `args`, checking `fresh()` (the build's stamp, a stat
 * per input) while it starts: on two cores the two overlap. Its output is
 * held until both are done, then passed on and its exit code returned; or dropped, and null
 * returned, when the build was stale or the snapshot handed over (the caller then runs the plain CLI).
 */
function answerFromSnapshot(args, argv, fresh) {
  // Node reads and parses NODE_EXTRA_CA_CERTS at every start (~50 ms CPU for a system bundle of
  // ~150 certificates, as large as the rest of a bare start), and the snapshot answers offline
  // only: it opens no TLS connection that would need them.
  const { NODE_EXTRA_CA_CERTS: _certs, ...rest } = process.env;
  const env = withHugePages(rest);
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [...args, ...argv], { stdio: ['inherit', 'pipe', 'pipe'], env });
    const out = [];
    const err = [];
    child.stdout.on('data', (b) => out.push(b));
    child.stderr.on('data', (b) => err.push(b));
    child.on('error', () => resolve(null));
    // An unreadable stamp is a stale one.
    const current = Promise.resolve().then(fresh).catch(() => false);
    current.then((ok) => {
      if (!ok) child.kill();
    });
    child.on('close', (code) => {
      current.then((ok) => {
        if (!ok || code === null || code === HANDOFF) return resolve(null);
        process.stderr.write(Buffer.concat(err));
        process.stdout.write(Buffer.concat(out));
        resolve(code);
      });
    });
  });
}

module.exports = { HANDOFF, STAMP, HUGE_PAGES, withHugePages, readStamps, snapshotArgs, snapshotStart, answerFromSnapshot };
