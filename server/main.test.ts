/** The real server process: one clear line and exit 1 on a bad environment; SIGTERM → clean exit 0. */
import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from './config.ts';
import { startupLine } from './http/banner.ts';

const ROOT = path.join(import.meta.dirname, '..');

function start(env: Record<string, string>) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], { cwd: ROOT, env: { ...process.env, INNERCHORD_LOG: 'error', ...env } });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => (stdout += d));
  child.stderr.on('data', (d) => (stderr += d));
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  return { child, exited, out: () => stdout, err: () => stderr };
}

describe('server/main.ts', () => {
  it('prints where it runs, which journal and which guide', () => {
    expect(startupLine(loadConfig({}), 8787)).toBe('Innerchord is running at http://localhost:8787 (journal: PGlite in ./data; guide: offline)');
    expect(startupLine(loadConfig({ DATABASE_URL: 'postgres://x@db/j', OPENAI_BASE_URL: 'http://localhost:11434/v1' }), 80)).toBe(
      'Innerchord is running at http://localhost:80 (journal: PostgreSQL; guide: LLM at localhost:11434)',
    );
  });

  it('exits 1 with one clear line on a bad environment', async () => {
    const p = start({ PORT: 'eighty' });
    expect(await p.exited).toBe(1);
    expect(p.err().trim().split('\n')).toEqual([expect.stringContaining('PORT')]);
  }, 30_000);

  it('refuses to start on an invalid INNERCHORD_CRISIS_RESOURCES file, naming it and the fault', async () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'innerchord-crisis-')), 'crisis.json');
    writeFileSync(file, JSON.stringify({ 'pt-BR': { where: 'Brazil', emergency: '192', helplines: [] } }));
    const p = start({ INNERCHORD_CRISIS_RESOURCES: file, INNERCHORD_DATA_DIR: path.dirname(file) });
    expect(await p.exited).toBe(1);
    expect(p.err().trim().split('\n')).toEqual([expect.stringMatching(/^innerchord: Invalid environment variable INNERCHORD_CRISIS_RESOURCES: .*crisis\.json: pt-BR\.helplines: /)]);
  }, 30_000);

  it('serves, then shuts down cleanly on SIGTERM', async () => {
    const port = 20_000 + Math.floor(Math.random() * 20_000);
    const p = start({ PORT: String(port), INNERCHORD_DATA_DIR: path.join(mkdtempSync(path.join(tmpdir(), 'innerchord-main-')), 'data'), DATABASE_URL: '', INNERCHORD_OFFLINE: '1' });
    const deadline = Date.now() + 90_000;
    let healthy = false;
    while (!healthy && Date.now() < deadline) {
      healthy = await fetch(`http://127.0.0.1:${port}/api/health`).then((r) => r.ok, () => false);
      if (!healthy) await new Promise((r) => setTimeout(r, 100));
    }
    expect(healthy).toBe(true);
    expect(p.out()).toContain(`Innerchord is running at http://localhost:${port}`);
    p.child.kill('SIGTERM');
    expect(await p.exited).toBe(0);
  }, 120_000);
});
