import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { SongParameters } from '../music/params.ts';
import { main } from './main.ts';
import type { CliIO } from './io.ts';

/** Run the CLI in-process with captured output. */
async function cli(args: string[], env: Record<string, string | undefined> = {}, cwd = process.cwd()) {
  let stdout = '';
  let stderr = '';
  const io: CliIO = { stdout: (s) => { stdout += s; }, stderr: (s) => { stderr += s; }, env, cwd };
  const code = await main(args, io);
  return { code, stdout, stderr };
}

const dir = mkdtempSync(path.join(tmpdir(), 'innerchord-cli-'));
const file = (name: string, body: string) => { writeFileSync(path.join(dir, name), body); return path.join(dir, name); };
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('innerchord revise', () => {
  const start = file('start.json', JSON.stringify({ key: 'C', mode: 'major', tempo: 96 }));
  it('prints the revised parameters and what it understood', async () => {
    const { code, stdout, stderr } = await cli(['revise', '--offline', '--params', start, 'slower']);
    expect(code).toBe(0);
    expect(SongParameters.parse(JSON.parse(stdout)).tempo).toBe(80);
    expect(stderr).toBe('understood: slower: 96 → 80 bpm\n');
  });
  it('reads the params file relative to the working directory', async () => {
    const { code, stdout } = await cli(['revise', '--offline', '--params', 'start.json', 'in E minor'], {}, dir);
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({ key: 'E', mode: 'minor', tempo: 96 });
  });
  it('names the field at fault in a bad params file', async () => {
    const bad = file('bad.json', JSON.stringify({ tempo: 500, sections: [{ name: 'verse', bars: 0 }] }));
    const { code, stderr } = await cli(['revise', '--offline', '--params', bad, 'slower']);
    expect(code).toBe(1);
    expect(stderr).toMatch(/tempo/);
    expect(stderr).toMatch(/sections\.0\.bars/);
    expect(stderr.trim().split('\n')).toHaveLength(1);
  });
  it('says where a params file is not JSON, and when it is missing', async () => {
    expect((await cli(['revise', '--offline', '--params', file('broken.json', '{"tempo": 90,'), 'slower'])).stderr).toMatch(/not valid JSON/);
    expect((await cli(['revise', '--offline', '--params', path.join(dir, 'nope.json'), 'slower'])).stderr).toMatch(/no such file/);
  });
  it('fails clearly without --params or without a request', async () => {
    expect((await cli(['revise', '--offline', 'slower'])).code).toBe(2);
    const empty = await cli(['revise', '--offline', '--params', start, '']);
    expect(empty.code).toBe(2);
    expect(empty.stderr).toMatch(/nothing to revise/);
  });
  it('reports an unrecognised request as an error and prints nothing', async () => {
    const { code, stdout, stderr } = await cli(['revise', '--offline', '--params', start, 'more cowbell reverb']);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/did not understand/);
  });
});
