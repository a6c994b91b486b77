/**
 * Real databases for tests — never a mock. `sharedPglite()` gives each test file one in-memory
 * PGlite (it takes seconds to start) and empties the tables between tests; `withPostgres()` makes a
 * throwaway database on TEST_DATABASE_URL's server and drops it afterwards. `backends` lets one
 * suite run against both: `for (const b of backends) describe.skipIf(b.skip)(b.name, () => { const t = b.open(); … })`.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach } from 'vitest';
import { openDatabase, type Database, type OpenOptions } from '../../db/client.ts';
import { createScratchDatabase } from './postgres.ts';

/** PostgreSQL server for tests, e.g. postgres://postgres@127.0.0.1:5432/test; unset → those tests skip. */
export const POSTGRES_URL = process.env.TEST_DATABASE_URL || undefined;

if (!POSTGRES_URL) console.log('PostgreSQL tests skipped: set TEST_DATABASE_URL=postgres://user@host:5432/db to run them.');

export const TABLES = ['songs', 'conversations', 'messages', 'intentions', 'versions', 'notes'] as const;
/** Group mode's tables (accounts, sessions, login counters, shares). */
export const ACCOUNT_TABLES = ['users', 'sessions', 'login_attempts', 'song_shares', 'invites'] as const;
/** Session templates written in the app, and the facilitators' discreet safety alerts. */
export const TEMPLATE_TABLES = ['session_templates', 'safety_alerts'] as const;
/** Jam takes recorded over a version's loop. */
export const JAM_TABLES = ['jam_takes'] as const;

export interface TestDb {
  /** The open database (available inside tests and hooks, after beforeAll ran). */
  readonly db: Database;
}

/** Empty every journal table. */
export async function truncateAll(db: Database): Promise<void> {
  await db.orm.execute(sql.raw(`TRUNCATE ${[...TABLES, ...ACCOUNT_TABLES, ...TEMPLATE_TABLES, ...JAM_TABLES].join(', ')} CASCADE`));
}

/** Row counts of every journal table: `{ songs: 0, messages: 0, … }`. */
export async function rowCounts(db: Database): Promise<Record<(typeof TABLES)[number], number>> {
  const counts = {} as Record<(typeof TABLES)[number], number>;
  for (const table of TABLES) {
    const result = await db.orm.execute(sql.raw(`SELECT count(*)::int AS n FROM ${table}`));
    counts[table] = Number((result as unknown as { rows: { n: number }[] }).rows[0]!.n);
  }
  return counts;
}

function lifecycle(open: () => Promise<{ db: Database; dispose: () => Promise<void> }>): TestDb {
  let current: { db: Database; dispose: () => Promise<void> } | undefined;
  beforeAll(async () => {
    current = await open();
  });
  beforeEach(async () => {
    if (current) await truncateAll(current.db);
  });
  afterAll(async () => {
    await current?.dispose();
  });
  return {
    get db() {
      if (!current) throw new Error('the test database is opened in beforeAll; use it inside tests');
      return current.db;
    },
  };
}

/** One in-memory PGlite for this test file, migrated, emptied before each test. */
export function sharedPglite(): TestDb {
  return lifecycle(async () => {
    const db = await openDatabase();
    return { db, dispose: () => db.close() };
  });
}

/** Create an empty database `innerchord_t_<random>` on the test server; `drop()` removes it. */
export async function freshPostgresDatabase(baseUrl = POSTGRES_URL): Promise<{ url: string; drop: () => Promise<void> }> {
  if (!baseUrl) throw new Error('TEST_DATABASE_URL is not set');
  return createScratchDatabase(baseUrl);
}

/** A fresh, migrated PostgreSQL database for this test file (call inside `describe.skipIf(!POSTGRES_URL)`). */
export function withPostgres(options: Omit<OpenOptions, 'url'> = {}): TestDb {
  return lifecycle(async () => {
    const fresh = await freshPostgresDatabase();
    const db = await openDatabase({ ...options, url: fresh.url });
    return {
      db,
      async dispose() {
        await db.close();
        await fresh.drop();
      },
    };
  });
}

/** The two journal backends, for `describe.skipIf(b.skip)` over each. */
export const backends = [
  { name: 'PGlite', skip: false, open: () => sharedPglite() },
  { name: 'PostgreSQL', skip: !POSTGRES_URL, open: () => withPostgres() },
] as const;
