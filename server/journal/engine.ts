/**
 * The music engine as the journal uses it. Generation and diffs run in a pool of worker threads
 * (piscina), so a burst of sketch turns does not stall the request thread: /api/health and every
 * other request keep answering while sketches are made. INNERCHORD_ENGINE_THREADS sets the pool's
 * size (default: one fewer than the cores, at least 1); 0 runs the engine on the request thread.
 * Loaded lazily so the journal (messages, songs …) keeps working even while an engine module
 * fails to load; only making or exporting a version needs it.
 */
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import type { Piscina } from 'piscina';
import type { SongParameters } from '../../music/params.ts';
import type { Sketch } from '../../music/sketch.ts';

type Worker = typeof import('./engine-worker.ts');

/** How many worker threads make sketches; 0 → on the request thread. */
export function engineThreads(env: NodeJS.ProcessEnv = process.env): number {
  const set = env['INNERCHORD_ENGINE_THREADS'];
  if (set !== undefined && /^\d+$/.test(set.trim())) return Math.min(16, Number(set));
  // Unit tests run many small apps at once; a worker's cold start there costs more than it saves
  // (engine.test.ts and the load benchmark exercise the pool itself).
  if (env['VITEST']) return 0;
  return Math.max(1, availableParallelism() - 1);
}

let pool: Piscina | null | undefined;

/** The pool, made on first use; null when the engine runs on this thread. */
async function enginePool(): Promise<Piscina | null> {
  if (pool !== undefined) return pool;
  const threads = engineThreads();
  if (threads === 0) return (pool = null);
  // Run from source (tsx, vitest) the worker is TypeScript: engine-worker.mjs registers tsx first.
  const ts = new URL('./engine-worker.mjs', import.meta.url);
  const js = new URL('./engine-worker.js', import.meta.url);
  const compiled = !import.meta.url.endsWith('.ts') && existsSync(fileURLToPath(js));
  const { Piscina } = await import('piscina');
  pool = new Piscina({
    filename: (compiled ? js : ts).href,
    // One worker stays, loaded and JIT-warm: a musician who talks for two minutes before asking
    // for a sketch must not pay a cold worker (thread start, modules, unoptimised engine: 100–300 ms).
    // Extra workers leave after a minute idle. None holds the process open: piscina unrefs idle ones.
    minThreads: 1,
    maxThreads: threads,
    idleTimeout: 60_000,
  });
  return pool;
}

async function run<K extends 'generate' | 'diff' | 'make' | 'threadId'>(name: K, task: Parameters<Worker[K]>[0]): Promise<Awaited<ReturnType<Worker[K]>>> {
  const p = await enginePool();
  if (p) return p.run(task, { name }) as Promise<Awaited<ReturnType<Worker[K]>>>;
  const inline = await import('./engine-worker.ts');
  return (inline[name] as (t: typeof task) => Promise<Awaited<ReturnType<Worker[K]>>>)(task);
}

/** Generate the sketch for (params, seed) — deterministic. */
export async function generate(params: SongParameters, seed: number): Promise<Sketch> {
  return run('generate', { params, seed });
}

/** What changed between two versions, in a musician's words. */
export async function diff(before: { params: SongParameters; sketch: Sketch }, after: { params: SongParameters; sketch: Sketch }): Promise<string[]> {
  // Edited words are changes too: the journal lists them with the music's (measured in the pool).
  const { lyricChangeLabels } = await import('../lyrics/diff.ts');
  return [...lyricChangeLabels(before.params, after.params), ...(await run('diff', { before, after }))];
}

/**
 * A version's sketch for (params, seed) and, given the version it came from, what changed — one
 * call to the pool instead of two (generate, then diff with the new sketch sent back out).
 */
export async function makeVersion(params: SongParameters, seed: number, before?: { params: SongParameters; sketch: Sketch | string }): Promise<{ sketch: Sketch; changes: string[] }> {
  const made = await run('make', { params, seed, before });
  if (!before) return made;
  const { lyricChangeLabels } = await import('../lyrics/diff.ts');
  return { sketch: made.sketch, changes: [...lyricChangeLabels(before.params, params), ...made.changes] };
}

/** The thread that runs the engine's calls (tests check it is not this one). */
export async function engineThreadId(): Promise<number> {
  return run('threadId', undefined);
}

/** Stop the worker threads (graceful shutdown, tests). */
export async function closeEnginePool(): Promise<void> {
  const p = pool;
  pool = undefined;
  await p?.destroy();
}

/** Standard MIDI file bytes of a sketch. */
export async function midi(sketch: Sketch, title: string): Promise<Uint8Array> {
  const { sketchToMidi } = await import('../../music/midi/export.ts');
  return sketchToMidi(sketch, { title });
}
