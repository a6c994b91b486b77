/**
 * The CLI's start-up snapshot (scripts/snapshot.mjs, cli/snapshot.ts) answers `interpret` byte
 * for byte as the in-process CLI does, over every statement of the mood evaluation set (one
 * snapshot start answering them all, through its batch mode), and end to end through
 * bin/innerchord.js; and it hands every case it does not own back to the plain CLI.
 * Its speed is measured in `npm run bench startup`, not here.
 */
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, realpathSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../cli/main.ts';
import { loadMoodSet } from '../../eval/mood/set.ts';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const BIN = path.join(ROOT, 'bin', 'innerchord.js');
const SH = path.join(ROOT, 'bin', 'innerchord');
/** A bare environment: nothing of the runner's (an OPENAI_API_KEY, say) leaks into a child. */
const BARE = { PATH: process.env.PATH ?? '' };

/** The CLI run in this process, as the TypeScript source. */
async function inProcess(argv: string[], env: Record<string, string> = {}) {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, { stdout: (s) => void (stdout += s), stderr: (s) => void (stderr += s), env, cwd: ROOT });
  return { code, stdout, stderr };
}

let snapshotArgs: string[];
/** One snapshot start answering every argument list (cli/snapshot.ts batch mode). */
function batch(argvs: string[][], env: Record<string, string> = {}): { code: number; stdout: string }[] {
  const r = spawnSync(process.execPath, snapshotArgs, { input: JSON.stringify(argvs), env: { ...BARE, ...env, INNERCHORD_SNAPSHOT_BATCH: '1' }, cwd: tmpdir(), encoding: 'utf8', maxBuffer: 64 << 20 });
  expect(r.status, r.stderr).toBe(0);
  return JSON.parse(r.stdout);
}

beforeAll(async () => {
  const compile = await import('../../scripts/compile.mjs');
  await compile.ensureCompiled('cli');
  const args = compile.cliSnapshotArgs({});
  // Node 20 on Linux builds one; if it could not, say why rather than skip.
  expect(args, JSON.stringify(JSON.parse((await import('node:fs')).readFileSync(path.join(compile.OUT, 'stamp.json'), 'utf8')).snapshot)).not.toBeNull();
  snapshotArgs = args!;
}, 180_000);

describe('the start-up snapshot', () => {
  it('answers every mood statement exactly as the in-process CLI does', async () => {
    const statements = [...loadMoodSet('statements'), ...loadMoodSet('held-out')];
    expect(statements.length).toBeGreaterThan(60);
    // Both flag orders, and without --offline (no LLM configured, so offline too).
    const argvs = statements.map((s, i) => (i % 3 === 0 ? ['interpret', s.text] : i % 3 === 1 ? ['interpret', '--offline', s.text] : ['interpret', s.text, '--offline']));
    const answers = batch(argvs);
    for (const [i, argv] of argvs.entries()) {
      const expected = await inProcess(argv);
      expect(expected.code).toBe(0);
      expect(answers[i], statements[i]!.id).toEqual({ code: 0, stdout: expected.stdout });
    }
  }, 120_000);

  it('hands back what it does not own: an LLM configured, another command, an error to word', () => {
    const llm = { OPENAI_BASE_URL: 'http://127.0.0.1:9/v1' };
    const [toModel, offline] = batch([['interpret', 'calm and hopeful'], ['interpret', '--offline', 'calm and hopeful']], llm);
    expect(toModel!.code).toBe(75);
    expect(toModel!.stdout).toBe('');
    expect(offline!.code).toBe(0);
    const declined = batch([['analyze', 'x.mid'], ['interpret', '--offline', '  '], ['interpret', '--tempo'], []]);
    expect(declined).toEqual(declined.map(() => ({ code: 75, stdout: '' })));
  });

  it('is what bin/innerchord.js runs, with output, errors and exit codes as before', async () => {
    const text = 'a slow, tender song about the harbour at dawn, in D minor';
    for (const argv of [['interpret', '--offline', text], ['interpret', 'ich bin müde, aber voller Hoffnung'], ['interpret', '--offline', '   ']]) {
      const viaBin = spawnSync(process.execPath, [BIN, ...argv], { cwd: tmpdir(), env: BARE, encoding: 'utf8' });
      const expected = await inProcess(argv);
      expect({ code: viaBin.status, stdout: viaBin.stdout, stderr: viaBin.stderr }, argv.join(' ')).toEqual(expected);
    }
    // The plain CLI gives the same answer when the snapshot is switched off.
    const plain = spawnSync(process.execPath, [BIN, 'interpret', text], { cwd: tmpdir(), env: { ...BARE, INNERCHORD_SNAPSHOT: '0' }, encoding: 'utf8' });
    expect(plain.stdout).toBe((await inProcess(['interpret', text])).stdout);
  }, 120_000);

  it('is what the innerchord command (bin/innerchord, sh) runs: the snapshot straight away, or bin/innerchord.js', async () => {
    const text = 'a slow, tender song about the harbour at dawn, in D minor';
    // Through a symlink, as npm links it into node_modules/.bin.
    const linked = path.join(mkdtempSync(path.join(tmpdir(), 'innerchord-bin-')), 'innerchord');
    symlinkSync(SH, linked);
    const run = (argv: string[], env: Record<string, string> = {}) => spawnSync(linked, argv, { cwd: tmpdir(), env: { ...BARE, ...env }, encoding: 'utf8' });
    const traced = (argv: string[], env: Record<string, string> = {}) => spawnSync('sh', ['-x', linked, ...argv], { cwd: tmpdir(), env: { ...BARE, ...env }, encoding: 'utf8' }).stderr;
    for (const argv of [['interpret', '--offline', text], ['interpret', 'ich bin müde, aber voller Hoffnung'], ['interpret', '--offline', '   '], ['interpret', '--tempo'], ['--help']]) {
      const r = run(argv);
      expect({ code: r.status, stdout: r.stdout, stderr: r.stderr }, argv.join(' ')).toEqual(await inProcess(argv));
    }
    // interpret starts the snapshot with no node before it; what it hands back (exit 75) reaches bin/innerchord.js.
    expect(traced(['interpret', '--offline', text])).toContain('--snapshot-blob');
    expect(traced(['interpret', '--offline', text])).not.toContain('innerchord.js');
    expect(traced(['interpret', '--offline', '   '])).toMatch(/--snapshot-blob[\s\S]*innerchord\.js/);
    expect(traced(['--help'])).not.toContain('--snapshot-blob');
    expect(traced(['interpret', '--offline', text], { INNERCHORD_SNAPSHOT: '0' })).not.toContain('--snapshot-blob');
    // Huge pages for the snapshot's heap, added to the musician's own glibc settings, never replacing them.
    expect(traced(['interpret', '--offline', text])).toMatch(/GLIBC_TUNABLES=glibc\.malloc\.hugetlb=1\n/);
    expect(traced(['interpret', '--offline', text], { GLIBC_TUNABLES: 'glibc.malloc.arena_max=2' })).toContain('GLIBC_TUNABLES=glibc.malloc.arena_max=2:glibc.malloc.hugetlb=1');
  }, 120_000);

  it("gives bin/innerchord.js's snapshot child huge pages too, keeping any glibc settings already set", () => {
    const { withHugePages } = createRequire(import.meta.url)('../../scripts/snapshot-start.cjs') as { withHugePages: (env: Record<string, string>) => Record<string, string> };
    expect(withHugePages({ A: '1' })).toEqual({ A: '1', GLIBC_TUNABLES: 'glibc.malloc.hugetlb=1' });
    expect(withHugePages({ GLIBC_TUNABLES: 'glibc.malloc.arena_max=2' }).GLIBC_TUNABLES).toBe('glibc.malloc.arena_max=2:glibc.malloc.hugetlb=1');
  });

  it('leaves interpret to bin/innerchord.js when anything the build read is newer than the build', () => {
    // A checkout of its own: the launcher, a stand-in bin/innerchord.js, and launch files naming one input.
    const root = realpathSync(mkdtempSync(path.join(tmpdir(), 'innerchord-root-')));
    const snap = path.join(root, '.build', 'snapshot');
    mkdirSync(snap, { recursive: true });
    mkdirSync(path.join(root, 'bin'));
    copyFileSync(SH, path.join(root, 'bin', 'innerchord'));
    writeFileSync(path.join(root, 'bin', 'innerchord.js'), "process.stdout.write('plain CLI\\n');\n");
    const real = readFileSync(path.join(ROOT, '.build', 'snapshot', 'launch.sh'), 'utf8');
    writeFileSync(path.join(snap, 'launch.sh'), real.replace(/^SNAPSHOT_ROOT=.*$/m, `SNAPSHOT_ROOT='${root}'`));
    writeFileSync(path.join(root, 'input.ts'), 'x');
    writeFileSync(path.join(snap, 'inputs'), 'input.ts\n');
    const before = new Date(Date.now() - 60_000);
    utimesSync(path.join(root, 'input.ts'), before, before);
    // The node that built the snapshot must not be newer than the build either.
    writeFileSync(path.join(snap, 'since'), '');
    const run = () => spawnSync(path.join(root, 'bin', 'innerchord'), ['interpret', '--offline', 'calm and hopeful'], { cwd: tmpdir(), env: BARE, encoding: 'utf8' }).stdout;
    expect(run()).toContain('"valence"');
    const after = new Date(Date.now() + 60_000);
    utimesSync(path.join(root, 'input.ts'), after, after);
    expect(run()).toBe('plain CLI\n');
  });
});
