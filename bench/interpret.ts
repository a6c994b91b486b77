/**
 * Offline interpreter latency: interpretOffline and reviseOffline, p50/p99 over 1,000 calls each
 * (after a warm-up), on a rotating mix of the eval fixtures' texts. Also the crisis detector,
 * which runs on every message.
 */
import { performance } from 'node:perf_hooks';
import { REVISIONS, STATEMENTS } from '../eval/fixtures.ts';
import { interpretOffline, reviseOffline } from '../server/interpret/index.ts';
import { detectCrisis } from '../server/safety/index.ts';

const CALLS = 1000;

function percentiles(samples: number[]): { p50: number; p99: number } {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
  return { p50: at(0.5), p99: at(0.99) };
}

function time(name: string, call: (i: number) => unknown): void {
  for (let i = 0; i < 100; i++) call(i);
  const samples: number[] = [];
  for (let i = 0; i < CALLS; i++) {
    const start = performance.now();
    call(i);
    samples.push(performance.now() - start);
  }
  const { p50, p99 } = percentiles(samples);
  console.log(`${name.padEnd(22)} p50 ${p50.toFixed(3)} ms   p99 ${p99.toFixed(3)} ms   (${CALLS} calls)`);
}

/** Print p50/p99 latency of the offline interpreter, reviser and crisis detector. */
export async function run(): Promise<void> {
  const texts = STATEMENTS.map((s) => s.text);
  const long = texts.join('. ');
  const start = interpretOffline('a warm, hopeful song in C major at 96 bpm').params;
  const requests = REVISIONS.map((r) => r.request);
  time('interpretOffline', (i) => interpretOffline(texts[i % texts.length]!));
  time(`interpretOffline ${long.length}ch`, () => interpretOffline(long));
  time('reviseOffline', (i) => reviseOffline(start, requests[i % requests.length]!));
  time('detectCrisis', (i) => detectCrisis(texts[i % texts.length]!));
}

if (process.argv[1]?.endsWith('bench/interpret.ts')) await run();
