/**
 * Creating a new on-disk PGlite journal runs initdb (≈8 s here; loading a tarball ≈3 s). A migrated,
 * empty data dir is the same every time for a given set of migrations, so it is kept as a tarball
 * in a cache and loaded into each new journal. In-memory opens (tests, benchmarks) write it; a
 * missing, stale or unreadable cache only means the slow path runs.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Where templates live unless told otherwise: node_modules/.cache/innerchord (like vite's cache). */
export const DEFAULT_CACHE_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'node_modules', '.cache', 'innerchord');

function pgliteVersion(): string {
  try {
    const entry = createRequire(import.meta.url).resolve('@electric-sql/pglite');
    for (let dir = path.dirname(entry); dir !== path.dirname(dir); dir = path.dirname(dir)) {
      const file = path.join(dir, 'package.json');
      if (existsSync(file)) {
        const pkg = JSON.parse(readFileSync(file, 'utf8')) as { name?: string; version?: string };
        if (pkg.name === '@electric-sql/pglite') return pkg.version ?? '?';
      }
    }
  } catch {
    // unknown version: the key still changes with the migrations
  }
  return '?';
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? filesUnder(path.join(dir, e.name)) : [path.join(dir, e.name)])).sort();
}

/** The template file for these migrations and this PGlite: changes whenever either changes. */
export function templateFile(migrationsFolder: string, cacheDir: string = DEFAULT_CACHE_DIR): string {
  const hash = createHash('sha256').update(pgliteVersion());
  for (const file of filesUnder(migrationsFolder)) hash.update(path.relative(migrationsFolder, file)).update(readFileSync(file));
  return path.join(cacheDir, `pglite-journal-${hash.digest('hex').slice(0, 16)}.tar.gz`);
}

/** The cached template, or undefined when there is none yet. */
export function readTemplate(file: string): Blob | undefined {
  try {
    return existsSync(file) ? new Blob([readFileSync(file)]) : undefined;
  } catch {
    return undefined;
  }
}

/** Store a template; written beside and renamed so concurrent writers never leave half a file. */
export async function writeTemplate(file: string, dump: Blob): Promise<void> {
  try {
    mkdirSync(path.dirname(file), { recursive: true });
    const tmp = `${file}.${process.pid}.${Date.now()}.tmp`;
    writeFileSync(tmp, new Uint8Array(await dump.arrayBuffer()));
    renameSync(tmp, file);
  } catch {
    // a read-only checkout just keeps the slow path
  }
}

/** Forget a template that failed to load. */
export function dropTemplate(file: string): void {
  rmSync(file, { force: true });
}

/** True when a PGlite data dir has never been initialised (absent or empty). */
export function isEmptyDataDir(dir: string): boolean {
  return !existsSync(dir) || readdirSync(dir).length === 0;
}
