/** `innerchord admin`: the first facilitator and invites, made on the server's own journal folder. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../db/client.ts';
import { logIn } from '../server/auth/users.ts';
import { run } from './admin.ts';
import type { CliIO } from './io.ts';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function io(env: Record<string, string>): CliIO & { out: string[] } {
  const out: string[] = [];
  const dir = mkdtempSync(path.join(tmpdir(), 'innerchord-admin-'));
  dirs.push(dir);
  return { out, stdout: (s) => out.push(s), stderr: () => {}, env: { INNERCHORD_DATA_DIR: 'journal', INNERCHORD_MODE: 'group', ...env }, cwd: dir };
}

describe('innerchord admin', () => {
  it('creates a facilitator who can log in, with a made-up password printed once', async () => {
    const cli = io({});
    await run(['create-facilitator', '--username', 'Alma'], cli);
    const made = JSON.parse(cli.out.join('')) as { username: string; role: string; password: string };
    expect(made).toMatchObject({ username: 'alma', role: 'facilitator' });
    expect(made.password.length).toBeGreaterThanOrEqual(16);
    await expect(run(['create-facilitator', '--username', 'alma'], cli)).rejects.toThrow(/already an account/);
    await run(['invite', '--uses', '3'], cli);
    expect(JSON.parse(cli.out.at(-1)!)).toMatchObject({ uses: 3, usesLeft: 3, live: true });
    const db = await openDatabase({ dataDir: path.join(cli.cwd, 'journal') });
    try {
      expect((await logIn(db, { username: 'alma', password: made.password }, '127.0.0.1')).role).toBe('facilitator');
    } finally {
      await db.close();
    }
  }, 60_000);

  it('takes the password from INNERCHORD_ADMIN_PASSWORD and does not echo it', async () => {
    const cli = io({ INNERCHORD_ADMIN_PASSWORD: 'a very long admin password' });
    await run(['create-facilitator', '--username', 'bodil'], cli);
    expect(cli.out.join('')).not.toContain('a very long admin password');
  }, 60_000);

  it('explains itself when used wrongly', async () => {
    await expect(run(['create-facilitator'], io({}))).rejects.toThrow(/usage/);
    await expect(run(['invite'], io({}))).rejects.toThrow(/no facilitator yet/);
  }, 60_000);
});
