/**
 * The engine's worker pool: sketches are made off the request thread, and a sketch made in a
 * worker is exactly the one the request thread would have made (generation is deterministic).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { threadId } from 'node:worker_threads';
import { parseParams } from '../../music/params.ts';
import { generateSketch } from '../../music/generate.ts';
import { closeEnginePool, diff, engineThreadId, engineThreads, generate } from './engine.ts';

beforeAll(async () => {
  // Start from no pool: a file run before this one in the same worker may have made the inline one.
  await closeEnginePool();
  process.env['INNERCHORD_ENGINE_THREADS'] = '1';
});
afterAll(async () => {
  delete process.env['INNERCHORD_ENGINE_THREADS'];
  await closeEnginePool();
});

describe('the engine worker pool', () => {
  it('sizes the pool from INNERCHORD_ENGINE_THREADS, one fewer than the cores by default, and 0 runs inline', () => {
    expect(engineThreads({ INNERCHORD_ENGINE_THREADS: '3' })).toBe(3);
    expect(engineThreads({ INNERCHORD_ENGINE_THREADS: '0' })).toBe(0);
    expect(engineThreads({})).toBeGreaterThanOrEqual(1);
  });

  it('makes sketches on a worker thread, the same notes as on this thread', async () => {
    expect(await engineThreadId()).not.toBe(threadId);
    const params = parseParams({ key: 'D', mode: 'minor', tempo: 72 });
    const seed = 1234;
    const [pooled, here] = [await generate(params, seed), generateSketch(params, seed)];
    expect(JSON.parse(JSON.stringify(pooled))).toEqual(JSON.parse(JSON.stringify(here)));
    const slower = parseParams({ key: 'D', mode: 'minor', tempo: 60 });
    const changes = await diff({ params, sketch: pooled }, { params: slower, sketch: await generate(slower, seed) });
    expect(changes.join(' ')).toMatch(/60/);
  });
});
