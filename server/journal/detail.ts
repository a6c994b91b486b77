/** Everything the song page shows at once: summary, intention, conversation, versions, notes. */
import type { Database } from '../../db/client.ts';
import { currentIntention } from './intention.ts';
import { listMessages } from './messages.ts';
import { listNotes } from './notes.ts';
import type { SongDetail } from './shapes.ts';
import { getSong } from './songs.ts';
import { listVersions } from './versions.ts';

/** The SongDetail of docs/API.md; NOT_FOUND for an unknown song. */
export async function getSongDetail(db: Database, songId: string): Promise<SongDetail> {
  const song = await getSong(db, songId);
  const [intention, messages, versions, notes] = await Promise.all([
    currentIntention(db, songId),
    listMessages(db, songId),
    listVersions(db, songId),
    listNotes(db, songId),
  ]);
  return { song, intention, messages, versions, notes };
}
