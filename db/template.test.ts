/** The migrated-journal template: keyed by the migrations, written by an in-memory open, loaded
 *  into new journals, and ignored (then rebuilt) when damaged. */
import { cpSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { openDatabase } from './client.ts';
import { templateFile } from './template.ts';

const MIGRATIONS = path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations');
const count = async (db: Awaited<ReturnType<typeof openDatabase>>) =>
  Number(((await db.orm.execute(sql`SELECT count(*)::int AS n FROM songs`)) as unknown as { rows: { n: number }[] }).rows[0]!.n);

describe('PGlite journal template', () => {
  it('changes its key when a migration changes', () => {
    const copy = mkdtempSync(path.join(tmpdir(), 'innerchord-mig-'));
    cpSync(MIGRATIONS, copy, { recursive: true });
    const cache = mkdtempSync(path.join(tmpdir(), 'innerchord-cache-'));
    expect(templateFile(copy, cache)).toBe(templateFile(MIGRATIONS, cache));
    writeFileSync(path.join(copy, '0000_init.sql'), readFileSync(path.join(copy, '0000_init.sql'), 'utf8') + '\n-- changed');
    expect(templateFile(copy, cache)).not.toBe(templateFile(MIGRATIONS, cache));
  });

  it('is written by an in-memory open and gives new journals the schema and no rows', async () => {
    const cache = mkdtempSync(path.join(tmpdir(), 'innerchord-cache-'));
    const first = await openDatabase({ templateCache: cache });
    await first.orm.execute(sql`INSERT INTO songs (id, title) VALUES ('a', 'written after the template')`);
    await first.close();
    expect(existsSync(templateFile(MIGRATIONS, cache))).toBe(true);
    const dataDir = path.join(mkdtempSync(path.join(tmpdir(), 'innerchord-data-')), 'data');
    const fromTemplate = await openDatabase({ dataDir, templateCache: cache });
    expect(await count(fromTemplate)).toBe(0);
    await fromTemplate.orm.execute(sql`INSERT INTO songs (id, title) VALUES ('b', 'kept on disk')`);
    await fromTemplate.close();
    const reopened = await openDatabase({ dataDir, templateCache: cache });
    expect(await count(reopened)).toBe(1);
    await reopened.close();
  }, 120_000);

  it('falls back to a normal start when the cached template is damaged', async () => {
    const cache = mkdtempSync(path.join(tmpdir(), 'innerchord-cache-'));
    const file = templateFile(MIGRATIONS, cache);
    writeFileSync(file, 'not a tarball');
    const dataDir = path.join(mkdtempSync(path.join(tmpdir(), 'innerchord-data-')), 'data');
    const db = await openDatabase({ dataDir, templateCache: cache });
    expect(await count(db)).toBe(0);
    await db.close();
    expect(existsSync(file)).toBe(false);
  }, 120_000);
});
