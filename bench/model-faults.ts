/**
 * npm run bench -- model-faults — what a misbehaving model does to the real server (its own process,
 * PGlite in a temp dir), with a stand-in OpenAI-compatible server over real HTTP in this process:
 *
 * 1. A model that streams 5 MB for every reply (and sends 5 MB bodies for JSON requests): GET
 *    /api/health is polled every 50 ms throughout a conversation with a sketch; the slowest answer
 *    is printed (target < 1 s), with each turn's time and its fallback notice.
 * 2. A model that never answers, INNERCHORD_LLM_TIMEOUT_MS = 2000: every kind of turn (ask, sketch,
 *    a turn that folds the summary, revise) is timed; target: each within 1.5 × the timeout.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startServerProcess, type ServerProcess } from '../test/hardening/server-process.ts';
import { defaultReply, startFakeLlm, type FakeLlm } from '../test/support/fake-llm.ts';
import { ANSWERS, REVISIONS } from './conversation.ts';

const TIMEOUT_MS = 2000;
// The answers until a sketch, then two scoped revisions.
const CONVERSATION = [...ANSWERS, ...REVISIONS];

/** Turns before measuring: the first sketch and revision of a fresh server load the engine's worker. */
const WARM_UP = ['just make something sad in D minor', 'slower please'];

interface Turn {
  text: string;
  ms: number;
  status: number;
  version: boolean;
  fallback: string | null;
}

/** POST JSON; a 429 from the turn limiter is waited out as its Retry-After says (that wait is not timed). */
async function json(url: string, body: unknown): Promise<{ status: number; body: Record<string, unknown>; ms: number }> {
  for (;;) {
    const start = performance.now();
    const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body), signal: AbortSignal.timeout(120_000) });
    const parsed = (await res.json()) as Record<string, unknown>;
    const ms = performance.now() - start;
    if (res.status !== 429) return { status: res.status, body: parsed, ms };
    await new Promise((resolve) => setTimeout(resolve, Number(res.headers.get('retry-after') ?? 1) * 1000));
  }
}

async function conversation(server: ServerProcess, texts: string[]): Promise<Turn[]> {
  const song = await json(`${server.url}/api/songs`, { title: 'bench' });
  const id = song.body['id'] as string;
  const turns: Turn[] = [];
  for (const text of texts) {
    const r = await json(`${server.url}/api/songs/${id}/turns`, { text });
    turns.push({ text, ms: r.ms, status: r.status, version: Boolean(r.body['version']), fallback: (r.body['fallback'] as string | null) ?? null });
  }
  return turns;
}

/** Poll /api/health every 50 ms until `stop()`; returns every latency seen. */
function pollHealth(url: string) {
  const seen: number[] = [];
  let running = true;
  const done = (async () => {
    while (running) {
      const start = performance.now();
      await fetch(`${url}/api/health`, { signal: AbortSignal.timeout(60_000) }).then((r) => r.arrayBuffer());
      seen.push(performance.now() - start);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  })();
  return {
    async stop() {
      running = false;
      await done;
      return seen;
    },
  };
}

async function withServer<T>(llm: FakeLlm, dir: string, work: (server: ServerProcess) => Promise<T>): Promise<T> {
  const server = await startServerProcess({
    INNERCHORD_OFFLINE: '',
    INNERCHORD_DATA_DIR: dir,
    OPENAI_BASE_URL: llm.url,
    OPENAI_API_KEY: 'bench',
    OPENAI_MODEL: 'fake-model',
    INNERCHORD_LLM_TIMEOUT_MS: String(TIMEOUT_MS),
  });
  try {
    return await work(server);
  } finally {
    await server.stop();
  }
}

const row = (t: Turn) => `| ${t.text.slice(0, 40)} | ${t.status} | ${t.version ? 'yes' : ''} | ${t.ms.toFixed(0)} | ${t.fallback ?? '—'} |`;

export async function run(): Promise<void> {
  const dir = mkdtempSync(path.join(tmpdir(), 'innerchord-model-faults-'));
  try {
    // Well-behaved until `flooding`: a warm-up conversation loads every lazy module first, and a
    // baseline with short replies shows what health costs without a runaway model.
    let flooding = false;
    const flood = await startFakeLlm({ defaultReply: (req, i) => (flooding ? { kind: 'flood', chars: 5_000_000, piece: 256 } : defaultReply(req, i)) });
    try {
      await withServer(flood, path.join(dir, 'flood'), async (server) => {
        await conversation(server, WARM_UP);
        const summary = (label: string, seen: number[]) => {
          const sorted = [...seen].sort((a, b) => a - b);
          console.log(`/api/health ${label}: ${seen.length} polls, p50 ${sorted[Math.floor(sorted.length / 2)]!.toFixed(1)} ms, max ${sorted.at(-1)!.toFixed(1)} ms (target < 1000 ms)`);
        };
        let health = pollHealth(server.url);
        await conversation(server, CONVERSATION);
        const baseline = await health.stop();
        flooding = true;
        health = pollHealth(server.url);
        const turns = await conversation(server, CONVERSATION);
        const seen = await health.stop();
        console.log('\nA model streaming 5 MB per reply (5 MB bodies for JSON), after a warm-up conversation:');
        console.log('| turn | status | version | ms | fallback |\n|---|---|---|---|---|');
        for (const t of turns) console.log(row(t));
        summary('with short replies (baseline)', baseline);
        summary('while the model floods', seen);
      });
    } finally {
      await flood.close();
    }

    let hanging = false;
    const hang = await startFakeLlm({ defaultReply: (req, i) => (hanging ? { kind: 'hang' } : defaultReply(req, i)) });
    try {
      await withServer(hang, path.join(dir, 'hang'), async (server) => {
        // The first sketch of a fresh server also starts the engine's worker: warm up as a musician would have.
        await conversation(server, WARM_UP);
        hanging = true;
        hang.requests.length = 0;
        const turns = [...(await conversation(server, ['just make something sad in D minor', 'slower please'])), ...(await conversation(server, CONVERSATION))];
        console.log(`\nA model that never answers, INNERCHORD_LLM_TIMEOUT_MS=${TIMEOUT_MS}:`);
        console.log('| turn | status | version | ms | fallback |\n|---|---|---|---|---|');
        for (const t of turns) console.log(row(t));
        const worst = Math.max(...turns.map((t) => t.ms));
        console.log(`slowest turn ${worst.toFixed(0)} ms = ${(worst / TIMEOUT_MS).toFixed(2)} × the timeout (target ≤ 1.5 ×); model requests sent: ${hang.requests.length} for ${turns.length} turns`);
      });
    } finally {
      await hang.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await run();
