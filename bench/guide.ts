/**
 * Guide benchmark: (1) tokens sent per turn over a long scripted iteration against the fake
 * OpenAI-compatible server — the actual prompts the turn route sends, turn 5 vs turn 50 (target
 * ≤ 1.5×); (2) offline turn latency through the HTTP route over an in-memory PGlite.
 */
import { openDatabase } from '../db/client.ts';
import { createApp } from '../server/app.ts';
import { loadConfig } from '../server/config.ts';
import { messageRows } from '../server/journal/index.ts';
import { createLogger } from '../server/log.ts';
import { startFakeLlm } from '../test/support/fake-llm.ts';

const REQUESTS = ['a little slower', 'brighter in the chorus', 'more space in the verse', 'add a bridge', 'warmer sound', 'softer at the end'];
const ANSWERS = [
  "It's about the quiet after the move.",
  'Tender and a little hopeful, a tight chest',
  "You're not alone",
  'Boxes in the hallway, rain on the window',
  'For my sister',
  'skip',
  'yes',
];

type App = ReturnType<typeof createApp>;

async function turn(app: App, id: string, text: string): Promise<void> {
  const res = await app.request(`/api/songs/${id}/turns`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ text }) });
  if (res.status !== 200) throw new Error(`turn answered ${res.status}: ${await res.text()}`);
  await res.arrayBuffer();
}

async function newSong(app: App): Promise<string> {
  const res = await app.request('/api/songs', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
  return ((await res.json()) as { id: string }).id;
}

/** The guided conversation (questions, intention, first sketch), then revision requests. */
const script = (n: number) => Array.from({ length: n }, (_, i) => ANSWERS[i] ?? REQUESTS[(i - ANSWERS.length) % REQUESTS.length]!);
/** A long iteration: a first sketch at once, then only revision requests — every turn sends the same kinds of prompt. */
const iteration = (n: number) => ['just make something tender about the quiet after the move, for my sister', ...Array.from({ length: n - 1 }, (_, i) => REQUESTS[i % REQUESTS.length]!)];
const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))]!;

/** Print the figures. */
export async function run(): Promise<void> {
  const db = await openDatabase();
  const log = createLogger('silent');
  const llm = await startFakeLlm();
  try {
    // 1. Tokens per turn with a model, measured from the prompts the fake server received.
    const config = loadConfig({ OPENAI_BASE_URL: llm.url, OPENAI_API_KEY: 'bench', OPENAI_MODEL: 'fake-model', INNERCHORD_LOG: 'silent' });
    const app = createApp({ db, config, log });
    const id = await newSong(app);
    const perTurn: number[] = [];
    const guideChars: number[] = [];
    for (const text of iteration(50)) {
      const before = llm.requests.length;
      await turn(app, id, text);
      const sent = llm.requests.slice(before);
      perTurn.push(sent.reduce((n, r) => n + r.promptTokens, 0));
      guideChars.push(sent.filter((r) => r.body.stream).reduce((n, r) => n + r.promptChars, 0));
    }
    const recorded = (await messageRows(db, id)).filter((m) => m.role === 'assistant').map((m) => m.promptTokens ?? 0);
    const t5 = perTurn[4]!;
    const t50 = perTurn[49]!;
    const late = perTurn.slice(10);
    console.log('long iteration: a first sketch, then 49 revision requests (revise prompt + guide prompt each turn)');
    console.log(`prompt tokens sent, turn 5:           ${t5}`);
    console.log(`prompt tokens sent, turn 50:          ${t50}  (${(t50 / t5).toFixed(2)}× turn 5; target ≤ 1.5×)`);
    console.log(`prompt tokens, turns 11–50:           min ${Math.min(...late)}, median ${pct(late, 50)}, max ${Math.max(...late)} (max includes summary folds)`);
    console.log(`guide prompt chars, turn 5 → 50:      ${guideChars[4]} → ${guideChars[49]}`);
    console.log(`recorded promptTokens match sent:     ${recorded.every((n, i) => n === perTurn[i]) ? 'yes' : 'NO'}`);

    // 2. Offline latency per turn (guide questions, intention, first sketch, revisions).
    const offline = createApp({ db, config: loadConfig({ INNERCHORD_OFFLINE: '1', INNERCHORD_LOG: 'silent' }), log });
    const songId = await newSong(offline);
    const ms: number[] = [];
    for (const text of script(40)) {
      const t0 = performance.now();
      await turn(offline, songId, text);
      ms.push(performance.now() - t0);
    }
    const questions = ms.slice(0, 6);
    const sketches = ms.slice(6);
    console.log(`offline turn latency, questions:      median ${pct(questions, 50).toFixed(1)} ms, max ${Math.max(...questions).toFixed(1)} ms`);
    console.log(`offline turn latency, sketch/revise:  median ${pct(sketches, 50).toFixed(1)} ms, p95 ${pct(sketches, 95).toFixed(1)} ms`);
  } finally {
    await llm.close();
    await db.close();
  }
}

if (process.argv[1]?.endsWith('bench/guide.ts')) await run();
