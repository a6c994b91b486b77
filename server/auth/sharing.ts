/**
 * Sharing: a song's owner shares it with a facilitator (read-only) and can withdraw that at any
 * time; the share row is the only thing granting access, so deleting it removes access at once.
 */
import { and, asc, desc, eq } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import { songShares, songs, users } from '../../db/schema.ts';
import { ServiceError } from '../errors.ts';
import { getSong } from '../journal/songs.ts';
import type { SongSummary } from '../journal/shapes.ts';

export interface Share {
  userId: string;
  username: string;
  createdAt: string;
}

/** Share a song with a facilitator; sharing twice is harmless. */
export async function shareSong(db: Database, songId: string, facilitatorId: string): Promise<void> {
  const [target] = await db.orm.select({ role: users.role }).from(users).where(eq(users.id, facilitatorId));
  if (target?.role !== 'facilitator') throw new ServiceError('INVALID_INPUT', 'userId: songs can be shared with facilitators only', 'userId');
  const [song] = await db.orm.select({ ownerId: songs.ownerId }).from(songs).where(eq(songs.id, songId));
  if (song?.ownerId === facilitatorId) throw new ServiceError('INVALID_INPUT', 'userId: that is the song’s owner', 'userId');
  await db.orm.insert(songShares).values({ songId, userId: facilitatorId, createdAt: new Date() }).onConflictDoNothing();
}

/** Withdraw a share; withdrawing one that does not exist is harmless too. */
export async function unshareSong(db: Database, songId: string, facilitatorId: string): Promise<void> {
  await db.orm.delete(songShares).where(and(eq(songShares.songId, songId), eq(songShares.userId, facilitatorId)));
}

/** Who a song is shared with right now. */
export async function listShares(db: Database, songId: string): Promise<Share[]> {
  const rows = await db.orm
    .select({ userId: songShares.userId, username: users.username, createdAt: songShares.createdAt })
    .from(songShares)
    .innerJoin(users, eq(users.id, songShares.userId))
    .where(eq(songShares.songId, songId))
    .orderBy(asc(users.username));
  return rows.map((r) => ({ ...r, createdAt: r.createdAt.toISOString() }));
}

/** The songs currently shared with a facilitator, most recently changed first, with their owners' names. */
export async function sharedWith(db: Database, userId: string): Promise<{ song: SongSummary; owner: string; sharedAt: string }[]> {
  const rows = await db.orm
    .select({ songId: songShares.songId, owner: users.username, sharedAt: songShares.createdAt })
    .from(songShares)
    .innerJoin(songs, eq(songs.id, songShares.songId))
    .innerJoin(users, eq(users.id, songs.ownerId))
    .where(eq(songShares.userId, userId))
    .orderBy(desc(songs.updatedAt));
  return Promise.all(rows.map(async (r) => ({ song: await getSong(db, r.songId), owner: r.owner, sharedAt: r.sharedAt.toISOString() })));
}
