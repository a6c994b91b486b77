/**
 * Erased means gone from the disk: a phrase written into a journal on disk (title, messages, notes,
 * a version's request) can be found in the PGlite data folder before the erase, and nowhere in it
 * after the erase and a restart — for deleting a song, deleting everything, and a retention sweep.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { eq, sql } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../../db/client.ts';
import { songs } from '../../db/schema.ts';
import { createApp } from '../app.ts';
import { loadConfig } from '../config.ts';
import { createLogger } from '../log.ts';
import { sweep } from '../privacy/retention.ts';
import { eraseBytes } from './erase.ts';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** Files under `dir` holding `needle` (read as bytes, so binary heap and WAL files count). */
function filesHolding(dir: string, needle: string): string[] {
  const bytes = Buffer.from(needle, 'utf8');
  const hits: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const p = path.join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (readFileSync(p).includes(bytes)) hits.push(path.relative(dir, p));
    }
  };
  walk(dir);
  return hits;
}

async function journalOnDisk(): Promise<{ dir: string; db: Database }> {
  const dir = mkdtempSync(path.join(tmpdir(), 'innerchord-erase-'));
  dirs.push(dir);
  return { dir, db: await openDatabase({ dataDir: dir }) };
}

const appOver = (db: Database, env: Record<string, string> = {}) => createApp({ db, config: loadConfig({ INNERCHORD_OFFLINE: '1', INNERCHORD_LOG: 'silent', ...env }), log: createLogger('silent') });
const post = (body: unknown) => ({ method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }) as const;

/** A song full of the phrase: its title, a turn (the message, and the guide's reply), a note. */
async function songWith(app: ReturnType<typeof appOver>, phrase: string): Promise<string> {
  const { id } = (await (await app.request('/api/songs', post({ title: `Song of ${phrase}` }))).json()) as { id: string };
  expect((await app.request(`/api/songs/${id}/turns`, post({ text: `It is about ${phrase}, the kitchen light at night` }))).status).toBe(200);
  expect((await app.request(`/api/songs/${id}/notes`, post({ text: `remember ${phrase}` }))).status).toBe(201);
  return id;
}

async function restart(dir: string, db: Database): Promise<void> {
  await db.close();
  const again = await openDatabase({ dataDir: dir });
  await again.close();
}

describe('erasure on PGlite', () => {
  it('deleting a song leaves the phrase nowhere in the data folder, and keeps the other song', async () => {
    const { dir, db } = await journalOnDisk();
    const app = appOver(db);
    const phrase = `marigold-${process.pid}-erase-one`;
    const keep = `juniper-${process.pid}-keep-one`;
    const id = await songWith(app, phrase);
    await songWith(app, keep);
    // The control: the words really are on the disk before the erase (else the grep proves nothing).
    await db.orm.execute(sql`CHECKPOINT`);
    expect(filesHolding(dir, phrase).length).toBeGreaterThan(0);
    expect((await app.request(`/api/songs/${id}`, { method: 'DELETE' })).status).toBe(204);
    await restart(dir, db);
    expect(filesHolding(dir, phrase)).toEqual([]);
    expect(filesHolding(dir, keep).length).toBeGreaterThan(0);
  }, 240_000);

  it('"delete everything" leaves no phrase of any song behind', async () => {
    const { dir, db } = await journalOnDisk();
    const app = appOver(db);
    const phrases = ['première-neige', 'Schneeglöckchen-flüstern', 'ひとりの夜の窓'].map((p) => `${p}-${process.pid}`);
    for (const p of phrases) await songWith(app, p);
    const res = await app.request('/api/account', { method: 'DELETE', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ confirm: 'delete everything' }) });
    expect(res.status).toBe(200);
    await restart(dir, db);
    for (const p of phrases) expect(filesHolding(dir, p), p).toEqual([]);
  }, 240_000);

  it('a retention sweep erases the swept songs from the disk', async () => {
    const { dir, db } = await journalOnDisk();
    const app = appOver(db);
    const phrase = `saltmarsh-${process.pid}-swept`;
    const id = await songWith(app, phrase);
    await db.orm.update(songs).set({ updatedAt: new Date('2020-01-01T00:00:00Z') }).where(eq(songs.id, id));
    expect((await sweep(db, 30, new Date('2026-01-01T00:00:00Z'))).songs).toBe(1);
    await restart(dir, db);
    expect(filesHolding(dir, phrase)).toEqual([]);
  }, 240_000);

  it('agrees with grep -r (the tool a person checking would use)', async () => {
    const { dir, db } = await journalOnDisk();
    const app = appOver(db);
    const phrase = `cobalt-${process.pid}-grep`;
    await app.request(`/api/songs/${await songWith(app, phrase)}`, { method: 'DELETE' });
    await restart(dir, db);
    let out = '';
    try {
      out = execFileSync('grep', ['-rla', phrase, dir]).toString();
    } catch (error) {
      // grep exits 1 when nothing matched.
      expect((error as { status?: number }).status).toBe(1);
    }
    expect(out).toBe('');
  }, 240_000);

  it('shares one follow-up rewrite among calls that arrive while one runs', async () => {
    const { db } = await journalOnDisk();
    const reports = await Promise.all([eraseBytes(db), eraseBytes(db), eraseBytes(db), eraseBytes(db)]);
    expect(reports[0]!.refused).toEqual([]);
    expect(reports[0]!.done.some((s) => s.startsWith('VACUUM FULL songs'))).toBe(true);
    // The three late calls got the same follow-up run.
    expect(reports[1]).toBe(reports[2]);
    expect(reports[2]).toBe(reports[3]);
    expect(reports[1]).not.toBe(reports[0]);
    await db.close();
  }, 240_000);
});
