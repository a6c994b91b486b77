/**
 * The music engine's heavy calls, run in a worker thread (engine.ts sends them here), so a burst
 * of sketch turns keeps the request thread free for health checks and ordinary requests.
 */
import { threadId as thisThread } from 'node:worker_threads';
import type { SongParameters } from '../../music/params.ts';
import type { Sketch } from '../../music/sketch.ts';

/** Generate the sketch for (params, seed) — deterministic, the same as on the main thread. */
export async function generate({ params, seed }: { params: SongParameters; seed: number }): Promise<Sketch> {
  const { generateSketch } = await import('../../music/generate.ts');
  return generateSketch(params, seed);
}

/** What changed between two versions, in a musician's words. */
export async function diff({ before, after }: { before: { params: SongParameters; sketch: Sketch }; after: { params: SongParameters; sketch: Sketch } }): Promise<string[]> {
  const { diffVersions } = await import('../../music/diff.ts');
  return diffVersions(before, after);
}

/**
 * A new version's sketch and what changed against the version it came from, in one trip to the
 * worker: the new sketch is not sent back to be sent out again for the diff. `before.sketch` may
 * come as the JSON text the journal stored (a string crosses threads as one copy; the object graph
 * would be cloned field by field on the request thread).
 */
export async function make({ params, seed, before }: { params: SongParameters; seed: number; before?: { params: SongParameters; sketch: Sketch | string } }): Promise<{ sketch: Sketch; changes: string[] }> {
  const sketch = await generate({ params, seed });
  if (!before) return { sketch, changes: [] };
  const base = { params: before.params, sketch: typeof before.sketch === 'string' ? (JSON.parse(before.sketch) as Sketch) : before.sketch };
  return { sketch, changes: await diff({ before: base, after: { params, sketch } }) };
}

/** Which thread this is (0 is the main thread). */
export async function threadId(_: undefined): Promise<number> {
  return thisThread;
}
