/**
 * The crisis detector on its corpus (server/safety/corpus.json): recall on crisis lines, false
 * positives on ordinary songwriting talk, and the lines it gets wrong. Printed, never asserted here
 * (server/safety/safety.test.ts holds the 100% / 0 floor).
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { detectCrisis } from '../server/safety/index.ts';

const Corpus = z.object({ crisis: z.array(z.string()), ordinary: z.array(z.string()) });

const pct = (n: number, of: number) => `${((100 * n) / Math.max(1, of)).toFixed(1)}% (${n}/${of})`;

/** Print recall, false-positive rate and detection speed over the corpus. */
export async function run(): Promise<void> {
  const corpus = Corpus.parse(JSON.parse(readFileSync(new URL('../server/safety/corpus.json', import.meta.url), 'utf8')));
  const missed = corpus.crisis.filter((line) => !detectCrisis(line).crisis);
  const alarms = corpus.ordinary.filter((line) => detectCrisis(line).crisis);
  console.log(`safety corpus: ${corpus.crisis.length} crisis lines, ${corpus.ordinary.length} ordinary lines`);
  console.log(`recall: ${pct(corpus.crisis.length - missed.length, corpus.crisis.length)}`);
  console.log(`false-positive rate: ${pct(alarms.length, corpus.ordinary.length)}`);
  for (const line of missed) console.log(`  missed: ${JSON.stringify(line)}`);
  for (const line of alarms) console.log(`  false alarm: ${JSON.stringify(line)}`);
  const lines = [...corpus.crisis, ...corpus.ordinary];
  const rounds = 200;
  const start = performance.now();
  for (let i = 0; i < rounds; i++) for (const line of lines) detectCrisis(line);
  const perLine = ((performance.now() - start) * 1000) / (rounds * lines.length);
  console.log(`detection time: ${perLine.toFixed(1)} µs per line`);
}

if (import.meta.url === `file://${process.argv[1]}`) await run();
