/**
 * Who may touch which song, checked once for every /api/songs/:id… and /api/versions/:vid… route
 * (so routes added later are covered too). The owner may do anything; a facilitator the song is
 * currently shared with may read (writes: 403); anyone else gets 404, exactly as if the song did
 * not exist, so ids reveal nothing.
 */
import { and, eq } from 'drizzle-orm';
import type { MiddlewareHandler } from 'hono';
import { tryDecodeURIComponent } from 'hono/utils/url';
import type { Database } from '../../db/client.ts';
import { songShares, songs, versions } from '../../db/schema.ts';
import { ServiceError } from '../errors.ts';
import type { SessionUser } from './sessions.ts';

export type Access = 'owner' | 'shared' | 'none';

const SONG_PATH = /^\/api\/songs\/([^/]+)(?:\/|$)/;
const VERSION_PATH = /^\/api\/versions\/([^/]+)(?:\/|$)/;
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** What `user` may do with a song: 'owner', 'shared' (read-only), or 'none' (also for unknown ids). */
export async function songAccess(db: Database, songId: string, user: SessionUser): Promise<Access> {
  const [song] = await db.orm.select({ ownerId: songs.ownerId }).from(songs).where(eq(songs.id, songId));
  if (!song) return 'none';
  if (song.ownerId === user.id) return 'owner';
  if (user.role !== 'facilitator') return 'none';
  const [share] = await db.orm.select({ songId: songShares.songId }).from(songShares).where(and(eq(songShares.songId, songId), eq(songShares.userId, user.id)));
  return share ? 'shared' : 'none';
}

/**
 * The id in a path segment exactly as the route handler will read it: c.req.path is already
 * URI-decoded (keeping %25), and Hono decodes a :param once more with the forgiving decoder, which
 * leaves a malformed escape such as %zz as it is instead of throwing (a throw here was a 500).
 */
const segmentId = (segment: string) => tryDecodeURIComponent(segment);

async function songIdOfPath(db: Database, path: string): Promise<string | null> {
  const song = SONG_PATH.exec(path)?.[1];
  if (song) return segmentId(song);
  const version = VERSION_PATH.exec(path)?.[1];
  if (!version) return null;
  const [row] = await db.orm.select({ songId: versions.songId }).from(versions).where(eq(versions.id, segmentId(version)));
  return row?.songId ?? '';
}

/** Middleware: 404 for songs (and their versions) the user may not see, 403 for writes to shared ones. */
export function guardSongs(db: Database): MiddlewareHandler {
  return async (c, next) => {
    const user = c.get('session')?.user;
    const songId = user ? await songIdOfPath(db, c.req.path) : null;
    if (user && songId !== null) {
      const access = songId === '' ? 'none' : await songAccess(db, songId, user);
      if (access === 'none') throw new ServiceError('NOT_FOUND', SONG_PATH.test(c.req.path) ? 'No song with that id.' : 'No version with that id.');
      if (access === 'shared' && !SAFE_METHODS.has(c.req.method)) throw new ServiceError('FORBIDDEN', 'This song is shared with you to read; only its owner can change it.');
    }
    await next();
  };
}
