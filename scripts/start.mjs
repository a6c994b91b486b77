#!/usr/bin/env node
/**
 * `npm start`: build the web app only when a file it was built from changed (the stamp in
 * web/dist/.inputs.json, written by the build itself: web/ and the modules its graph held, so a
 * server-only change does not rebuild it), compile the server when its sources changed
 * (scripts/compile.mjs), then run the bundled server with plain node. On a built checkout this is
 * one stat per recorded input and a node start, not a 10-second rebuild and a tsx transpile.
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
  const { ensureCompiled, SERVER_ENTRY } = await import('./compile.mjs');
  await ensureCompiled('server');
  compiled = true;
  await import(pathToFileURL(SERVER_ENTRY).href);
} catch (error) {
  if (compiled) throw error;
  // No esbuild: run the TypeScript through tsx as before.
  console.log(`innerchord: running the server through tsx (${error instanceof Error ? error.message : String(error)})`);
  const require = createRequire(import.meta.url);
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'server/main.ts'], { cwd: ROOT, stdio: 'inherit' });
  process.exit(result.status ?? 1);
}
