/**
 * Input stamps: the size and mtime of every file a build reads, so a later run can tell in a few
 * milliseconds whether the build is still current (used by `npm start` for the web app, and by
 * scripts/compile.mjs for the compiled server and CLI). Any change, including a checkout that only
 * touched mtimes, counts as stale: a needless rebuild is cheap, a stale one is wrong.
 */
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

function* walk(dir, skip) {
  if (!existsSync(dir)) return;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    if (skip(p, entry)) continue;
    if (entry.isDirectory()) yield* walk(p, skip);
    else yield p;
  }
}

/** `[relative path, size, mtime]` for every file under `dirs` (and `files`) that `skip` lets through. */
export function stampOf(dirs, files = [], skip = () => false) {
  const all = [];
  for (const dir of dirs) for (const f of walk(path.join(ROOT, dir), skip)) all.push(f);
  for (const f of files) if (existsSync(path.join(ROOT, f))) all.push(path.join(ROOT, f));
  return all.sort().map((f) => {
    const s = statSync(f);
    return [path.relative(ROOT, f), s.size, Math.round(s.mtimeMs)];
  });
}

export const sameStamp = (a, b) => a.length === b.length && a.every((row, i) => row[0] === b[i][0] && row[1] === b[i][1] && row[2] === b[i][2]);

/** What the web build reads: web/ (not its output), and the shared code and language data it imports. */
const WEB_DIRS = ['web', 'music', 'lang', 'server'];
const WEB_FILES = ['package-lock.json', 'tsconfig.json'];
const WEB_STAMP = '.inputs.json';

export function webStamp() {
  const dist = path.join(ROOT, 'web', 'dist');
  return stampOf(WEB_DIRS, WEB_FILES, (p, entry) => p === dist || entry.name === 'node_modules' || /\.test\.ts$/.test(entry.name));
}

/** Record, in the build's output folder, the inputs a build started from. */
export function writeWebStamp(outDir, stamp) {
  writeFileSync(path.join(outDir, WEB_STAMP), JSON.stringify(stamp));
}

/** True when web/dist was built from exactly the current inputs. */
export function webIsFresh(dist = path.join(ROOT, 'web', 'dist')) {
  try {
    if (!existsSync(path.join(dist, 'index.html'))) return false;
    return sameStamp(JSON.parse(readFileSync(path.join(dist, WEB_STAMP), 'utf8')), webStamp());
  } catch {
    return false;
  }
}
