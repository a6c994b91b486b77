/**
 * Opens the journal: real PostgreSQL when a URL is given, otherwise embedded PGlite in a data
 * directory (or in memory for tests). Migrations from db/migrations run before anything else.
 */
import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import * as schema from './schema.ts';
import { dropTemplate, isEmptyDataDir, readTemplate, templateFile, writeTemplate } from './template.ts';

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
  /** PGlite only: folder caching a migrated empty journal to start new ones from (false: never). */
  templateCache?: string | false;
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
  // A brand-new journal starts from the cached migrated template instead of running initdb.
  const fresh = !options.dataDir || isEmptyDataDir(options.dataDir);
  const template = migrate && fresh && options.templateCache !== false ? templateFile(MIGRATIONS, options.templateCache) : undefined;
  const cached = template ? readTemplate(template) : undefined;
  let client: InstanceType<typeof PGlite> | undefined;
  if (cached) {
    try {
      client = new PGlite(options.dataDir, { loadDataDir: cached });
      await client.waitReady;
    } catch {
      await client?.close().catch(() => {});
      dropTemplate(template!);
      if (options.dataDir) for (const entry of readdirSync(options.dataDir)) rmSync(path.join(options.dataDir, entry), { recursive: true, force: true });
      client = undefined;
    }
  }
  client ??= new PGlite(options.dataDir);
  const { drizzle } = await import('drizzle-orm/pglite');
  const orm = drizzle(client, { schema });
  if (migrate) {
    const { migrate: run } = await import('drizzle-orm/pglite/migrator');
    await run(orm, { migrationsFolder: MIGRATIONS });
    // Still empty and just migrated: exactly what the next new journal needs. Only in-memory
    // opens (tests, benchmarks) write it, so a real first start never pays for the dump.
    if (template && !cached && !options.dataDir) await writeTemplate(template, await client.dumpDataDir('gzip'));
  }
  const pglite = client;
  return { orm: orm as unknown as Orm, kind: 'pglite', close: () => pglite.close() };
}

export { schema };
