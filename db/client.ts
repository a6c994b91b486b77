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
  /**
   * PGlite in a data directory only: run it in its own worker thread (db/pglite-remote.ts), so its
   * work does not stop other requests. Default: true unless INNERCHORD_JOURNAL_THREAD=0.
   */
  thread?: boolean;
}

/** Open the journal and bring its schema up to date. */
export async function openDatabase(options: OpenOptions = {}): Promise<Database> {
  const migrate = options.migrate ?? true;
  if (options.url) {
    const { default: pg } = await import('pg');
    const { drizzle } = await import('drizzle-orm/node-postgres');
    // A server that stops answering must fail requests within seconds (503), not hang them.
    const pool = new pg.Pool({ connectionString: options.url, max: 10, connectionTimeoutMillis: 5000 });
    // A dropped connection must not crash the process; queries fail and the pool reconnects.
    pool.on('error', () => {});
    // …and so must one on a client checked out for a transaction: pg emits 'error' on it when the
    // server goes away between two queries, and an unheard 'error' event would kill the process.
    pool.on('connect', (client) => client.on('error', () => {}));
    const orm = drizzle(pool, { schema });
    // drizzle's pooled transaction() never releases its client when BEGIN itself fails (the
    // connection was lost): ten such failures exhaust the pool and the journal stays down after
    // PostgreSQL is back. Run transactions on a client we check out and always release, and
    // discard that client when its connection is gone.
    orm.transaction = async (work, config) => {
      const client = await pool.connect();
      let lost: Error | undefined;
      try {
        return await drizzle(client, { schema }).transaction(work as never, config);
      } catch (error) {
        if (databaseErrorKind(error) === 'unavailable') lost = error as Error;
        throw error;
      } finally {
        client.release(lost);
      }
    };
    if (migrate) {
      const { migrate: run } = await import('drizzle-orm/node-postgres/migrator');
      await run(orm, { migrationsFolder: MIGRATIONS });
    }
    return { orm: orm as unknown as Orm, kind: 'postgres', close: () => pool.end() };
  }
  if (options.dataDir) mkdirSync(options.dataDir, { recursive: true });
  if (options.dataDir && (options.thread ?? process.env['INNERCHORD_JOURNAL_THREAD'] !== '0')) return openThreaded(options.dataDir, migrate, options.templateCache);
  const { PGlite } = await import('@electric-sql/pglite');
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

/** PGlite on its own thread in `dataDir` (a brand-new journal starts from the cached migrated template). */
async function openThreaded(dataDir: string, migrate: boolean, templateCache: string | false | undefined): Promise<Database> {
  const { RemotePGlite } = await import('./pglite-remote.ts');
  const template = migrate && isEmptyDataDir(dataDir) && templateCache !== false ? templateFile(MIGRATIONS, templateCache) : undefined;
  const cached = template ? readTemplate(template) : undefined;
  let client: import('./pglite-remote.ts').RemotePGlite | undefined;
  if (cached) {
    try {
      client = await RemotePGlite.open(dataDir, cached);
    } catch {
      dropTemplate(template!);
      for (const entry of readdirSync(dataDir)) rmSync(path.join(dataDir, entry), { recursive: true, force: true });
    }
  }
  client ??= await RemotePGlite.open(dataDir);
  const { drizzle } = await import('drizzle-orm/pglite');
  // drizzle's PGlite driver calls only query/exec/transaction, which the remote client answers.
  const orm = drizzle(client as never, { schema });
  if (migrate) {
    const { migrate: run } = await import('drizzle-orm/pglite/migrator');
    await run(orm, { migrationsFolder: MIGRATIONS });
  }
  const remote = client;
  return { orm: orm as unknown as Orm, kind: 'pglite', close: () => remote.close() };
}

const LOST_CONNECTION_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EHOSTUNREACH', 'EAI_AGAIN', '57P01', '57P02', '57P03', '53300', '08000', '08001', '08003', '08004', '08006']);
const LOST_CONNECTION_TEXT = /connection terminated|connection error|timeout exceeded when trying to connect|terminating connection|Connection ended|not queryable|the database system is (starting up|shutting down)/i;
/** Data the database refuses (a NUL byte in text, a number out of range): the request's fault, not the server's. */
const BAD_DATA_CODES = new Set(['22021', '22P05', '22P02', '22001', '22003', '54001']);

/**
 * What a database error means for the client: 'unavailable' (the server cannot be reached → 503),
 * 'bad-data' (the request carried something PostgreSQL cannot store → 400), or null. Walks the
 * `cause` chain, as drizzle wraps driver errors in "Failed query: …".
 */
export function databaseErrorKind(error: unknown): 'unavailable' | 'bad-data' | null {
  for (let e = error, depth = 0; e instanceof Error && depth < 8; e = e.cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && LOST_CONNECTION_CODES.has(code)) return 'unavailable';
    if (typeof code === 'string' && BAD_DATA_CODES.has(code)) return 'bad-data';
    if (e instanceof AggregateError && e.errors.some((inner) => databaseErrorKind(inner) === 'unavailable')) return 'unavailable';
    if (LOST_CONNECTION_TEXT.test(e.message)) return 'unavailable';
  }
  return null;
}

export { schema };
