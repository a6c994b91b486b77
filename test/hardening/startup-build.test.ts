/**
 * Start-up without needless work (issue #17 item 8): the web build and the compiled CLI are
 * skipped when their inputs did not change, redone when one did; the compiled CLI answers like the
 * TypeScript one. Wall-clock targets (≤ 5 s to ready, ≤ 300 ms for interpret) are in
 * `npm run bench startup`, not here.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
// @ts-expect-error — plain-JS build scripts (no type declarations).
import { sameStamp, webIsFresh, webStamp, writeWebStamp } from '../../scripts/stamp.mjs';
// @ts-expect-error — plain-JS build scripts (no type declarations).
import { ensureCompiled, isFresh, OUT } from '../../scripts/compile.mjs';

type Row = [string, number, number];
const ROOT = path.resolve(import.meta.dirname, '..', '..');

describe('the web build stamp', () => {
  it('is fresh for the inputs it was written from, and stale when any input changes', () => {
    const dist = mkdtempSync(path.join(tmpdir(), 'innerchord-stamp-'));
    try {
      writeFileSync(path.join(dist, 'index.html'), '<!doctype html>');
      const stamp = webStamp() as Row[];
      expect(stamp.some(([f]) => f.startsWith('web/src/'))).toBe(true);
      expect(stamp.some(([f]) => f.startsWith('music/'))).toBe(true);
      expect(stamp.some(([f]) => f.startsWith('web/dist/'))).toBe(false);
      writeWebStamp(dist, stamp);
      expect(webIsFresh(dist)).toBe(true);
      // One file one byte longer, or one newer: stale.
      for (const change of [(r: Row): Row => [r[0], r[1] + 1, r[2]], (r: Row): Row => [r[0], r[1], r[2] + 1000]]) {
        const edited = stamp.map((r, i) => (i === 3 ? change(r) : r));
        writeWebStamp(dist, edited);
        expect(webIsFresh(dist)).toBe(false);
      }
      // A file added or removed: stale.
      writeWebStamp(dist, stamp.slice(1));
      expect(webIsFresh(dist)).toBe(false);
      // No build at all: stale.
      rmSync(path.join(dist, 'index.html'));
      writeWebStamp(dist, stamp);
      expect(webIsFresh(dist)).toBe(false);
      expect(sameStamp(stamp, webStamp())).toBe(true);
    } finally {
      rmSync(dist, { recursive: true, force: true });
    }
  });
});

describe('the compiled CLI', () => {
  it('is built once and then reused, and answers exactly as the TypeScript CLI does', async () => {
    await ensureCompiled();
    expect(isFresh()).toBe(true);
    const stamp = JSON.parse(readFileSync(path.join(OUT, 'stamp.json'), 'utf8')) as { inputs: Row[] };
    expect(stamp.inputs.some(([f]) => f === 'cli/main.ts')).toBe(true);
    expect(await ensureCompiled()).toBe(false);
    const args = ['interpret', '--offline', 'a slow, tender song about the harbour at dawn'];
    const compiled = spawnSync(process.execPath, ['bin/innerchord.js', ...args], { cwd: ROOT, encoding: 'utf8' });
    const viaTsx = spawnSync(process.execPath, ['--import', 'tsx', 'cli/main.ts', ...args], { cwd: ROOT, encoding: 'utf8' });
    expect(compiled.status, compiled.stderr).toBe(0);
    expect(JSON.parse(compiled.stdout)).toEqual(JSON.parse(viaTsx.stdout));
    // Every compiled module loads under plain node (JSON import attributes, .js specifiers…),
    // not only those interpret touches; server/main.js would start a server, so it is left out.
    const loadAll = `import { readdirSync } from 'node:fs'; import path from 'node:path'; import { pathToFileURL } from 'node:url';
      const walk = (d) => readdirSync(d, { withFileTypes: true }).flatMap((e) => e.isDirectory() ? walk(path.join(d, e.name)) : [path.join(d, e.name)]);
      let n = 0; for (const dir of ['music', 'server', 'db', 'cli']) for (const f of walk(path.join(${JSON.stringify(OUT)}, dir))) {
        if (!f.endsWith('.js') || f.endsWith(path.join('server', 'main.js'))) continue; await import(pathToFileURL(f).href); n++; }
      console.log(n);`;
    const loaded = spawnSync(process.execPath, ['--input-type=module', '-e', loadAll], { cwd: ROOT, encoding: 'utf8' });
    expect(loaded.status, loaded.stderr).toBe(0);
    expect(Number(loaded.stdout.trim())).toBeGreaterThan(200);
    // Errors too: one line on stderr, the same exit code.
    const bad = spawnSync(process.execPath, ['bin/innerchord.js', 'analyze', '/nonexistent/file.mid'], { cwd: ROOT, encoding: 'utf8' });
    expect(bad.status).toBe(1);
    expect(bad.stderr).toMatch(/^innerchord analyze: .*no such file/);
  }, 120_000);
});
