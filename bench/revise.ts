/**
 * Revision cost: the claim check (measured diff of two sketches + the reply built from it) against a
 * sketch turn, and a whole revise turn through the HTTP route on the embedded journal. Target: the
 * claim check costs ≤ 10 % of a sketch turn.
 */
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { openDatabase } from '../db/client.ts';
import { generateSketch } from '../music/generate.ts';
import { createApp } from '../server/app.ts';
import { loadConfig } from '../server/config.ts';
import { interpretOffline, reviseOffline } from '../server/interpret/index.ts';
import { createLogger } from '../server/log.ts';
import { checkedRevisionReply } from '../server/turns/revision-reply.ts';
import { SCOPED_CASES } from '../eval/scoped-cases.ts';

const pct = (xs: number[], q: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))]!;
const line = (name: string, xs: number[]) => console.log(`${name.padEnd(34)} p50 ${pct(xs, 0.5).toFixed(2)} ms   p99 ${pct(xs, 0.99).toFixed(2)} ms   (${xs.length})`);

async function timed(n: number, call: (i: number) => unknown | Promise<unknown>): Promise<number[]> {
  for (let i = 0; i < Math.min(20, n); i++) await call(i);
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    await call(i);
    out.push(performance.now() - t);
  }
  return out;
}

const ANSWERS = ["It's about the quiet after the move.", 'Tender and a little hopeful', "You're not alone", 'Boxes in the hallway', 'For my sister', 'skip', 'yes'];

/** Print the claim check's cost, a revise turn's cost, and the share of a sketch turn the check takes. */
export async function run(): Promise<void> {
  const start = interpretOffline('a warm, hopeful song for my sister, with a bridge').params;
  const pairs = SCOPED_CASES.map((c) => {
    const next = reviseOffline(start, c.request).params;
    return { before: { params: start, sketch: generateSketch(start, 7) }, after: { number: 2, params: next, sketch: generateSketch(next, 7) } };
  });
  const check = await timed(300, (i) => { const p = pairs[i % pairs.length]!; return checkedRevisionReply(p.before, p.after); });
  line('claim check (diff + reply)', check);
  line('reviseOffline (scoped requests)', await timed(1000, (i) => reviseOffline(start, SCOPED_CASES[i % SCOPED_CASES.length]!.request)));

  const db = await openDatabase();
  try {
    const app = createApp({ db, config: loadConfig({ INNERCHORD_OFFLINE: '1', INNERCHORD_LOG: 'silent' }), log: createLogger('silent') });
    const turn = async (id: string, text: string) => {
      const res = await app.request(`/api/songs/${id}/turns`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ text }) });
      if (!res.ok) throw new Error(`turn failed: ${res.status} ${await res.text()}`);
      return res.json();
    };
    const newSong = async () => ((await (await app.request('/api/songs', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' })).json()) as { id: string }).id;
    // A sketch turn: the last answer ("yes") makes the first version.
    const sketchTurns: number[] = [];
    const songs: string[] = [];
    for (let s = 0; s < 40; s++) {
      const id = await newSong();
      for (const a of ANSWERS.slice(0, -1)) await turn(id, a);
      const t = performance.now();
      await turn(id, ANSWERS.at(-1)!);
      if (s >= 5) sketchTurns.push(performance.now() - t);
      songs.push(id);
    }
    line('sketch turn (HTTP, PGlite)', sketchTurns);
    const revise = await timed(200, (i) => turn(songs[i % songs.length]!, SCOPED_CASES[i % SCOPED_CASES.length]!.request));
    line('revise turn (HTTP, PGlite)', revise);
    const share = pct(check, 0.5) / pct(sketchTurns, 0.5);
    console.log(`claim check / sketch turn (p50):   ${(share * 100).toFixed(1)} %  (target ≤ 10 %)`);
  } finally {
    await db.close();
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) await run();
