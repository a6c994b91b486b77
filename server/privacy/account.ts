/**
 * The right of access and the right to erasure: export everything a person has as one zip (each
 * song in the same zip format as a single-song export, so any of them can be imported again), and
 * delete everything — the account, its songs and all their rows, its sessions and shares.
 */
import { asc, eq, isNull } from 'drizzle-orm';
import { strToU8, zipSync, type Zippable } from 'fflate';
import type { Database } from '../../db/client.ts';
import { songShares, songs, users } from '../../db/schema.ts';
import { exportSong } from '../journal/archive/index.ts';

/** Whose data: an account id (group mode) or null for the personal-mode owner. */
export type Owner = string | null;

const ownedBy = (owner: Owner) => (owner === null ? isNull(songs.ownerId) : eq(songs.ownerId, owner));

/** Every song of `owner` as `songs/<title>.innerchord.zip`, plus account.json describing them. */
export async function exportEverything(db: Database, owner: Owner, at: Date = new Date()): Promise<{ bytes: Uint8Array; filename: string }> {
  const rows = await db.orm.select({ id: songs.id, title: songs.title }).from(songs).where(ownedBy(owner)).orderBy(asc(songs.createdAt), asc(songs.id));
  const entries: Zippable = {};
  const listed: { id: string; title: string; file: string }[] = [];
  const used = new Set<string>();
  for (const row of rows) {
    const { bytes, filename } = await exportSong(db, row.id);
    // Two songs may share a title; number the later ones so no file overwrites another.
    let name = `songs/${filename}`;
    for (let n = 2; used.has(name); n++) name = `songs/${filename.replace(/\.innerchord\.zip$/, '')}-${n}.innerchord.zip`;
    used.add(name);
    entries[name] = bytes;
    listed.push({ id: row.id, title: row.title, file: name });
  }
  const account = owner === null ? null : await accountFacts(db, owner);
  const manifest = { format: 'innerchord-account', formatVersion: 1, exportedAt: at.toISOString(), account, songs: listed };
  entries['account.json'] = strToU8(JSON.stringify(manifest, null, 2));
  const who = account?.username ?? 'journal';
  return { bytes: zipSync(entries, { level: 0, mtime: at }), filename: `innerchord-${who.replace(/[^\w.-]/g, '')}-everything.zip` };
}

async function accountFacts(db: Database, userId: string) {
  const [user] = await db.orm.select({ id: users.id, username: users.username, role: users.role, createdAt: users.createdAt }).from(users).where(eq(users.id, userId));
  const shares = await db.orm
    .select({ songId: songShares.songId, userId: songShares.userId, createdAt: songShares.createdAt })
    .from(songShares)
    .innerJoin(songs, eq(songs.id, songShares.songId))
    .where(eq(songs.ownerId, userId));
  return user
    ? { ...user, createdAt: user.createdAt.toISOString(), sharedSongs: shares.map((s) => ({ ...s, createdAt: s.createdAt.toISOString() })) }
    : null;
}

/** Delete everything of `owner`: for an account, the account itself (songs, sessions and shares
 *  cascade with it); for the personal owner, every song. Returns how many songs went. */
export async function eraseEverything(db: Database, owner: Owner): Promise<{ songs: number }> {
  return db.orm.transaction(async (tx) => {
    const gone = await tx.delete(songs).where(ownedBy(owner)).returning({ id: songs.id });
    if (owner !== null) await tx.delete(users).where(eq(users.id, owner));
    return { songs: gone.length };
  });
}
