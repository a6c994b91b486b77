/**
 * Music for one song is made one turn at a time. Five revisions sent at once used to read the
 * same newest version and each build on it (every one on a stale parent); now each waits for the
 * one before it and builds on the version that one made. This lock is per process; across server
 * instances the journal refuses a revision whose parent is no longer the newest (createVersion's
 * `ifLatest`) with a 409 that says to ask again.
 */

const tails = new Map<string, Promise<unknown>>();

/** Run `work` after every earlier `withSongLock(songId, …)` has finished (succeeded or failed). */
export async function withSongLock<T>(songId: string, work: () => Promise<T>): Promise<T> {
  const before = tails.get(songId) ?? Promise.resolve();
  const mine = before.catch(() => {}).then(work);
  const tail = mine.catch(() => {});
  tails.set(songId, tail);
  try {
    return await mine;
  } finally {
    // The last one out leaves no entry behind.
    if (tails.get(songId) === tail) tails.delete(songId);
  }
}
