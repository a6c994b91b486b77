/**
 * Per-account quotas in group mode, so one participant cannot fill a shared server: how many songs
 * they keep, how many conversation turns they take an hour, and how much they store. Checked
 * before the write, in the database (so every instance agrees): a new song past the song quota or
 * any write past the storage quota → 403 QUOTA_EXCEEDED; a turn past the hourly quota → 429
 * RATE_LIMITED with Retry-After. Each message names the quota and what to do. Counting before the
 * write means requests racing at the very edge can overshoot by the few already in flight; the
 * quota bounds a flood, it is not an exact ledger.
 */
import { and, count, eq, gte, min, sql } from 'drizzle-orm';
import type { MiddlewareHandler } from 'hono';
import type { Database } from '../../db/client.ts';
import { messages, songs } from '../../db/schema.ts';
import { DEFAULT_QUOTAS, type Quotas } from '../config.ts';
import { ServiceError } from '../errors.ts';
import { errorBody } from '../http/errors.ts';

const HOUR_MS = 60 * 60 * 1000;
const WRITES = new Set(['POST', 'PUT', 'PATCH']);
const NEW_SONG = /^\/api\/(songs|import)$/;
const TURN = /^\/api\/songs\/[^/]+\/turns$/;
const JOURNAL_WRITE = /^\/api\/(songs|versions|import)(\/|$)/;

export async function songCount(db: Database, userId: string): Promise<number> {
  const [row] = await db.orm.select({ n: count() }).from(songs).where(eq(songs.ownerId, userId));
  return Number(row?.n ?? 0);
}

/** Turns (the account's own messages) in the hour before `at`, and when the oldest of them was. */
export async function turnsInLastHour(db: Database, userId: string, at: Date): Promise<{ n: number; oldest: Date | null }> {
  const [row] = await db.orm
    .select({ n: count(), oldest: min(messages.createdAt) })
    .from(messages)
    .innerJoin(songs, eq(songs.id, messages.songId))
    .where(and(eq(songs.ownerId, userId), eq(messages.role, 'user'), gte(messages.createdAt, new Date(at.getTime() - HOUR_MS))));
  return { n: Number(row?.n ?? 0), oldest: row?.oldest ? new Date(row.oldest) : null };
}

/** Bytes the account's songs take in the journal (rows as stored, compressed values included). */
export async function storageUsed(db: Database, userId: string): Promise<number> {
  const per = (table: string) => sql.raw(`coalesce((select sum(pg_column_size(t.*)) from ${table} t join songs s on s.id = t.song_id where s.owner_id = `);
  const result = (await db.orm.execute(sql`select
      coalesce((select sum(pg_column_size(s.*)) from songs s where s.owner_id = ${userId}), 0)
      + ${per('messages')}${userId}), 0)
      + ${per('versions')}${userId}), 0)
      + ${per('notes')}${userId}), 0)
      + ${per('intentions')}${userId}), 0)
      + ${per('conversations')}${userId}), 0)
      + ${per('jam_takes')}${userId}), 0) as bytes`)) as unknown as { rows: { bytes: string | number }[] };
  return Number(result.rows[0]?.bytes ?? 0);
}

const mb = (bytes: number) => `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB`;

/** The quota middleware (group mode, behind the session check). */
export function enforceQuotas(db: Database, quotas: Quotas = DEFAULT_QUOTAS, now: () => Date = () => new Date()): MiddlewareHandler {
  return async (c, next) => {
    const user = c.get('session')?.user;
    if (!user || !WRITES.has(c.req.method) || !JOURNAL_WRITE.test(c.req.path)) return next();
    if (NEW_SONG.test(c.req.path) && (await songCount(db, user.id)) >= quotas.songs) {
      throw new ServiceError('QUOTA_EXCEEDED', `You have ${quotas.songs} songs, the most one account may keep on this server; delete or export old ones to make room, or ask your facilitator.`);
    }
    if (c.req.method === 'POST' && TURN.test(c.req.path)) {
      const at = now();
      const { n, oldest } = await turnsInLastHour(db, user.id, at);
      if (n >= quotas.turnsPerHour) {
        const wait = Math.max(1, Math.ceil(((oldest?.getTime() ?? at.getTime()) + HOUR_MS - at.getTime()) / 1000));
        return c.json(errorBody('RATE_LIMITED', `You have taken ${quotas.turnsPerHour} turns in the last hour, the most this server allows; try again in ${Math.ceil(wait / 60)} minutes.`), 429, { 'Retry-After': String(wait) });
      }
    }
    const used = await storageUsed(db, user.id);
    if (used >= quotas.storageBytes) {
      throw new ServiceError('QUOTA_EXCEEDED', `Your songs take ${mb(used)} of the ${mb(quotas.storageBytes)} one account may use on this server; delete old songs or versions to make room, or ask your facilitator.`);
    }
    return next();
  };
}
