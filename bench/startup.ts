/**
 * Start-up time: spawn the real server (`server/main.ts`) and time until GET /api/health answers
 * 200 — on a brand-new PGlite data dir without and with the migrated template, on an existing dir,
 * and on a fresh PostgreSQL database when TEST_DATABASE_URL or DATABASE_URL is set. Also the time
 * from SIGTERM to a clean exit.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, renameSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { openDatabase } from '../db/client.ts';
import { templateFile } from '../db/template.ts';
import { createScratchDatabase } from '../test/support/postgres.ts';

const ROOT = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
const MIGRATIONS = path.join(ROOT, 'db', 'migrations');

/** A port nobody is listening on right now. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

async function waitForHealth(url: string, deadline: number): Promise<void> {
  while (performance.now() < deadline) {
    try {
      if ((await fetch(url)).status === 200) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error(`no answer from ${url}`);
}

/** Start the server with `env`, return ms to healthy and ms from SIGTERM to exit (with its code). */
async function measure(env: Record<string, string>): Promise<{ readyMs: number; stopMs: number; exitCode: number | null }> {
  const port = await freePort();
  const start = performance.now();
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: ROOT,
    env: { ...process.env, ...env, PORT: String(port), HOST: '127.0.0.1', INNERCHORD_LOG: 'error', INNERCHORD_OFFLINE: '1' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  try {
    await Promise.race([waitForHealth(`http://127.0.0.1:${port}/api/health`, start + 120_000), exited.then(() => Promise.reject(new Error('the server exited early')))]);
  } catch (error) {
    child.kill('SIGKILL');
    throw error;
  }
  const readyMs = performance.now() - start;
  const stopAt = performance.now();
  child.kill('SIGTERM');
  const exitCode = await exited;
  return { readyMs, stopMs: performance.now() - stopAt, exitCode };
}

export async function run(): Promise<void> {
  const rows: [string, string, string, string][] = [];
  const row = (label: string, r: Awaited<ReturnType<typeof measure>>) => rows.push([label, r.readyMs.toFixed(0), r.stopMs.toFixed(0), String(r.exitCode)]);
  const dir = mkdtempSync(path.join(tmpdir(), 'innerchord-startup-'));
  // The migrated-journal template (db/template.ts) is set aside for the cold run, then put back.
  const template = templateFile(MIGRATIONS);
  const aside = `${template}.bench-aside`;
  if (existsSync(template)) renameSync(template, aside);
  try {
    row('PGlite, new data dir, no template (first start ever)', await measure({ INNERCHORD_DATA_DIR: path.join(dir, 'a'), DATABASE_URL: '' }));
  } finally {
    if (existsSync(aside)) renameSync(aside, template);
  }
  try {
    if (!existsSync(template)) await (await openDatabase()).close(); // an in-memory open writes the template
    row('PGlite, new data dir, from template', await measure({ INNERCHORD_DATA_DIR: path.join(dir, 'b'), DATABASE_URL: '' }));
    row('PGlite, existing data dir', await measure({ INNERCHORD_DATA_DIR: path.join(dir, 'b'), DATABASE_URL: '' }));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const pgUrl = process.env.TEST_DATABASE_URL || process.env.DATABASE_URL;
  if (pgUrl) {
    const scratch = await createScratchDatabase(pgUrl);
    try {
      for (const label of ['PostgreSQL, empty database', 'PostgreSQL, migrated database']) {
        row(label, await measure({ DATABASE_URL: scratch.url }));
      }
    } finally {
      await scratch.drop();
    }
  } else rows.push(['PostgreSQL', 'skipped: set TEST_DATABASE_URL', '', '']);
  console.log('| journal | ms to /api/health 200 | ms SIGTERM → exit | exit code |');
  console.log('|---|---:|---:|---:|');
  for (const r of rows) console.log(`| ${r.join(' | ')} |`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) await run();
