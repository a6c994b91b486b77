#!/usr/bin/env node
/**
 * `npm start`: build the web app only when its inputs changed since the last build (the stamp in
 * web/dist/.inputs.json, written by the build itself), compile the server when its sources changed
 * (scripts/compile.mjs), then run the compiled server with plain node. On a built checkout this is
 * a few stat calls and a node start instead of a 10-second rebuild and a tsx transpile.
 */
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ROOT, webIsFresh } from './stamp.mjs';

if (webIsFresh()) console.log('innerchord: the web app is up to date (web/dist); not rebuilding.');
else {
  console.log('innerchord: building the web app…');
  const require = createRequire(import.meta.url);
  const vite = path.join(path.dirname(require.resolve('vite/package.json')), 'bin', 'vite.js');
  const built = spawnSync(process.execPath, [vite, 'build', '--config', 'web/vite.config.ts'], { cwd: ROOT, stdio: 'inherit' });
  if (built.status !== 0) process.exit(built.status ?? 1);
}

let compiled = false;
try {
  const { ensureCompiled, OUT } = await import('./compile.mjs');
  await ensureCompiled();
  compiled = true;
  await import(pathToFileURL(path.join(OUT, 'server', 'main.js')).href);
} catch (error) {
  if (compiled) throw error;
  // No esbuild: run the TypeScript through tsx as before.
  console.log(`innerchord: running the server through tsx (${error instanceof Error ? error.message : String(error)})`);
  const require = createRequire(import.meta.url);
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'server/main.ts'], { cwd: ROOT, stdio: 'inherit' });
  process.exit(result.status ?? 1);
}
