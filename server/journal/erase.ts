/**
 * Erasure that erases. PostgreSQL (and PGlite, which is PostgreSQL) does not remove a deleted row's
 * bytes: the old tuple stays in the table's pages until vacuum reuses the space, and every insert
 * also went to the write-ahead log. So after a song, an account or a retention sweep is deleted,
 * `eraseBytes` rewrites the journal's tables (VACUUM FULL copies the live rows into new files and
 * unlinks the old ones, indexes and TOAST included) and then retires the WAL that held the words:
 * switch to a new WAL segment and checkpoint, twice, with WAL recycling off so the old segments are
 * deleted rather than renamed for reuse with their contents intact.
 *
 * On PGlite this removes every copy from the data folder (the erase test greps it after a restart).
 * On a PostgreSQL server the same statements run as far as the role allows (VACUUM FULL needs table
 * ownership, CHECKPOINT and pg_switch_wal need pg_checkpoint / superuser), and the checkpointer
 * follows the server's own wal_recycle setting; what may remain there is written in docs/PRIVACY.md.
 */
import { sql } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';

/** Every table that can hold a musician's words or traces of them. */
export const ERASABLE_TABLES = ['songs', 'conversations', 'messages', 'intentions', 'versions', 'notes', 'jam_takes', 'session_templates', 'safety_alerts', 'song_shares', 'users', 'sessions', 'login_attempts', 'invites'] as const;

export interface EraseReport {
  /** Statements that ran. */
  done: string[];
  /** Statements the database refused (PostgreSQL without the privilege), with its reason. */
  refused: { statement: string; reason: string }[];
}

const running = new WeakMap<Database, { current: Promise<EraseReport>; again: Promise<EraseReport> | null }>();

async function existingTables(db: Database): Promise<string[]> {
  const result = (await db.orm.execute(sql`select tablename from pg_tables where schemaname = current_schema()`)) as unknown as { rows: { tablename: string }[] };
  const present = new Set(result.rows.map((r) => r.tablename));
  return ERASABLE_TABLES.filter((t) => present.has(t));
}

async function compact(db: Database): Promise<EraseReport> {
  const report: EraseReport = { done: [], refused: [] };
  const run = async (statement: string) => {
    try {
      await db.orm.execute(sql.raw(statement));
      report.done.push(statement);
    } catch (error) {
      report.refused.push({ statement, reason: error instanceof Error ? (error.cause instanceof Error ? error.cause.message : error.message) : String(error) });
    }
  };
  // PGlite is one backend, so the checkpoint below runs here and honours this session setting.
  if (db.kind === 'pglite') await run('SET wal_recycle = off');
  await run(`VACUUM FULL ${(await existingTables(db)).join(', ')}`);
  for (let i = 0; i < 2; i++) {
    await run('SELECT pg_switch_wal()');
    await run('CHECKPOINT');
  }
  return report;
}

/**
 * Rewrite the journal's tables and retire the WAL so deleted words leave the disk. Calls that
 * arrive while one is running share a single follow-up run (which starts after every deletion
 * they follow has committed), so a burst of deletions costs two rewrites, not one each.
 */
export function eraseBytes(db: Database): Promise<EraseReport> {
  const state = running.get(db);
  if (!state) {
    const current = compact(db).finally(() => {
      const s = running.get(db);
      if (s && !s.again) running.delete(db);
    });
    running.set(db, { current, again: null });
    return current;
  }
  if (!state.again) {
    state.again = state.current.then(
      () => undefined,
      () => undefined,
    ).then(() => {
      const next = compact(db);
      running.set(db, { current: next, again: null });
      void next.finally(() => {
        const s = running.get(db);
        if (s?.current === next && !s.again) running.delete(db);
      });
      return next;
    });
  }
  return state.again;
}
