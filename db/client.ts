/**
 * Opens the journal: real PostgreSQL when a URL is given, otherwise embedded PGlite in a data
 * directory (or in memory for tests). Migrations from db/migrations run before anything else.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import * as schema from './schema.ts';

export type Orm = PgDatabase<PgQueryResultHKT, typeof schema>;

export interface Database {
  orm: Orm;
  kind: 'pglite' | 'postgres';
  close(): Promise<void>;
}

const MIGRATIONS = path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations');

export interface OpenOptions {
  /** postgres://… → PostgreSQL; absent → PGlite. */
  url?: string;
  /** PGlite data directory; absent (and no url) → in-memory, for tests. */
  dataDir?: string;
  /** Skip migrations (tests of the migrations themselves). */
  migrate?: boolean;
}

/** Open the journal and bring its schema up to date. */
export async function openDatabase(options: OpenOptions = {}): Promise<Database> {
  const migrate = options.migrate ?? true;
  if (options.url) {
    const { default: pg } = await import('pg');
    const { drizzle } = await import('drizzle-orm/node-postgres');
    const pool = new pg.Pool({ connectionString: options.url, max: 10 });
    // A dropped connection must not crash the process; queries fail and the pool reconnects.
    pool.on('error', () => {});
    const orm = drizzle(pool, { schema });
    if (migrate) {
      const { migrate: run } = await import('drizzle-orm/node-postgres/migrator');
      await run(orm, { migrationsFolder: MIGRATIONS });
    }
    return { orm: orm as unknown as Orm, kind: 'postgres', close: () => pool.end() };
  }
  const { PGlite } = await import('@electric-sql/pglite');
  if (options.dataDir) mkdirSync(options.dataDir, { recursive: true });
  const client = new PGlite(options.dataDir);
  const { drizzle } = await import('drizzle-orm/pglite');
  const orm = drizzle(client, { schema });
  if (migrate) {
    const { migrate: run } = await import('drizzle-orm/pglite/migrator');
    await run(orm, { migrationsFolder: MIGRATIONS });
  }
  return { orm: orm as unknown as Orm, kind: 'pglite', close: () => client.close() };
}

export { schema };
