/**
 * Start-up time: spawn the real server (`server/main.ts`) and time until GET /api/health answers
 * 200 — on a brand-new PGlite data dir without and with the migrated template, on an existing dir,
 * and on a fresh PostgreSQL database when TEST_DATABASE_URL or DATABASE_URL is set. Also the time
 * from SIGTERM to a clean exit.
 */
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
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
async function measure(env: Record<string, string>, args: string[] = ['--import', 'tsx', 'server/main.ts']): Promise<{ readyMs: number; stopMs: number; exitCode: number | null }> {
  const port = await freePort();
  const start = performance.now();
  const child = spawn(process.execPath, args, {
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

/** `innerchord interpret --offline` through the compiled CLI (bin/innerchord.js) and through tsx, median of 5 (target ≤ 300 ms). */
async function cliTimes(): Promise<void> {
  const { spawnSync } = await import('node:child_process');
  const time = (args: string[]) => {
    const ms: number[] = [];
    for (let i = 0; i < 5; i++) {
      const t = performance.now();
      const r = spawnSync(process.execPath, args, { cwd: ROOT, stdio: 'ignore' });
      if (r.status !== 0) throw new Error(`${args.join(' ')} exited ${r.status}`);
      ms.push(performance.now() - t);
    }
    return ms.sort((a, b) => a - b)[2]!;
  };
  const text = ['interpret', '--offline', 'a slow song about the rain on the window'];
  spawnSync(process.execPath, ['bin/innerchord.js', '--help'], { cwd: ROOT, stdio: 'ignore' }); // compile if stale
  const bare = time(['-e', '']);
  const compiled = time(['bin/innerchord.js', ...text]);
  const viaTsx = time([createRequire(import.meta.url).resolve('tsx/cli'), 'cli/main.ts', ...text]);
  console.log(`innerchord interpret (median of 5): compiled ${compiled.toFixed(0)} ms, through tsx ${viaTsx.toFixed(0)} ms, bare node ${bare.toFixed(0)} ms (target ≤ 300 ms) ${compiled <= 300 ? 'OK' : 'OVER'}`);
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
    // `npm start` itself (scripts/start.mjs): the web app and the compiled server are up to date
    // after one warm-up run, so this is the stamp checks plus plain node (target ≤ 5 s).
    await measure({ INNERCHORD_DATA_DIR: path.join(dir, 'b'), DATABASE_URL: '' }, ['scripts/start.mjs']);
    row('`npm start` on a built checkout (scripts/start.mjs), existing data dir', await measure({ INNERCHORD_DATA_DIR: path.join(dir, 'b'), DATABASE_URL: '' }, ['scripts/start.mjs']));
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
  await cliTimes();
  console.log('| journal | ms to /api/health 200 | ms SIGTERM → exit | exit code |');
  console.log('|---|---:|---:|---:|');
  for (const r of rows) console.log(`| ${r.join(' | ')} |`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) await run();
