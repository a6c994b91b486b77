/**
 * The entry of the CLI's start-up snapshot (built by scripts/snapshot.mjs, started by
 * bin/innerchord.js). Building it loads the offline interpreter and answers a few warm-up texts,
 * so wink's model, the four stemmed lexicons, the word-frequency lists, zod's schemas and tonal's
 * tables are all in the heap V8 saves; `interpret` started from the snapshot only answers.
 *
 * It answers `interpret` alone, and only offline. Anything else (another command, an LLM
 * configured, bad arguments, any error) exits with HANDOFF before writing a byte, and
 * bin/innerchord.js runs the plain CLI, which answers or words the error exactly as always.
 */
import { readFileSync } from 'node:fs';
import v8 from 'node:v8';
import { interpretOffline } from '../server/interpret/index.ts';
import { forgetStems } from '../server/interpret/lexicon-stem.ts';
import { forgetWordLists } from '../server/interpret/lexicon-vocabulary.ts';
import { llmConfig, run } from './interpret.ts';
import { parseArgs, type CliIO } from './io.ts';
import warmup from './snapshot-warmup.json' with { type: 'json' };

/** "Not mine: run the plain CLI" (EX_TEMPFAIL); bin/innerchord.js reads the same number from scripts/snapshot-start.cjs. */
export const HANDOFF = 75;

/** `argv` as `innerchord …` would answer it, or HANDOFF; output is held back until the answer is whole. */
export async function answer(argv: string[], io: CliIO): Promise<number> {
  const [name, ...args] = argv;
  if (name !== 'interpret') return HANDOFF;
  let out = '';
  let err = '';
  try {
    if (llmConfig(parseArgs(args, ['offline']).flags.offline === true, io)) return HANDOFF;
    await run(args, { ...io, stdout: (s) => void (out += s), stderr: (s) => void (err += s) });
  } catch {
    return HANDOFF;
  }
  if (err) io.stderr(err);
  io.stdout(out);
  return 0;
}

const processIO = (): CliIO => ({
  stdout: (s) => process.stdout.write(s),
  stderr: (s) => process.stderr.write(s),
  env: process.env,
  cwd: process.cwd(),
});

/**
 * INNERCHORD_SNAPSHOT_BATCH=1: argument lists as a JSON array on stdin, `{ code, stdout }` for each
 * as a JSON array on stdout. One start for many answers, so a test can hold the snapshot's
 * answers against the in-process CLI over a whole evaluation set.
 */
async function batch(): Promise<void> {
  const results: { code: number; stdout: string }[] = [];
  for (const argv of JSON.parse(readFileSync(0, 'utf8')) as string[][]) {
    let stdout = '';
    const code = await answer(argv, { ...processIO(), stdout: (s) => void (stdout += s), stderr: () => undefined });
    results.push({ code, stdout });
  }
  process.stdout.write(JSON.stringify(results));
}

// Only while the snapshot is built (importing this module elsewhere, as a test of the compiled
// tree does, changes nothing): load everything a first answer reads — lexicons and word lists
// are read on first use — in each language, and name what a start from the snapshot runs.
if (v8.startupSnapshot.isBuildingSnapshot()) {
  for (const text of warmup.texts) interpretOffline(text);
  // The command's own steps too (arguments, the environment's config, the JSON written), so a
  // start compiles none of them; with no environment, as no configuration may be kept from here.
  void answer(['interpret', warmup.texts[0]!], { stdout: () => undefined, stderr: () => undefined, env: {}, cwd: process.cwd() });
  forgetStems();
  forgetWordLists();
  v8.startupSnapshot.setDeserializeMainFunction(async () => {
    // Started as `node --snapshot-blob … interpret …`: argv[1] is the first word after the flags.
    process.exitCode = process.env.INNERCHORD_SNAPSHOT_BATCH === '1' ? (await batch(), 0) : await answer(process.argv.slice(1), processIO());
  });
}
