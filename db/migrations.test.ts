/**
 * The committed migrations: they build the whole schema on an empty database, bring a database
 * left at any earlier migration up to date (ending with the same schema as a fresh one), and are a
 * no-op on an up-to-date database — on PGlite and, when TEST_DATABASE_URL is set, PostgreSQL.
 */
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { ACCOUNT_TABLES, freshPostgresDatabase, JAM_TABLES, POSTGRES_URL, TABLES, TEMPLATE_TABLES } from '../test/support/db.ts';
import { openDatabase, type Database } from './client.ts';

const MIGRATIONS = path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations');
const journal = JSON.parse(readFileSync(path.join(MIGRATIONS, 'meta', '_journal.json'), 'utf8')) as { entries: { tag: string }[] };

/** A copy of the migrations folder that stops after the first `count` migrations. */
function migrationsUpTo(count: number): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'innerchord-migrations-'));
  cpSync(MIGRATIONS, dir, { recursive: true });
  writeFileSync(path.join(dir, 'meta', '_journal.json'), JSON.stringify({ ...journal, entries: journal.entries.slice(0, count) }));
  return dir;
}

async function migrate(db: Database, folder = MIGRATIONS): Promise<void> {
  if (db.kind === 'pglite') {
    const { migrate: run } = await import('drizzle-orm/pglite/migrator');
    await run(db.orm as never, { migrationsFolder: folder });
  } else {
    const { migrate: run } = await import('drizzle-orm/node-postgres/migrator');
    await run(db.orm as never, { migrationsFolder: folder });
  }
}

const rows = async <T>(db: Database, query: string): Promise<T[]> => ((await db.orm.execute(sql.raw(query))) as unknown as { rows: T[] }).rows;

/** Tables, columns and indexes of the public schema, as comparable text. */
async function schemaShape(db: Database): Promise<string[]> {
  const columns = await rows<Record<string, string>>(db, `SELECT table_name, column_name, data_type, is_nullable, coalesce(column_default, '') AS d FROM information_schema.columns WHERE table_schema = 'public' ORDER BY 1, 2`);
  const indexes = await rows<Record<string, string>>(db, `SELECT indexdef FROM pg_indexes WHERE schemaname = 'public' ORDER BY 1`);
  return [...columns.map((c) => Object.values(c).join(' ')), ...indexes.map((i) => i.indexdef!)];
}

const tablesOf = async (db: Database) => (await rows<{ t: string }>(db, `SELECT table_name AS t FROM information_schema.tables WHERE table_schema = 'public' ORDER BY 1`)).map((r) => r.t);
const applied = async (db: Database) => Number((await rows<{ n: number }>(db, 'SELECT count(*)::int AS n FROM drizzle.__drizzle_migrations'))[0]!.n);

const engines = [
  {
    name: 'PGlite',
    skip: false,
    open: async () => {
      const db = await openDatabase({ migrate: false });
      return { db, drop: () => db.close() };
    },
  },
  {
    name: 'PostgreSQL',
    skip: !POSTGRES_URL,
    open: async () => {
      const fresh = await freshPostgresDatabase();
      const db = await openDatabase({ url: fresh.url, migrate: false });
      return { db, drop: async () => { await db.close(); await fresh.drop(); } };
    },
  },
];

for (const engine of engines) {
  describe.skipIf(engine.skip)(`migrations on ${engine.name}`, () => {
    it('create every journal table on an empty database, and re-running them changes nothing', async () => {
      const { db, drop } = await engine.open();
      try {
        expect(await tablesOf(db)).toEqual([]);
        await migrate(db);
        expect(await tablesOf(db)).toEqual([...TABLES, ...ACCOUNT_TABLES, ...TEMPLATE_TABLES, ...JAM_TABLES].sort());
        expect(await applied(db)).toBe(journal.entries.length);
        const shape = await schemaShape(db);
        await db.orm.execute(sql.raw(`INSERT INTO songs (id, title) VALUES ('kept', 'Still here')`));
        await migrate(db);
        expect(await applied(db)).toBe(journal.entries.length);
        expect(await schemaShape(db)).toEqual(shape);
        expect(await rows(db, `SELECT title FROM songs`)).toEqual([{ title: 'Still here' }]);
      } finally {
        await drop();
      }
    }, 60_000);

    it('apply one at a time, each on the database the one before it left, ending as a fresh database does', async () => {
      const fresh = await engine.open();
      const walker = await engine.open();
      try {
        await migrate(fresh.db);
        for (let count = 1; count <= journal.entries.length; count++) {
          await migrate(walker.db, migrationsUpTo(count));
          expect(await applied(walker.db)).toBe(count);
        }
        expect(await schemaShape(walker.db)).toEqual(await schemaShape(fresh.db));
      } finally {
        await fresh.drop();
        await walker.drop();
      }
    }, 120_000);

    // Each earlier state brought up to date in one go (several migrations in one call). A fresh
    // PGlite costs seconds to start, PostgreSQL databases milliseconds; so when PostgreSQL is here
    // it checks every state and PGlite the walk above, and without it PGlite checks every state.
    // Each new migration adds a case automatically.
    const everyState = engine.name === 'PostgreSQL' || !POSTGRES_URL;
    for (let previous = 0; everyState && previous < journal.entries.length; previous++) {
      it(`bring a database left after ${previous} migration(s) up to date with the same schema as a fresh one`, async () => {
        const fresh = await engine.open();
        const old = await engine.open();
        try {
          await migrate(fresh.db);
          await migrate(old.db, migrationsUpTo(previous));
          expect(await applied(old.db)).toBe(previous);
          await migrate(old.db);
          expect(await applied(old.db)).toBe(journal.entries.length);
          expect(await schemaShape(old.db)).toEqual(await schemaShape(fresh.db));
        } finally {
          await fresh.drop();
          await old.drop();
        }
      }, 60_000);
    }
  });
}
