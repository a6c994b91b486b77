/**
 * The CLI with bad files and arguments: every mistake is one readable line on stderr and a
 * non-zero exit — never a stack trace, never "unexpected error", never a file written on failure.
 * Runs `main(argv, io)` in process (the offline path; no network).
 */
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../cli/main.ts';
import { NASTY_STRINGS } from './hostile.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'innerchord-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const files: Record<string, string | Uint8Array> = {
  'garbage.json': '{"key": "D", "mode": ',
  'wrong.json': JSON.stringify({ key: 'H', tempo: 999, meter: '13/0' }),
  'array.json': '[1,2,3]',
  'deep.json': '['.repeat(100_000) + ']'.repeat(100_000),
  'bom.json': '\uFEFF{"key":"D"',
  'empty.json': '',
  'nul.json': '{"key":"D\u0000"}',
  'random.mid': new Uint8Array(Array.from({ length: 3000 }, (_, i) => (i * 131) % 256)),
  'empty.mid': new Uint8Array(0),
  'fake.mid': 'MThd this is not really a midi file',
  'sketch.json': JSON.stringify({ sections: 'no' }),
};
for (const [name, content] of Object.entries(files)) writeFileSync(path.join(dir, name), content);
mkdirSync(path.join(dir, 'a-directory.json'));
const outDir = path.join(dir, 'out');
mkdirSync(outDir);

async function cli(argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, { stdout: (s) => void (stdout += s), stderr: (s) => void (stderr += s), env: { INNERCHORD_OFFLINE: '1' }, cwd: dir });
  return { code, stdout, stderr };
}

const BAD: string[][] = [
  [],
  ['nope'],
  ['interpret'],
  ['interpret', '--offline'],
  ['revise', '--params'],
  ['revise', '--offline', '--params', 'missing.json', 'slower'],
  ['revise', '--offline', '--params', 'garbage.json', 'slower'],
  ['revise', '--offline', '--params', 'wrong.json', 'slower'],
  ['revise', '--offline', '--params', 'a-directory.json', 'slower'],
  ['generate', '--params', 'garbage.json', '--out', 'out/a.mid'],
  ['generate', '--params', 'wrong.json', '--out', 'out/b.mid'],
  ['generate', '--params', 'array.json', '--out', 'out/c.mid'],
  ['generate', '--params', 'deep.json', '--out', 'out/d.mid'],
  ['generate', '--params', 'bom.json', '--out', 'out/e.mid'],
  ['generate', '--params', 'empty.json', '--out', 'out/f.mid'],
  ['generate', '--params', 'nul.json', '--out', 'out/g.mid'],
  ['generate', '--params', 'wrong.json'],
  ['analyze'],
  ['analyze', 'missing.mid'],
  ['analyze', 'random.mid'],
  ['analyze', 'empty.mid'],
  ['analyze', 'fake.mid'],
  ['analyze', 'a-directory.json'],
  ['notation', '--params', 'wrong.json', '--format', 'bogus', '--out', 'out/n.txt'],
  ['render', '--sketch', 'sketch.json', '--out', 'out/r.wav'],
];

describe('the CLI with bad files and arguments', () => {
  it.each(BAD.map((argv) => [argv.join(' ') || '(no arguments)', argv] as const))('%s → one clear line, non-zero exit', async (_label, argv) => {
    const { code, stderr } = await cli(argv);
    expect(code).toBeGreaterThan(0);
    if (argv.length === 0) return; // usage goes to stdout
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).not.toMatch(/unexpected error|    at |TypeError|RangeError/);
  }, 30_000);

  it('writes no output file when it fails', () => {
    expect(readdirSync(outDir)).toEqual([]);
  });

  it('survives random arguments: any exit is 0, 1 or 2 and failures never crash', async () => {
    const token = fc.oneof(
      fc.constantFrom('interpret', 'revise', 'generate', 'analyze', 'notation', '--params', '--out', '--seed', '--format', '--offline', '--sketch', 'garbage.json', 'wrong.json', 'random.mid', 'missing.json'),
      fc.constantFrom(...NASTY_STRINGS),
      fc.string({ maxLength: 20 }),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(token, { maxLength: 6 }), async (argv) => {
        // Never let a generated --out point outside the temp folder.
        const safe = argv.map((a, i) => (argv[i - 1] === '--out' ? `out/fuzz-${i}.bin` : a));
        const { code, stderr } = await cli(safe);
        expect([0, 1, 2]).toContain(code);
        if (code !== 0) expect(stderr).not.toMatch(/unexpected error|    at /);
      }),
      { numRuns: 60, seed: 4242 },
    );
  }, 120_000);
});
