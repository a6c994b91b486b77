/**
 * Start-up time: spawn the real server (`server/main.ts`) and time until GET /api/health answers
 * 200 — on a brand-new PGlite data dir without and with the migrated template, on an existing dir,
 * and on a fresh PostgreSQL database when TEST_DATABASE_URL or DATABASE_URL is set. Also the time
 * from SIGTERM to a clean exit. And the two targets of issue #17 item 8, each over 5 runs with
 * its CPU time (less at the mercy of a busy machine than wall time) and the load average:
 * `npm start` on a built checkout to health 200 (≤ 5 s), and `innerchord interpret` (≤ 300 ms).
 * `BENCH_STARTUP=targets npm run bench startup` measures only those two.
 */
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { existsSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
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
async function measure(env: Record<string, string>, args: string[] = ['--import', 'tsx', 'server/main.ts']): Promise<{ readyMs: number; cpuMs: number; stopMs: number; exitCode: number | null }> {
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
  const cpuMs = procCpuMs(child.pid);
  const stopAt = performance.now();
  child.kill('SIGTERM');
  const exitCode = await exited;
  return { readyMs, cpuMs, stopMs: performance.now() - stopAt, exitCode };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const loadAverage = () => (existsSync('/proc/loadavg') ? readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ') : 'n/a');
/**
 * Report the child's CPU time on stderr as it exits: a figure a busy machine inflates far less
 * than wall time. With the CPU of the processes it waited for (/proc cutime + cstime), so a start
 * from the CLI's snapshot, which runs a second node, counts both.
 */
const CPU_PROBE_SOURCE = `const r=require('node:fs').readFileSync;process.on('exit',()=>{const c=process.cpuUsage();let k=0;try{const f=r('/proc/self/stat','utf8').split(') ')[1].split(' ');k=(Number(f[13])+Number(f[14]))*10}catch{}process.stderr.write('\\ncpu-ms '+((c.user+c.system)/1000+k).toFixed(0)+'\\n')})`;
/**
 * The probe as node's arguments: a CommonJS file loaded with --require, since an ES module probe
 * (--import) would load node's ES module loader into bin/innerchord.js, which is CommonJS so that
 * `interpret` never loads it (~23 M instructions).
 */
let probeArgs: string[] | undefined;
function cpuProbe(): string[] {
  if (!probeArgs) {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'innerchord-probe-')), 'cpu-probe.cjs');
    writeFileSync(file, CPU_PROBE_SOURCE);
    probeArgs = ['--require', file];
  }
  return probeArgs;
}
const cpuOf = (stderr: string) => Number(/cpu-ms (\d+)/.exec(stderr)?.[1] ?? NaN);
/** A running process's CPU time so far (all its threads), from /proc; NaN where there is none. */
function procCpuMs(pid: number | undefined): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100; // utime + stime, USER_HZ = 100
  } catch {
    return NaN;
  }
}

/**
 * `innerchord interpret --offline` through bin/innerchord.js — from the start-up snapshot (the
 * default), the plain bundle (INNERCHORD_SNAPSHOT=0), and tsx — 5 runs each (target ≤ 300 ms),
 * with bare node beside them; CPU includes the snapshot's second node, which the bin waits for.
 */
async function cliTimes(): Promise<void> {
  const { spawnSync } = await import('node:child_process');
  const time = (args: string[], env: Record<string, string> = {}) => {
    const ms: number[] = [];
    const cpu: number[] = [];
    for (let i = 0; i < 5; i++) {
      const t = performance.now();
      // From another directory: the bundle must find its data wherever it is run from.
      const r = spawnSync(process.execPath, [...cpuProbe(), ...args], { cwd: tmpdir(), encoding: 'utf8', env: { ...process.env, ...env } });
      if (r.status !== 0) throw new Error(`${args.join(' ')} exited ${r.status}: ${r.stderr}`);
      ms.push(performance.now() - t);
      cpu.push(cpuOf(r.stderr));
    }
    return { ms: median(ms), cpu: median(cpu), all: ms.map((x) => x.toFixed(0)).join(', ') };
  };
  const bin = path.join(ROOT, 'bin', 'innerchord.js');
  const text = ['interpret', '--offline', 'a slow song about the rain on the window'];
  spawnSync(process.execPath, [bin, '--help'], { cwd: ROOT, stdio: 'ignore' }); // compile if stale
  const { cliSnapshotArgs } = await import('../scripts/compile.mjs');
  const hasSnapshot = cliSnapshotArgs() !== null;
  const bare = time(['-e', '']);
  // NODE_EXTRA_CA_CERTS, when set, is read and parsed by every node start (~50 ms here): part of
  // the bin's figure (its own node), not of the snapshot's (which drops it).
  const { NODE_EXTRA_CA_CERTS: certs } = process.env;
  const bareNoCerts = certs ? time(['-e', ''], { NODE_EXTRA_CA_CERTS: '' }) : null;
  const fast = time([bin, ...text]);
  // The command npm links (bin/innerchord, sh): the snapshot with no node before it. Its CPU is
  // what the shell waited for (/proc cutime + cstime, 10 ms ticks).
  const sh = path.join(ROOT, 'bin', 'innerchord');
  const command = (() => {
    const ms: number[] = [];
    const cpu: number[] = [];
    for (let i = 0; i < 5; i++) {
      const t = performance.now();
      const r = spawnSync('sh', ['-c', '"$0" "$@" >/dev/null && cat /proc/$$/stat >&2', sh, ...text], { cwd: tmpdir(), encoding: 'utf8' });
      if (r.status !== 0) throw new Error(`${sh} ${text.join(' ')} exited ${r.status}: ${r.stderr}`);
      ms.push(performance.now() - t);
      const f = r.stderr.trim().split(') ').at(-1)!.split(' ');
      cpu.push((Number(f[13]) + Number(f[14])) * 10);
    }
    return { ms: median(ms), cpu: median(cpu), all: ms.map((x) => x.toFixed(0)).join(', ') };
  })();
  const plain = time([bin, ...text], { INNERCHORD_SNAPSHOT: '0' });
  const viaTsx = time([createRequire(import.meta.url).resolve('tsx/cli'), path.join(ROOT, 'cli', 'main.ts'), ...text]);
  const line = (label: string, r: typeof fast) => `  ${label} ${r.ms.toFixed(0)} ms wall (${r.all}), ${r.cpu} ms CPU — target ≤ 300 ms: ${r.ms <= 300 ? 'MET' : 'NOT MET'}`;
  console.log(`innerchord interpret, median of 5 (load average ${loadAverage()}):`);
  if (hasSnapshot) console.log(line('`innerchord` (bin/innerchord, sh → the start-up snapshot)', command));
  console.log(line(hasSnapshot ? 'node bin/innerchord.js (→ the start-up snapshot)' : 'bundled CLI (no start-up snapshot for this node)', fast));
  if (hasSnapshot) console.log(line('plain bundle (INNERCHORD_SNAPSHOT=0)', plain));
  console.log(`  through tsx ${viaTsx.ms.toFixed(0)} ms wall; bare node ${bare.ms.toFixed(0)} ms wall, ${bare.cpu} ms CPU`);
  if (bareNoCerts) console.log(`  (NODE_EXTRA_CA_CERTS is set: bare node without it ${bareNoCerts.ms.toFixed(0)} ms wall, ${bareNoCerts.cpu} ms CPU)`);
}

/** `npm start` (scripts/start.mjs) on a built checkout and an existing journal: 5 runs to /api/health 200 (target ≤ 5 s). */
async function npmStartTimes(dataDir: string): Promise<void> {
  const env = { INNERCHORD_DATA_DIR: dataDir, DATABASE_URL: '' };
  await measure(env, ['scripts/start.mjs']); // the first run builds whatever is stale
  const runs: Awaited<ReturnType<typeof measure>>[] = [];
  for (let i = 0; i < 5; i++) runs.push(await measure(env, ['scripts/start.mjs']));
  const ready = runs.map((r) => r.readyMs);
  const ok = median(ready) <= 5000;
  console.log(`npm start on a built checkout, existing PGlite journal, 5 runs (load average ${loadAverage()}):`);
  console.log(`  ready (health 200) median ${median(ready).toFixed(0)} ms (${ready.map((x) => x.toFixed(0)).join(', ')}), CPU to ready ${median(runs.map((r) => r.cpuMs)).toFixed(0)} ms — target ≤ 5 s: ${ok ? 'MET' : 'NOT MET'}`);
}

export async function run(): Promise<void> {
  // BENCH_STARTUP=targets: only the two issue #17 targets (npm start, interpret), not the journal table.
  if (process.env['BENCH_STARTUP'] === 'targets') {
    const dir = mkdtempSync(path.join(tmpdir(), 'innerchord-startup-'));
    try {
      await npmStartTimes(path.join(dir, 'data'));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    await cliTimes();
    return;
  }
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
    await npmStartTimes(path.join(dir, 'b'));
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
