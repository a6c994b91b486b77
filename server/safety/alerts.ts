/**
 * The discreet facilitator alert (group mode): when crisis language meets a participant's song,
 * a row records which song and when — never the words, never the signals — so a facilitator can
 * check in with the person, in person. Personal mode (no accounts) records nothing.
 */
import { and, count, desc, eq, gte, isNull, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Database } from '../../db/client.ts';
import { safetyAlerts, songs, users } from '../../db/schema.ts';
import { found } from '../errors.ts';
import { newId, now } from '../journal/common.ts';

export const SafetyAlert = z.object({
  id: z.string(),
  songId: z.string(),
  /** The participant whose song it is, so the facilitator knows whom to check in with. */
  username: z.string(),
  createdAt: z.string(),
  seenAt: z.string().nullable(),
});
export type SafetyAlert = z.infer<typeof SafetyAlert>;

/** At most this many unseen alerts per participant in ALERT_WINDOW_MS: enough to show someone is
 *  struggling in several songs, not a wall of rows (one participant raised 20 from 20 songs). */
export const ALERTS_PER_PARTICIPANT = 3;
export const ALERT_WINDOW_MS = 60 * 60 * 1000;

/**
 * Record an alert for a group-mode song (one with an owner account); false when none was made.
 * At most one unseen alert per song: a retried crisis turn, or more crisis words before anyone has
 * followed up, asks for the same check-in, and a list of repeats would only be noise (and could
 * read as alarming to others in the room). Once marked seen, a new crisis raises a new alert.
 */
export async function raiseAlert(db: Database, songId: string): Promise<boolean> {
  const [song] = await db.orm.select({ ownerId: songs.ownerId }).from(songs).where(eq(songs.id, songId));
  if (!song?.ownerId) return false;
  const owner = song.ownerId;
  return db.orm.transaction(async (tx) => {
    // Per participant, not only per song: many songs must not flood facilitators (see
    // ALERTS_PER_PARTICIPANT). The lock makes the count-then-insert one step per participant.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`alert:${owner}`}))`);
    const [recent] = await tx
      .select({ n: count() })
      .from(safetyAlerts)
      .innerJoin(songs, eq(songs.id, safetyAlerts.songId))
      .where(and(eq(songs.ownerId, owner), isNull(safetyAlerts.seenAt), gte(safetyAlerts.createdAt, new Date(Date.now() - ALERT_WINDOW_MS))));
    if (Number(recent?.n ?? 0) >= ALERTS_PER_PARTICIPANT) return false;
    // The partial unique index (one unseen alert per song) decides, so two simultaneous turns cannot both insert.
    const made = await tx.insert(safetyAlerts).values({ id: newId(), songId, createdAt: now() }).onConflictDoNothing().returning({ id: safetyAlerts.id });
    return made.length > 0;
  });
}

/** Alerts newest first (at most `limit`), optionally only the unseen ones. */
export async function listAlerts(db: Database, options: { unseen?: boolean; limit?: number } = {}): Promise<SafetyAlert[]> {
  const rows = await db.orm
    .select({ id: safetyAlerts.id, songId: safetyAlerts.songId, username: users.username, createdAt: safetyAlerts.createdAt, seenAt: safetyAlerts.seenAt })
    .from(safetyAlerts)
    .innerJoin(songs, eq(songs.id, safetyAlerts.songId))
    .innerJoin(users, eq(users.id, songs.ownerId))
    .where(options.unseen ? isNull(safetyAlerts.seenAt) : undefined)
    .orderBy(desc(safetyAlerts.createdAt))
    .limit(options.limit ?? 100);
  return rows.map((r) => ({ ...r, createdAt: r.createdAt.toISOString(), seenAt: r.seenAt?.toISOString() ?? null }));
}

/** Mark an alert seen (it stays listed, dimmed); NOT_FOUND for an unknown id. */
export async function markAlertSeen(db: Database, id: string): Promise<void> {
  const done = await db.orm.update(safetyAlerts).set({ seenAt: now() }).where(eq(safetyAlerts.id, id)).returning({ id: safetyAlerts.id });
  found(done[0], 'alert');
}
