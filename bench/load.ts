/**
 * npm run bench:load — simulated musicians over real HTTP on loopback. Each session creates a song,
 * answers the offline guide's six questions, confirms the intention (first sketch) and asks for a
 * revision: 8 turns. Run at 1, 30 and 100 concurrent sessions against the real server in its own
 * process on the embedded journal (PGlite in a temp directory, as `npm start` uses it) and on PostgreSQL (a scratch database, when
 * TEST_DATABASE_URL or DATABASE_URL is set). Prints p50/p99/max per request type, throughput and
 * errors. Bounded: every request times out after 30 s and every run after LOAD_RUN_LIMIT_MS.
 *
 * A session pauses 1–3 s between turns (LOAD_THINK_MS="1000-3000"), as a musician reads the reply
 * and types: that is the load the 30-session target is about. One extra run at 30 sessions with no
 * pause at all measures saturation: the most turns per second the server can take.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServerProcess } from '../test/hardening/server-process.ts';
import { createScratchDatabase } from '../test/support/postgres.ts';
import { ANSWERS, REVISIONS } from './conversation.ts';
import { cpuSince, sampleCpu, type CpuSample } from './server-cpu.ts';

const KINDS = ['create', 'ask', 'sketch', 'revise'] as const;
type Kind = (typeof KINDS)[number];

const CONCURRENCY = (process.env.LOAD_SESSIONS ?? '1,30,100').split(',').filter(Boolean).map(Number);
const RUN_LIMIT_MS = Number(process.env.LOAD_RUN_LIMIT_MS ?? 120_000);
const REQUEST_TIMEOUT_MS = 30_000;
/** Sessions run one after another to measure the server's CPU per request (0: skip). */
const CPU_SESSIONS = Number(process.env.LOAD_CPU_SESSIONS ?? 5);
const PROBE = new URL('./server-probe.mjs', import.meta.url).href;
/** The target the 30-musician row is read against (issue #20). */
const P99_TARGET_MS = 100;
const [THINK_MIN, THINK_MAX] = (process.env.LOAD_THINK_MS ?? '1000-3000').split('-').map(Number) as [number, number];

interface Pause {
  min: number;
  max: number;
}
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface Tally {
  ms: Record<Kind, number[]>;
  errors: string[];
  turns: number;
  /** When set (one session at a time), the server's CPU per request, by kind. */
  cpu?: { pid: number; ms: Record<Kind, CpuSample[]> };
}

const newTally = (): Tally => ({ ms: { create: [], ask: [], sketch: [], revise: [] }, errors: [], turns: 0 });

/** The server's CPU since `before`, billed to `kind` (only when the tally counts CPU). */
function billCpu(tally: Tally, kind: Kind, before: CpuSample | null): void {
  const after = tally.cpu && before ? sampleCpu(tally.cpu.pid) : null;
  if (tally.cpu && before && after) tally.cpu.ms[kind].push(cpuSince(before, after));
}

async function timed(tally: Tally, kind: Kind, url: string, body: unknown, expect: number, check: (json: Record<string, unknown>) => string | null): Promise<Record<string, unknown> | null> {
  const start = performance.now();
  const cpu = tally.cpu ? sampleCpu(tally.cpu.pid) : null;
  try {
    const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body), signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) });
    const json = (await res.json()) as Record<string, unknown>;
    tally.ms[kind].push(performance.now() - start);
    billCpu(tally, kind, cpu);
    if (res.status !== expect) tally.errors.push(`${kind}: HTTP ${res.status} ${JSON.stringify(json).slice(0, 120)}`);
    else {
      const wrong = check(json);
      if (wrong) tally.errors.push(`${kind}: ${wrong}`);
      else return json;
    }
  } catch (error) {
    tally.errors.push(`${kind}: ${error instanceof Error ? error.message : String(error)}`);
  }
  return null;
}

/** A turn, timed under the kind `check` settles once the answer is read (ask → sketch when a version came). */
async function timedTurn(tally: Tally, url: string, text: string, check: (hasVersion: boolean) => string | null, kindOf: () => Kind): Promise<boolean> {
  const start = performance.now();
  const cpu = tally.cpu ? sampleCpu(tally.cpu.pid) : null;
  try {
    const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ text }), signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) });
    const json = (await res.json()) as Record<string, unknown>;
    const ms = performance.now() - start;
    const wrong = res.status !== 200 ? `HTTP ${res.status} ${JSON.stringify(json).slice(0, 120)}` : check(json['version'] !== null && typeof json['version'] === 'object');
    tally.ms[kindOf()].push(ms);
    billCpu(tally, kindOf(), cpu);
    if (!wrong) return true;
    tally.errors.push(`${kindOf()}: ${wrong}`);
  } catch (error) {
    tally.errors.push(`${kindOf()}: ${error instanceof Error ? error.message : String(error)}`);
  }
  return false;
}

/** One musician's whole session; stops at its first error (later turns would be meaningless). */
async function session(base: string, tally: Tally, deadline: number, pause: Pause): Promise<void> {
  // Sessions start spread over one pause, as people arrive, not all in the same millisecond.
  await sleep(Math.random() * pause.max);
  const song = await timed(tally, 'create', `${base}/api/songs`, { title: 'Load song' }, 201, (j) => (typeof j['id'] === 'string' ? null : 'no id'));
  if (!song) return;
  let sketched = false;
  // The adaptive guide may sketch before every answer is used (it proposes the intention as soon as
  // it has heard enough), so the answers are sent until a version arrives — that turn counts as the
  // sketch — and then the revisions follow.
  const steps = [...ANSWERS.map((text) => ({ text, answer: true })), ...REVISIONS.map((text) => ({ text, answer: false }))];
  for (const step of steps) {
    if (step.answer && sketched) continue;
    if (!step.answer && !sketched) return void tally.errors.push('no sketch after every answer');
    await sleep(pause.min + Math.random() * (pause.max - pause.min));
    if (Date.now() > deadline) return void tally.errors.push('run time limit reached');
    // Before the first sketch a turn is timed as "ask" or, when it brings the first version, "sketch".
    let kind: Kind = step.answer ? 'ask' : 'revise';
    const made = await timedTurn(tally, `${base}/api/songs/${song['id'] as string}/turns`, step.text, (hasVersion) => {
      if (step.answer && hasVersion) kind = 'sketch';
      return !step.answer && !hasVersion ? 'expected a version' : null;
    }, () => kind);
    if (!made) return;
    if ((kind as Kind) === 'sketch') sketched = true; // set inside the check above
    tally.turns++;
  }
}

const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;

/**
 * The real server (`server/main.ts`, offline guide) in its own process, as `npm start` runs it: the
 * simulated musicians' HTTP clients then do not share the server's event loop or bill it their time.
 */
async function startServer(journal: Record<string, string>): Promise<{ base: string; pid: number; close: () => Promise<void> }> {
  // LOAD_ENGINE_THREADS compares sketches in worker threads (the default) with the request thread (0).
  const threads = process.env.LOAD_ENGINE_THREADS;
  // LOAD_PROBE_DIR: the server writes a CPU profile and its event-loop delay there (server-probe.mjs).
  const probe = process.env.LOAD_PROBE_DIR;
  const server = await startServerProcess({
    ...journal,
    ...(threads ? { INNERCHORD_ENGINE_THREADS: threads } : {}),
    // LOAD_JOURNAL_THREAD=0 compares the embedded journal on the request thread with its own thread.
    ...(process.env.LOAD_JOURNAL_THREAD ? { INNERCHORD_JOURNAL_THREAD: process.env.LOAD_JOURNAL_THREAD } : {}),
    ...(probe ? { NODE_OPTIONS: `--import ${PROBE}`, LOAD_PROBE_DIR: path.resolve(probe), LOAD_PROBE_PROFILE: process.env.LOAD_PROBE_PROFILE ?? '1' } : {}),
  });
  return {
    base: server.url,
    pid: server.child.pid!,
    close: async () => {
      const code = await server.stop();
      if (code !== 0) console.log(`  server exited with ${code}: ${server.stderr().slice(0, 300)}`);
    },
  };
}

/** Run `sessions` concurrent sessions against a fresh server on `journal`; print one table block. */
async function measure(label: string, journal: Record<string, string>, sessions: number, pause: Pause): Promise<void> {
  const { base, close } = await startServer(journal);
  // One warm-up session so JIT and first-query costs are not billed to the measured run.
  await session(base, newTally(), Date.now() + RUN_LIMIT_MS, { min: 0, max: 0 });
  const tally = newTally();
  const start = performance.now();
  await Promise.all(Array.from({ length: sessions }, () => session(base, tally, Date.now() + RUN_LIMIT_MS, pause)));
  const seconds = (performance.now() - start) / 1000;
  await close();
  const allTurns = [...tally.ms.ask, ...tally.ms.sketch, ...tally.ms.revise].sort((a, b) => a - b);
  const row = (name: string, ms: number[]) => {
    const s = [...ms].sort((a, b) => a - b);
    return `| ${label} | ${sessions}${pause.max ? '' : ' (no pause)'} | ${name} | ${s.length} | ${pct(s, 50).toFixed(1)} | ${pct(s, 99).toFixed(1)} | ${(s.at(-1) ?? NaN).toFixed(1)} |`;
  };
  for (const kind of KINDS) console.log(row(kind, tally.ms[kind]));
  const anyP99 = pct(allTurns, 99);
  const verdict = sessions === 30 && pause.max ? ` (target ≤ ${P99_TARGET_MS} ms: ${anyP99 <= P99_TARGET_MS ? 'met' : '**not met**'})` : '';
  console.log(row('**any turn**', allTurns).replace(/ \|$/, `${verdict} |`));
  const saturation = pause.max ? '' : ' (saturation)';
  console.log(`| ${label} | ${sessions}${pause.max ? '' : ' (no pause)'} | → ${(tally.turns / seconds).toFixed(1)} turns/s${saturation} over ${seconds.toFixed(1)} s | errors: ${tally.errors.length} | load average ${loadavg().map((l) => l.toFixed(1)).join(' ')} | | |`);
  for (const e of [...new Set(tally.errors)].slice(0, 5)) console.log(`  error: ${e}`);
}

/**
 * The server's CPU per request kind, one session at a time with no pause (so every tick of CPU
 * belongs to the request being timed): ms on the request thread and on other threads, mean per
 * request. Unlike latency, this does not grow when other programs load the machine.
 */
async function measureCpu(label: string, journal: Record<string, string>, sessions: number): Promise<void> {
  const { base, pid, close } = await startServer(journal);
  await session(base, newTally(), Date.now() + RUN_LIMIT_MS, { min: 0, max: 0 });
  const tally: Tally = { ...newTally(), cpu: { pid, ms: { create: [], ask: [], sketch: [], revise: [] } } };
  for (let i = 0; i < sessions; i++) await session(base, tally, Date.now() + RUN_LIMIT_MS, { min: 0, max: 0 });
  await close();
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);
  for (const kind of KINDS) {
    const samples = tally.cpu!.ms[kind];
    if (!samples.length) continue;
    const main = mean(samples.map((c) => c.main));
    const other = mean(samples.map((c) => c.other));
    console.log(`| ${label} | ${kind} | ${samples.length} | ${main.toFixed(1)} | ${other.toFixed(1)} | ${mean(tally.ms[kind]).toFixed(1)} |`);
  }
  for (const e of [...new Set(tally.errors)].slice(0, 5)) console.log(`  error: ${e}`);
}

/** The runs for one backend: each concurrency level with pauses, then 30 sessions flat out. */
const LEVELS: { sessions: number; pause: Pause }[] = [
  ...CONCURRENCY.map((sessions) => ({ sessions, pause: { min: THINK_MIN, max: THINK_MAX } })),
  ...(process.env.LOAD_SATURATION === '0' ? [] : [{ sessions: 30, pause: { min: 0, max: 0 } }]),
];

/** A journal to measure on: its label and a fresh one per run (dropped after). */
interface Backend {
  label: string;
  fresh: () => Promise<{ env: Record<string, string>; drop: () => Promise<void> }>;
}

function backends(dir: string): Backend[] {
  const only = (process.env.LOAD_JOURNALS ?? 'pglite,postgres').split(',');
  const pgUrl = process.env.TEST_DATABASE_URL || process.env.DATABASE_URL;
  let run = 0;
  const list: Backend[] = [];
  // A fresh journal per run so earlier songs do not slow the later lists.
  if (only.includes('pglite')) list.push({ label: 'PGlite (disk)', fresh: async () => ({ env: { INNERCHORD_DATA_DIR: path.join(dir, `run${run++}`) }, drop: async () => {} }) });
  if (only.includes('postgres') && pgUrl) {
    list.push({
      label: 'PostgreSQL',
      fresh: async () => {
        const scratch = await createScratchDatabase(pgUrl);
        return { env: { DATABASE_URL: scratch.url }, drop: () => scratch.drop() };
      },
    });
  } else if (only.includes('postgres')) console.log('PostgreSQL skipped: set TEST_DATABASE_URL=postgres://user@host:5432/db');
  return list;
}

async function withJournal(backend: Backend, work: (env: Record<string, string>) => Promise<void>): Promise<void> {
  const journal = await backend.fresh();
  try {
    await work(journal.env);
  } finally {
    await journal.drop();
  }
}

/** Print the load table for every backend and concurrency level, then the CPU table. */
export async function run(): Promise<void> {
  const dir = mkdtempSync(path.join(tmpdir(), 'innerchord-load-'));
  try {
    const list = backends(dir);
    console.log(`Pause between turns: ${THINK_MIN}–${THINK_MAX} ms; "no pause" rows measure saturation.`);
    console.log(`Target: any turn p99 ≤ ${P99_TARGET_MS} ms at 30 musicians.`);
    console.log('| journal | sessions | request | n | p50 ms | p99 ms | max ms |');
    console.log('|---|---:|---|---:|---:|---:|---:|');
    for (const backend of list) for (const level of LEVELS) await withJournal(backend, (env) => measure(backend.label, env, level.sessions, level.pause));
    if (!CPU_SESSIONS) return;
    console.log(`\nServer CPU per request, ${CPU_SESSIONS} sessions one after another (mean ms; "other threads" are the engine's workers and helpers):`);
    console.log('| journal | request | n | request thread ms | other threads ms | wall ms |');
    console.log('|---|---|---:|---:|---:|---:|');
    for (const backend of list) await withJournal(backend, (env) => measureCpu(backend.label, env, CPU_SESSIONS));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) await run();
