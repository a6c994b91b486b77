/**
 * The crisis detector: recall and false alarms on both corpora (the first English one in
 * server/safety/corpus.json, the four-language eval set in eval/safety), and what it costs a turn —
 * p50 / p99 / max per message over every corpus line and over long messages, plus the one-off
 * compile of the language packs. Printed, never asserted (the tests hold the floor).
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { detectCrisis, loadPacks } from '../server/safety/index.ts';
import { figures, loadCorpora, runCorpora } from '../eval/safety/score.ts';

const Corpus = z.object({ crisis: z.array(z.string()), ordinary: z.array(z.string()) });
const pct = (x: number) => `${(100 * x).toFixed(1)}%`;

function percentiles(samples: number[]) {
  const s = [...samples].sort((a, b) => a - b);
  const at = (q: number) => s[Math.min(s.length - 1, Math.floor(q * s.length))]!;
  return `p50 ${at(0.5).toFixed(3)} ms, p99 ${at(0.99).toFixed(3)} ms, max ${s.at(-1)!.toFixed(3)} ms`;
}

/** Print recall, false alarms and detection time. */
export async function run(): Promise<void> {
  const t0 = performance.now();
  loadPacks();
  console.log(`language packs compiled once in ${(performance.now() - t0).toFixed(0)} ms`);
  const first = Corpus.parse(JSON.parse(readFileSync(new URL('../server/safety/corpus.json', import.meta.url), 'utf8')));
  const missed = first.crisis.filter((l) => !detectCrisis(l).crisis).length;
  const alarms = first.ordinary.filter((l) => detectCrisis(l).crisis).length;
  console.log(`first corpus: recall ${pct(1 - missed / first.crisis.length)} of ${first.crisis.length}, false alarms ${pct(alarms / first.ordinary.length)} of ${first.ordinary.length}`);
  const corpora = loadCorpora();
  const f = figures(runCorpora(corpora, detectCrisis));
  console.log(`eval set: recall ${pct(f.recall)} of ${f.crisisLines}, false alarms ${pct(f.falseAlarms)} of ${f.idiomLines} (npm run eval safety for the table)`);

  const lines = [...first.crisis, ...first.ordinary, ...corpora.flatMap((c) => [...Object.values(c.crisis).flat(), ...c.idiom])];
  // The first pass warms the JIT and the per-word caches, as the first turns after start-up do.
  const cold = performance.now();
  for (const line of lines) detectCrisis(line);
  console.log(`first pass over ${lines.length} lines (cold): ${(performance.now() - cold).toFixed(0)} ms`);
  const samples: number[] = [];
  for (let round = 0; round < 20; round++) {
    for (const line of lines) {
      const start = performance.now();
      detectCrisis(line);
      samples.push(performance.now() - start);
    }
  }
  console.log(`per message (${lines.length} lines × 20): ${percentiles(samples)}`);
  // A long message: a pasted lyric sheet of ~2,000 characters (the turn limit is larger; this is the usual worst case).
  const long = Array.from({ length: 25 }, (_, i) => lines[(i * 7) % lines.length]).join('. ').slice(0, 2000);
  const longSamples = Array.from({ length: 200 }, () => {
    const start = performance.now();
    detectCrisis(long);
    return performance.now() - start;
  });
  console.log(`per 2,000-character message: ${percentiles(longSamples)}`);
}

if (import.meta.url === `file://${process.argv[1]}`) await run();
