/**
 * Journal throughput: create song, append message, make/read a version, list 50 songs (and a search) — operations per
 * second on in-memory PGlite and, when TEST_DATABASE_URL or DATABASE_URL is set, on a scratch
 * PostgreSQL database, printed side by side.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { openDatabase, type Database } from '../db/client.ts';
import { appendMessage, createSong, createVersion, getVersion, listSongs, listVersions } from '../server/journal/index.ts';
import { createScratchDatabase } from '../test/support/postgres.ts';

interface Op {
  name: string;
  count: number;
  run: (db: Database, i: number, songId: string) => Promise<unknown>;
}

const OPS: Op[] = [
  { name: 'create song', count: 300, run: (db, i) => createSong(db, { title: `Bench song ${i}` }) },
  { name: 'append message', count: 500, run: (db, i, songId) => appendMessage(db, { songId, role: i % 2 ? 'assistant' : 'user', text: `Line ${i}: the house is quiet now and the light is low.` }) },
  { name: 'make and store a version', count: 100, run: (db, i, songId) => createVersion(db, { songId, params: { tempo: 60 + (i % 80) }, seed: 7 }) },
  { name: 'read a version (with its sketch)', count: 200, run: async (db, _i, songId) => getVersion(db, (await listVersions(db, songId)).at(-1)!.id) },
  { name: 'list 50 songs', count: 200, run: (db) => listSongs(db, { limit: 50 }) },
  { name: 'search 50 songs (q)', count: 100, run: (db) => listSongs(db, { limit: 50, q: 'quiet' }) },
];

/** ops/s for each operation, in order, on one database. */
async function measure(db: Database): Promise<number[]> {
  const song = await createSong(db, { title: 'Bench conversation' });
  const results: number[] = [];
  for (const op of OPS) {
    for (let i = 0; i < 10; i++) await op.run(db, i, song.id); // warm up
    const start = performance.now();
    for (let i = 0; i < op.count; i++) await op.run(db, i, song.id);
    results.push(op.count / ((performance.now() - start) / 1000));
  }
  return results;
}

export async function run(): Promise<void> {
  const columns: { name: string; opsPerSecond: number[] | null }[] = [];
  const pglite = await openDatabase();
  try {
    columns.push({ name: 'PGlite (memory)', opsPerSecond: await measure(pglite) });
  } finally {
    await pglite.close();
  }
  const pgUrl = process.env.TEST_DATABASE_URL || process.env.DATABASE_URL;
  if (pgUrl) {
    const scratch = await createScratchDatabase(pgUrl);
    const db = await openDatabase({ url: scratch.url });
    try {
      columns.push({ name: 'PostgreSQL', opsPerSecond: await measure(db) });
    } finally {
      await db.close();
      await scratch.drop();
    }
  } else columns.push({ name: 'PostgreSQL (skipped: set TEST_DATABASE_URL)', opsPerSecond: null });
  console.log(`| operation (ops/s) | ${columns.map((c) => c.name).join(' | ')} |`);
  console.log(`|---|${columns.map(() => '---:').join('|')}|`);
  OPS.forEach((op, i) => console.log(`| ${op.name} | ${columns.map((c) => (c.opsPerSecond ? c.opsPerSecond[i]!.toFixed(0) : '—')).join(' | ')} |`));
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) await run();
