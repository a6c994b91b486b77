/**
 * Build step (a Vite plugin): write a brotli (.br) and a gzip (.gz) twin of every compressible file
 * in the output, so the server hands browsers the smallest encoding they accept without compressing
 * on every request (server/http/web.ts serves them, negotiated by Accept-Encoding). Both at maximum
 * quality: the cost is paid once per build.
 */
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import type { Plugin } from 'vite';
import { webSnapshot, webStamp, writeWebStamp, type StampRow } from '../scripts/stamp.mjs';

/** What is worth compressing: text formats, WebAssembly and SoundFont banks (not mp3/png, already compressed). */
export const COMPRESSIBLE = /\.(js|mjs|css|html|json|svg|txt|xml|wasm|webmanifest|sf2|sf3|sfz)$/i;
/** Below this, headers cost more than compression saves. */
const MIN_BYTES = 512;

function* files(dir: string): Generator<string> {
  for (const name of readdirSync(dir)) {
    const p = path.join(dir, name);
    if (statSync(p).isDirectory()) yield* files(p);
    else yield p;
  }
}

/** Write `<file>.br` and `<file>.gz` beside each compressible file under `dir`; returns how many files. */
export function precompressDir(dir: string): number {
  let n = 0;
  for (const file of files(dir)) {
    if (!COMPRESSIBLE.test(file)) continue;
    const bytes = readFileSync(file);
    if (bytes.byteLength < MIN_BYTES) continue;
    writeFileSync(`${file}.br`, brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.byteLength } }));
    writeFileSync(`${file}.gz`, gzipSync(bytes, { level: 9 }));
    n++;
  }
  return n;
}

/**
 * The Vite plugin: precompress the output once the bundle is written, and record the inputs the
 * build read, as they were when it started (scripts/stamp.mjs), so `npm start` can skip the next
 * build when none of them changed.
 */
export function precompress(): Plugin {
  let outDir = '';
  let snapshot: StampRow[] = [];
  let stamp: StampRow[] = [];
  return {
    name: 'innerchord-precompress',
    apply: 'build',
    configResolved(config) {
      outDir = path.resolve(config.root, config.build.outDir);
    },
    buildStart() {
      snapshot = webSnapshot();
    },
    buildEnd() {
      // Only what the module graph holds: a server-only change must not rebuild the web app.
      stamp = webStamp(snapshot, [...this.getModuleIds()]);
    },
    closeBundle() {
      precompressDir(outDir);
      writeWebStamp(outDir, stamp);
    },
  };
}
