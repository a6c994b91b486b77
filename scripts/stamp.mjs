/**
 * Input stamps: the size and mtime of every file a build read, so a later run can tell with one
 * stat per recorded file (no directory walk, no hashing) whether the build is still current. Used
 * by `npm start` for the web app and by scripts/compile.mjs for the compiled server and CLI.
 *
 * A stamp lists only what its build actually read (the web bundle's module graph, the CLI bundle's
 * inputs), so a change to a file a build never read does not make it stale: a server-only edit
 * does not rebuild the web app. New files cannot slip past: a new module matters only once an
 * existing one imports it (and that one's mtime moves), and the folders whose files are read
 * without an import (web/, db/migrations) are stamped as directories, whose mtime moves when an
 * entry is added, removed or renamed. Any change, even a checkout that only touched mtimes, counts
 * as stale: a needless rebuild is cheap, a stale one is wrong.
 */
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import holds from './stamp-holds.cjs';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** `[relative path, size, mtime]`; a missing file is `[path, -1, 0]`, which no existing file matches. */
export function rowOf(file) {
  const abs = path.resolve(ROOT, file);
  const s = statSync(abs, { throwIfNoEntry: false });
  // Directories' sizes are file-system bookkeeping; only their mtime says an entry came or went.
  return [path.relative(ROOT, abs), s ? (s.isDirectory() ? 0 : s.size) : -1, s ? Math.round(s.mtimeMs) : 0];
}

/** Stamp rows for these files (paths absolute or relative to the repository), sorted and unique. */
export function stampOf(files) {
  return [...new Set(files.map((f) => path.relative(ROOT, path.resolve(ROOT, f))))].sort().map(rowOf);
}

/** True when every recorded file still has its recorded size and mtime (or is still absent): one stat per row. */
export const stampHolds = (rows) => holds.stampHolds(rows, ROOT);

/** Every file (and, with `dirs`, every folder) under `dir`, skipping what `skip(path, dirent)` rejects. */
export function walk(dir, skip = () => false, { dirs = false } = {}) {
  const out = dirs ? [dir] : [];
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return out;
  }
  for (const entry of entries) {
    const p = path.join(dir, entry.name);
    if (skip(p, entry)) continue;
    if (entry.isDirectory()) out.push(...walk(p, skip, { dirs }));
    else out.push(p);
  }
  return out;
}

const isTest = (name) => /\.test\.ts$/.test(name);

// ── The web app ────────────────────────────────────────────────────────────────────────────────

const WEB = path.join(ROOT, 'web');
const DIST = path.join(WEB, 'dist');
/** Read by every web build whatever it imports: dependencies, compiler settings, the build script itself. */
const WEB_FILES = ['package-lock.json', 'tsconfig.json', 'scripts/stamp.mjs', 'scripts/stamp-holds.cjs'];
const WEB_STAMP = '.inputs.json';
const skipWeb = (p, entry) => p === DIST || entry.name === 'node_modules' || isTest(entry.name);

/**
 * What a web build may read, stamped when it starts: all of web/ (files and folders) and the
 * shared folders its modules can import from. `webStamp` later keeps only what the build read.
 */
export function webSnapshot() {
  const shared = ['music', 'server', 'db'].flatMap((d) => walk(path.join(ROOT, d), (p, e) => e.name === 'node_modules' || isTest(e.name)));
  // lang/ with its folders: the web app globs lang/*/web.json, so a new language is a new input.
  const lang = walk(path.join(ROOT, 'lang'), () => false, { dirs: true });
  return stampOf([...walk(WEB, skipWeb, { dirs: true }), ...lang, ...shared, ...WEB_FILES]);
}

/**
 * The web build's stamp: from the snapshot taken at its start, web/ itself, the fixed inputs, and
 * the modules its graph holds (`moduleIds`: Vite's ids, which may carry `?query` suffixes or be
 * virtual). A module the snapshot did not know (made during the build) is recorded as missing, so
 * the next start rebuilds.
 */
export function webStamp(snapshot, moduleIds) {
  const known = new Map(snapshot.map((row) => [row[0], row]));
  const keep = new Set([...WEB_FILES]);
  for (const row of snapshot) {
    if (row[0] === 'web' || row[0].startsWith(`web${path.sep}`)) keep.add(row[0]);
    else if ((row[0] === 'lang' || row[0].startsWith(`lang${path.sep}`)) && statSync(path.join(ROOT, row[0]), { throwIfNoEntry: false })?.isDirectory()) keep.add(row[0]);
  }
  for (const id of moduleIds) {
    if (!id || id.startsWith('\0')) continue;
    const file = id.split('?')[0];
    if (!path.isAbsolute(file)) continue;
    const rel = path.relative(ROOT, file);
    if (rel.startsWith('..') || rel.split(path.sep).includes('node_modules')) continue;
    keep.add(rel);
  }
  return [...keep].sort().map((rel) => known.get(rel) ?? [rel, -1, 0]);
}

/** Record, in the build's output folder, the inputs a build started from. */
export function writeWebStamp(outDir, stamp) {
  writeFileSync(path.join(outDir, WEB_STAMP), JSON.stringify(stamp));
}

/** The recorded web stamp, or null. */
export function readWebStamp(dist = DIST) {
  try {
    return JSON.parse(readFileSync(path.join(dist, WEB_STAMP), 'utf8'));
  } catch {
    return null;
  }
}

/** True when web/dist holds a build and none of the files that build read has changed since. */
export function webIsFresh(dist = DIST) {
  if (!statSync(path.join(dist, 'index.html'), { throwIfNoEntry: false })) return false;
  return stampHolds(readWebStamp(dist));
}
