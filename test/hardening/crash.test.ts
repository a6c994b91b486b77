/**
 * Crash consistency: kill -9 the real server while dozens of clients are writing, restart it on
 * the same journal, and check that the journal opens cleanly and that every song, message and
 * version whose id a client got back is still there. For embedded PGlite (a data directory) and, when
 * TEST_DATABASE_URL is set, PostgreSQL (a throwaway database).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { freshPostgresDatabase, POSTGRES_URL } from '../support/db.ts';
import { killAllServers, missingAfterRestart, startServerProcess, writeUntil, type Acknowledged } from './server-process.ts';

/** Clients writing at once, and acknowledged writes to wait for before the kill. */
const WORKERS = 40;
const KILL_AFTER_ACKS = Number(process.env.CRASH_ACKS ?? 200);
const ROUNDS = Number(process.env.CRASH_ROUNDS ?? 1);
/** Versions (sketch and revision turns) that must be acknowledged too before the kill. */
const MIN_VERSIONS = 10;

/** Write until KILL_AFTER_ACKS ids are acknowledged, kill -9 mid-stream, restart, check every id. */
async function crashAndCheck(env: Record<string, string>): Promise<{ acknowledged: number; versions: number; inFlightAtKill: boolean }> {
  const ack: Acknowledged = { songs: [], messages: [], versions: [] };
  let inFlightAtKill = false;
  for (let round = 0; round < ROUNDS; round++) {
    const started = performance.now();
    const server = await startServerProcess({ INNERCHORD_WARM_UP: '0', ...env });
    console.log(`crash: server up in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    let killed = false;
    const target = ack.songs.length + ack.messages.length + KILL_AFTER_ACKS;
    const versionTarget = ack.versions.length + MIN_VERSIONS;
    const writing = writeUntil(server.url, WORKERS, () => killed, ack);
    // Enough writes of every kind: songs, messages, and versions (sketches) too.
    while (ack.songs.length + ack.messages.length < target || ack.versions.length < versionTarget) {
      if (server.child.exitCode !== null) throw new Error(`server died on its own: ${server.stderr()}`);
      await new Promise((r) => setTimeout(r, 10));
    }
    console.log(`crash: ${ack.songs.length + ack.messages.length} writes and ${ack.versions.length} versions acknowledged at ${((performance.now() - started) / 1000).toFixed(1)} s; kill -9`);
    // Requests are still in flight right now: that is the point.
    inFlightAtKill = true;
    await server.kill9();
    killed = true;
    await writing;
  }
  const restarted = await startServerProcess({ INNERCHORD_WARM_UP: '0', ...env });
  try {
    const health = await fetch(`${restarted.url}/api/health`);
    expect(health.status).toBe(200);
    expect(await missingAfterRestart(restarted.url, ack)).toEqual([]);
    // The journal still takes writes after the crash.
    const res = await fetch(`${restarted.url}/api/songs`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"title":"after the crash"}' });
    expect(res.status).toBe(201);
  } finally {
    expect(await restarted.stop()).toBe(0);
  }
  return { acknowledged: ack.songs.length + ack.messages.length, versions: ack.versions.length, inFlightAtKill };
}

describe('kill -9 during concurrent writes loses no acknowledged write', () => {
  const dirs: string[] = [];
  afterAll(() => {
    killAllServers();
    dirs.forEach((d) => rmSync(d, { recursive: true, force: true }));
  });

  it('on embedded PGlite (a data directory)', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'innerchord-crash-'));
    dirs.push(dir);
    const result = await crashAndCheck({ INNERCHORD_DATA_DIR: path.join(dir, 'journal') });
    expect(result.acknowledged).toBeGreaterThanOrEqual(KILL_AFTER_ACKS * ROUNDS);
    expect(result.versions).toBeGreaterThanOrEqual(MIN_VERSIONS * ROUNDS);
    expect(result.inFlightAtKill).toBe(true);
  }, 180_000);

  it.skipIf(!POSTGRES_URL)('on PostgreSQL (a throwaway database)', async () => {
    const db = await freshPostgresDatabase();
    try {
      const result = await crashAndCheck({ DATABASE_URL: db.url });
      expect(result.acknowledged).toBeGreaterThanOrEqual(KILL_AFTER_ACKS * ROUNDS);
      expect(result.versions).toBeGreaterThanOrEqual(MIN_VERSIONS * ROUNDS);
    } finally {
      await db.drop();
    }
  }, 180_000);
});
