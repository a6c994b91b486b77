/**
 * The on-disk embedded journal runs PGlite on its own thread (pglite-remote.ts): the journal's
 * services work through it unchanged, a transaction is never entered by another request's
 * statement, a failed one leaves nothing, the driver's error codes still arrive (the unique
 * violations retries and idempotency keys rely on), and what was acknowledged is there after a
 * restart.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appendMessage, createSong, getSong, listMessages } from '../server/journal/index.ts';
import { isUniqueViolation } from '../server/journal/common.ts';
import { isRepeatedKey } from '../server/journal/answering.ts';
import { openDatabase, type Database } from './client.ts';
import { songs } from './schema.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'innerchord-thread-'));
let db: Database;
const count = async (where = db) => Number(((await where.orm.execute(sql`SELECT count(*)::int AS n FROM songs`)) as unknown as { rows: { n: number }[] }).rows[0]!.n);

beforeAll(async () => {
  db = await openDatabase({ dataDir: dir });
}, 120_000);
afterAll(async () => {
  await db?.close();
});

describe('the embedded journal on its own thread', () => {
  it('runs the journal services: songs, gap-free message numbers under concurrent appends, timestamps', async () => {
    const song = await createSong(db, { title: 'On a thread' });
    await Promise.all(Array.from({ length: 25 }, (_, i) => appendMessage(db, { songId: song.id, role: 'user', text: `line ${i}` })));
    const messages = await listMessages(db, song.id);
    expect(messages.map((m) => m.seq)).toEqual(Array.from({ length: 25 }, (_, i) => i + 1));
    expect((await getSong(db, song.id)).createdAt).toBe(song.createdAt);
    // json/jsonb cross the thread as text and are parsed on this side: objects again, not strings.
    await appendMessage(db, { songId: song.id, role: 'assistant', text: 'reply', meta: { stage: 'about', suggestions: ['yes', 'skip'] } });
    expect((await listMessages(db, song.id)).at(-1)!.meta).toEqual({ stage: 'about', suggestions: ['yes', 'skip'] });
  });

  it('keeps every other statement out of an open transaction until it commits', async () => {
    const before = await count();
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let entered!: (tx: Parameters<Parameters<Database['orm']['transaction']>[0]>[0]) => void;
    const open = new Promise<Parameters<typeof entered>[0]>((resolve) => (entered = resolve));
    const inside = db.orm.transaction(async (tx) => {
      await tx.insert(songs).values({ id: 'tx-song', title: 'inside' });
      entered(tx);
      await held;
    });
    // The transaction has written its row (visible only inside it); now ask from outside.
    const tx = await open;
    let outsideSettled = false;
    const outside = count().then((n) => ((outsideSettled = true), n));
    // Round trips inside the transaction go on; the outside read must still be waiting behind it.
    for (let i = 0; i < 5; i++) await tx.execute(sql`SELECT 1`);
    expect(outsideSettled).toBe(false);
    release();
    await inside;
    expect(await outside).toBe(before + 1);
  });

  it('rolls a failed transaction back and answers the next statement', async () => {
    const before = await count();
    await expect(
      db.orm.transaction(async (tx) => {
        await tx.insert(songs).values({ id: 'rolled-back', title: 'gone' });
        throw new Error('changed my mind');
      }),
    ).rejects.toThrow('changed my mind');
    expect(await count()).toBe(before);
  });

  it('passes the database error codes and constraint names through', async () => {
    const song = await createSong(db, {});
    await appendMessage(db, { songId: song.id, role: 'user', text: 'once', idempotencyKey: 'key-12345678' });
    const repeated = await appendMessage(db, { songId: song.id, role: 'user', text: 'once', idempotencyKey: 'key-12345678' }).catch((e: unknown) => e);
    expect(isUniqueViolation(repeated)).toBe(true);
    expect(isRepeatedKey(repeated)).toBe(true);
  });

  it('keeps what it acknowledged across a restart', async () => {
    const song = await createSong(db, { title: 'Still here' });
    await appendMessage(db, { songId: song.id, role: 'user', text: 'remember this' });
    await db.close();
    db = await openDatabase({ dataDir: dir });
    expect((await getSong(db, song.id)).title).toBe('Still here');
    expect((await listMessages(db, song.id)).map((m) => m.text)).toEqual(['remember this']);
  }, 120_000);
});
