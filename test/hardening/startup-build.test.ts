/**
 * Start-up without needless work (issue #17 item 8): the web build and the compiled server and CLI
 * are skipped when nothing they were built from changed, redone when something did; a server-only
 * change does not rebuild the web app; the bundled CLI finds its data from any working directory.
 * The freshness logic runs against a small throwaway repository holding copies of the real
 * scripts (so files can be touched without touching ours). Wall-clock targets (≤ 5 s to ready,
 * ≤ 300 ms for interpret) are in `npm run bench startup`, not here.
 */
import { spawn, spawnSync } from 'node:child_process';
import { createServer } from 'node:net';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { webIsFresh } from '../../scripts/stamp.mjs';

type Row = [string, number, number];
const ROOT = path.resolve(import.meta.dirname, '..', '..');

/** A throwaway repository: copies of scripts/*.mjs, node_modules linked, and `files`. */
function fakeRepo(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'innerchord-startup-'));
  mkdirSync(path.join(dir, 'scripts'));
  for (const f of ['stamp.mjs', 'compile.mjs', 'meta-url.mjs', 'snapshot.mjs', 'snapshot-start.cjs', 'stamp-holds.cjs']) copyFileSync(path.join(ROOT, 'scripts', f), path.join(dir, 'scripts', f));
  symlinkSync(path.join(ROOT, 'node_modules'), path.join(dir, 'node_modules'));
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), text);
  }
  return dir;
}

/** Move a file's (or folder's) mtime by `seconds`, as an edit would; returns a function that puts it back. */
function touch(file: string, seconds = 5): () => void {
  const { atime, mtime } = statSync(file);
  utimesSync(file, atime, new Date(mtime.getTime() + seconds * 1000));
  return () => utimesSync(file, atime, mtime);
}

describe('the web build stamp', () => {
  let repo: string;
  let stamp: typeof import('../../scripts/stamp.mjs');
  const dist = () => path.join(repo, 'web', 'dist');
  /** What the web build does: snapshot at its start, keep what its module graph held, write the stamp. */
  const build = (graph: string[]) => stamp.writeWebStamp(dist(), stamp.webStamp(stamp.webSnapshot(), graph.map((f) => (f.startsWith('\0') ? f : path.join(repo, f)))));

  beforeAll(async () => {
    repo = fakeRepo({
      'web/index.html': '<!doctype html>',
      'web/src/main.ts': "import { tune } from '../../music/tune.ts';",
      'web/dist/index.html': '<!doctype html>',
      'music/tune.ts': 'export const tune = 1;',
      'music/unused.ts': 'export const unused = 1;',
      'server/app.ts': 'export const app = 1;',
      'lang/en/web.json': '{}',
      'package-lock.json': '{}',
      'tsconfig.json': '{}',
    });
    stamp = await import(pathToFileURL(path.join(repo, 'scripts', 'stamp.mjs')).href);
  });
  afterAll(() => rmSync(repo, { recursive: true, force: true }));

  it('records what the module graph read, all of web/, and nothing the web app does not import', () => {
    build(['web/src/main.ts', 'music/tune.ts?used', '\0virtual:module', 'node_modules/zod/index.js']);
    const rows = stamp.readWebStamp(dist()) as Row[];
    const files = rows.map((r) => r[0]);
    expect(files).toEqual(expect.arrayContaining(['web/src/main.ts', 'web/index.html', 'web/src', 'music/tune.ts', 'lang/en', 'package-lock.json']));
    expect(files.filter((f) => f.startsWith('server/') || f === 'music/unused.ts' || f.includes('node_modules') || f.startsWith('web/dist'))).toEqual([]);
    expect(stamp.webIsFresh(dist())).toBe(true);
  });

  it('does not rebuild for a server-only change or a shared file the web app does not import', () => {
    build(['web/src/main.ts', 'music/tune.ts']);
    for (const file of ['server/app.ts', 'music/unused.ts']) {
      const restore = touch(path.join(repo, file));
      expect(stamp.webIsFresh(dist()), file).toBe(true);
      restore();
    }
  });

  it('rebuilds when a web file, an imported shared file or a fixed input changes, and not once it is back', () => {
    build(['web/src/main.ts', 'music/tune.ts']);
    for (const file of ['web/src/main.ts', 'music/tune.ts', 'package-lock.json']) {
      const restore = touch(path.join(repo, file));
      expect(stamp.webIsFresh(dist()), file).toBe(false);
      restore();
      expect(stamp.webIsFresh(dist()), `${file} put back`).toBe(true);
    }
    // A file one byte longer with the same mtime: stale too.
    const file = path.join(repo, 'music', 'tune.ts');
    const { atime, mtime } = statSync(file);
    writeFileSync(file, 'export const tune = 12;');
    utimesSync(file, atime, mtime);
    expect(stamp.webIsFresh(dist())).toBe(false);
    writeFileSync(file, 'export const tune = 1;');
    utimesSync(file, atime, mtime);
    expect(stamp.webIsFresh(dist())).toBe(true);
  });

  it('rebuilds when a file appears in web/ or a new language appears in lang/, or the build is gone', () => {
    build(['web/src/main.ts', 'music/tune.ts']);
    writeFileSync(path.join(repo, 'web', 'src', 'new.ts'), '');
    expect(stamp.webIsFresh(dist())).toBe(false);
    build(['web/src/main.ts', 'music/tune.ts']);
    expect(stamp.webIsFresh(dist())).toBe(true);
    mkdirSync(path.join(repo, 'lang', 'xx'));
    writeFileSync(path.join(repo, 'lang', 'xx', 'web.json'), '{}');
    expect(stamp.webIsFresh(dist())).toBe(false);
    build(['web/src/main.ts', 'music/tune.ts']);
    rmSync(path.join(dist(), 'index.html'));
    expect(stamp.webIsFresh(dist())).toBe(false);
    writeFileSync(path.join(dist(), 'index.html'), '<!doctype html>');
  });

  it.skipIf(!existsSync(path.join(ROOT, 'web', 'dist', '.inputs.json')))('in this checkout, the built web app was stamped from its module graph, not from server/', async () => {
    const real = await import('../../scripts/stamp.mjs');
    const files = (real.readWebStamp() as Row[]).map((r) => r[0]);
    expect(files).toEqual(expect.arrayContaining(['web/src/main.ts', 'music/sketch.ts']));
    expect(files).not.toContain('server/main.ts');
    expect(files).not.toContain('server/app.ts'); // imported for its types only
    expect(files.filter((f) => f.startsWith('server/')).length).toBeLessThan(20);
  });
});

describe('the compiled server and CLI', () => {
  let repo: string;
  let compile: typeof import('../../scripts/compile.mjs');

  beforeAll(async () => {
    repo = fakeRepo({
      // The CLI reads data found next to a module (as lexicon.ts finds lang/), through a bundle.
      'cli/main.ts': "import { greeting } from '../server/greet.ts';\nexport async function main(argv: string[], io: { stdout: (s: string) => void }) { io.stdout(greeting(argv[0] ?? '') + '\\n'); return 0; }\n",
      'server/greet.ts': "import { readFileSync } from 'node:fs';\nimport { word } from '../music/word.ts';\nconst data = JSON.parse(readFileSync(new URL('../lang/en/hello.json', import.meta.url), 'utf8'));\nexport const greeting = (name: string) => `${data.hello} ${name} ${word}`;\n",
      'server/main.ts': "import { greeting } from './greet.ts';\nconsole.log(greeting('server'));\n",
      'server/only.ts': 'export const onlyTheServer = 1;',
      'music/word.ts': "export const word = 'in D minor';",
      'db/migrations/0000_init.sql': 'select 1;',
      'lang/en/hello.json': '{ "hello": "hello" }',
      'package-lock.json': '{}',
    });
    compile = await import(pathToFileURL(path.join(repo, 'scripts', 'compile.mjs')).href);
  });
  afterAll(() => rmSync(repo, { recursive: true, force: true }));

  it('builds once, then each start costs a stat per input and builds nothing', async () => {
    expect(compile.isFresh('cli')).toBe(false);
    expect(await compile.ensureCompiled('cli')).toBe(true);
    expect(compile.isFresh('cli')).toBe(true);
    expect(compile.isFresh('server')).toBe(true);
    expect(await compile.ensureCompiled('cli')).toBe(false);
    expect(await compile.ensureCompiled('server')).toBe(false);
  }, 60_000);

  it('a change the CLI does not read leaves the CLI bundle current; one it reads does not', () => {
    const restore = touch(path.join(repo, 'server', 'only.ts'));
    expect(compile.isFresh('cli')).toBe(true);
    expect(compile.isFresh('server')).toBe(false);
    restore();
    // Data read at run time (through the link .build/lang → lang) is not part of the build.
    const data = touch(path.join(repo, 'lang', 'en', 'hello.json'));
    expect(compile.isFresh('cli')).toBe(true);
    data();
    for (const file of ['music/word.ts', 'db/migrations/0000_init.sql', 'scripts/compile.mjs']) {
      const back = touch(path.join(repo, file));
      expect(compile.isFresh('cli'), file).toBe(false);
      back();
    }
    writeFileSync(path.join(repo, 'db', 'migrations', '0001_next.sql'), 'select 2;');
    expect(compile.isFresh('cli')).toBe(false);
    rmSync(path.join(repo, 'db', 'migrations', '0001_next.sql'));
  });

  it('runs the bundle from another working directory, finding data next to its modules', async () => {
    await compile.ensureCompiled('cli');
    const run = `const { main } = await import(${JSON.stringify(pathToFileURL(compile.CLI_ENTRY).href)}); process.exitCode = await main(['Ada'], { stdout: (s) => process.stdout.write(s) });`;
    const result = spawnSync(process.execPath, ['--input-type=module', '-e', run], { cwd: tmpdir(), encoding: 'utf8' });
    expect(result.stderr).toBe('');
    expect(result.stdout).toBe('hello Ada in D minor\n');
    // The tree runs the same code as one file per module.
    const server = spawnSync(process.execPath, [path.join(repo, '.build', 'server', 'main.js')], { cwd: tmpdir(), encoding: 'utf8' });
    expect(server.stdout).toBe('hello server in D minor\n');
  }, 60_000);
});

describe('the real CLI, bundled', () => {
  it('answers `interpret` from another working directory exactly as the TypeScript CLI does', async () => {
    const { ensureCompiled } = await import('../../scripts/compile.mjs');
    await ensureCompiled('cli');
    const args = ['interpret', '--offline', 'a slow, tender song about the harbour at dawn, in D minor'];
    const bundled = spawnSync(process.execPath, [path.join(ROOT, 'bin', 'innerchord.js'), ...args], { cwd: tmpdir(), encoding: 'utf8' });
    const viaTsx = spawnSync(process.execPath, ['--import', 'tsx', 'cli/main.ts', ...args], { cwd: ROOT, encoding: 'utf8' });
    expect(bundled.status, bundled.stderr).toBe(0);
    expect(JSON.parse(bundled.stdout)).toEqual(JSON.parse(viaTsx.stdout));
    expect(JSON.parse(bundled.stdout)).toMatchObject({ key: 'D', mode: 'minor' });
  }, 120_000);

  it('still says plainly what is wrong, with a non-zero exit', () => {
    const bin = path.join(ROOT, 'bin', 'innerchord.js');
    const empty = spawnSync(process.execPath, [bin, 'interpret', '--offline'], { cwd: tmpdir(), encoding: 'utf8' });
    expect(empty.status).toBe(2);
    expect(empty.stderr).toMatch(/^innerchord interpret: nothing to interpret/);
    const missing = spawnSync(process.execPath, [bin, 'analyze', '/nonexistent/file.mid'], { cwd: tmpdir(), encoding: 'utf8' });
    expect(missing.status).toBe(1);
    expect(missing.stderr).toMatch(/^innerchord analyze: .*no such file/);
    const unknown = spawnSync(process.execPath, [bin, 'frobnicate'], { cwd: tmpdir(), encoding: 'utf8' });
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toMatch(/unknown command "frobnicate"/);
  }, 60_000);

  it('has every chunk of the bundle and every module of the tree loadable under plain node', () => {
    // Not only what interpret touches: JSON import attributes, .js specifiers, rewritten
    // import.meta.url. server/main.js would start a server, so it is left out.
    const out = path.join(ROOT, '.build');
    const load = `import { readdirSync } from 'node:fs'; import path from 'node:path'; import { pathToFileURL } from 'node:url';
      const walk = (d) => readdirSync(d, { withFileTypes: true }).flatMap((e) => e.isDirectory() ? walk(path.join(d, e.name)) : [path.join(d, e.name)]);
      let n = 0; for (const dir of ['cli-bundle', 'server-bundle', 'music', 'server', 'db', 'cli']) for (const f of walk(path.join(${JSON.stringify(out)}, dir))) {
        if (!f.endsWith('.js') || f.endsWith(path.join('server', 'main.js')) || f.endsWith(path.join('server-bundle', 'main.js'))) continue; await import(pathToFileURL(f).href); n++; }
      console.log(n);`;
    const loaded = spawnSync(process.execPath, ['--input-type=module', '-e', load], { cwd: tmpdir(), encoding: 'utf8' });
    expect(loaded.status, loaded.stderr).toBe(0);
    expect(Number(loaded.stdout.trim())).toBeGreaterThan(200);
    expect(readdirSync(path.join(out, 'cli-bundle')).filter((f) => f.endsWith('.js')).length).toBeLessThan(60);
  }, 120_000);
});

describe('npm start on a built checkout', () => {
  // Skipped when web/dist is missing or older than a web source (then `npm start` rightly rebuilds it).
  it.skipIf(!webIsFresh())('builds nothing, runs the bundled server, and answers', async () => {
    const { ensureCompiled } = await import('../../scripts/compile.mjs');
    await ensureCompiled('server');
    const port = await new Promise<number>((resolve) => {
      const probe = createServer().listen(0, '127.0.0.1', () => {
        const { port: p } = probe.address() as { port: number };
        probe.close(() => resolve(p));
      });
    });
    const dataDir = mkdtempSync(path.join(tmpdir(), 'innerchord-start-'));
    const child = spawn(process.execPath, ['scripts/start.mjs'], {
      cwd: ROOT,
      env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', INNERCHORD_OFFLINE: '1', INNERCHORD_LOG: 'error', INNERCHORD_DATA_DIR: dataDir, DATABASE_URL: '' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (d) => (out += String(d)));
    child.stderr.on('data', (d) => (out += String(d)));
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
    try {
      // Wait for the condition (health answers), polling; the test's timeout bounds it.
      let health: Response | undefined;
      while (child.exitCode === null) {
        health = await fetch(`http://127.0.0.1:${port}/api/health`).catch(() => undefined);
        if (health?.status === 200) break;
        await new Promise((r) => setTimeout(r, 50));
      }
      expect(health?.status, out).toBe(200);
      expect(out).toMatch(/web app is up to date/);
      expect(out).not.toMatch(/building the web app|compiled \d+ files|through tsx/);
      // The bundled server finds what it reads relative to its modules: the page and a journal write.
      expect((await fetch(`http://127.0.0.1:${port}/`)).status).toBe(200);
      expect((await fetch(`http://127.0.0.1:${port}/api/songs`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' })).status).toBe(201);
    } finally {
      child.kill('SIGTERM');
      await exited;
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 120_000);
});

// The stamps themselves are JSON rows; a corrupt one reads as "not built", never as an error.
describe('a damaged stamp', () => {
  it('counts as stale', async () => {
    const { stampHolds } = await import('../../scripts/stamp.mjs');
    expect(stampHolds(null)).toBe(false);
    expect(stampHolds([])).toBe(false);
    expect(stampHolds([['package.json', -1, 0]])).toBe(false);
    const s = statSync(path.join(ROOT, 'package.json'));
    expect(stampHolds([['package.json', s.size, Math.round(s.mtimeMs)]])).toBe(true);
    expect(stampHolds([['no/such/file', -1, 0]])).toBe(true);
  });
});
