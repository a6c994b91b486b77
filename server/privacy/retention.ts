/**
 * Retention: songs not changed for INNERCHORD_RETENTION_DAYS are deleted (with everything in them),
 * along with expired sessions and stale login counters. Run at start-up and hourly; the clock is
 * passed in so tests can move time.
 */
import { lt } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import { songs } from '../../db/schema.ts';
import { pruneAttempts } from '../auth/rate-limit.ts';
import { eraseBytes } from '../journal/erase.ts';
import { pruneSessions } from '../auth/sessions.ts';
import type { Logger } from '../log.ts';

const DAY_MS = 24 * 60 * 60 * 1000;
export const SWEEP_INTERVAL_MS = 60 * 60 * 1000;

export interface SweepResult {
  songs: number;
  sessions: number;
  loginAttempts: number;
}

/** One sweep at time `at`; `retentionDays` null keeps songs forever (sessions are still pruned). */
export async function sweep(db: Database, retentionDays: number | null, at: Date): Promise<SweepResult> {
  let deleted = 0;
  if (retentionDays !== null) {
    const cutoff = new Date(at.getTime() - retentionDays * DAY_MS);
    deleted = (await db.orm.delete(songs).where(lt(songs.updatedAt, cutoff)).returning({ id: songs.id })).length;
    // Swept songs leave the disk too (server/journal/erase.ts).
    if (deleted > 0) await eraseBytes(db);
  }
  return { songs: deleted, sessions: await pruneSessions(db, at), loginAttempts: await pruneAttempts(db, at) };
}

export interface RetentionOptions {
  retentionDays: number | null;
  log: Logger;
  clock?: () => Date;
  intervalMs?: number;
}

/** Sweep now and then every hour; returns `stop()`. The timer never keeps the process alive. */
export function startRetention(db: Database, options: RetentionOptions): { stop: () => void; ready: Promise<void> } {
  const clock = options.clock ?? (() => new Date());
  const run = async () => {
    try {
      const result = await sweep(db, options.retentionDays, clock());
      if (result.songs) options.log.info('retention: deleted songs past the retention period', { songs: result.songs, days: options.retentionDays });
    } catch (error) {
      options.log.error('retention sweep failed', { error: error instanceof Error ? error.message : String(error) });
    }
  };
  const ready = run();
  const timer = setInterval(() => void run(), options.intervalMs ?? SWEEP_INTERVAL_MS);
  timer.unref();
  return { stop: () => clearInterval(timer), ready };
}
