/**
 * The right of access and the right to erasure: export everything a person has as one zip (each
 * song in the same zip format as a single-song export, so any of them can be imported again), and
 * delete everything — the account, its songs and all their rows, its sessions and shares, and the
 * session templates it wrote.
 */
import { asc, eq, isNull } from 'drizzle-orm';
import { strToU8, zipSync, type Zippable } from 'fflate';
import type { Database } from '../../db/client.ts';
import { sessionTemplates, songShares, songs, users } from '../../db/schema.ts';
import { forgetUser } from '../auth/rate-limit.ts';
import { eraseBytes } from '../journal/erase.ts';
import { exportSong } from '../journal/archive/index.ts';

/** Whose data: an account id (group mode) or null for the personal-mode owner. */
export type Owner = string | null;

const ownedBy = (owner: Owner) => (owner === null ? isNull(songs.ownerId) : eq(songs.ownerId, owner));
const wroteBy = (owner: Owner) => (owner === null ? isNull(sessionTemplates.ownerId) : eq(sessionTemplates.ownerId, owner));

/** Unique zip paths: a second "Sea" becomes "Sea-2", so no file overwrites another. */
function namer(ext: string) {
  const used = new Set<string>();
  return (dir: string, base: string) => {
    let name = `${dir}/${base}${ext}`;
    for (let n = 2; used.has(name); n++) name = `${dir}/${base}-${n}${ext}`;
    used.add(name);
    return name;
  };
}

/** The templates `owner` wrote, each as `templates/<name>.json` holding exactly what POST /api/templates takes. */
async function templateEntries(db: Database, owner: Owner, entries: Zippable) {
  const rows = await db.orm.select().from(sessionTemplates).where(wroteBy(owner)).orderBy(asc(sessionTemplates.createdAt), asc(sessionTemplates.id));
  const name = namer('.json');
  return rows.map((row) => {
    const file = name('templates', row.name.replace(/[^\p{L}\p{N}_. -]/gu, '').replace(/^[. ]+/, '').trim().slice(0, 60) || 'template');
    // The stored body as written (not re-parsed): an export must not drop what it cannot read.
    entries[file] = strToU8(JSON.stringify(row.body, null, 2));
    return { id: row.id, name: row.name, file, createdAt: row.createdAt.toISOString(), updatedAt: row.updatedAt.toISOString() };
  });
}

/** Every song of `owner` as `songs/<title>.innerchord.zip`, every template they wrote as
 *  `templates/<name>.json`, plus account.json describing them. */
export async function exportEverything(db: Database, owner: Owner, at: Date = new Date()): Promise<{ bytes: Uint8Array; filename: string }> {
  const rows = await db.orm.select({ id: songs.id, title: songs.title }).from(songs).where(ownedBy(owner)).orderBy(asc(songs.createdAt), asc(songs.id));
  const entries: Zippable = {};
  const listed: { id: string; title: string; file: string }[] = [];
  const name = namer('.innerchord.zip');
  for (const row of rows) {
    const { bytes, filename } = await exportSong(db, row.id);
    const file = name('songs', filename.replace(/\.innerchord\.zip$/, ''));
    entries[file] = bytes;
    listed.push({ id: row.id, title: row.title, file });
  }
  const templates = await templateEntries(db, owner, entries);
  const account = owner === null ? null : await accountFacts(db, owner);
  const manifest = { format: 'innerchord-account', formatVersion: 1, exportedAt: at.toISOString(), account, songs: listed, templates };
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

/** Delete everything of `owner`: for an account, the account itself (songs, sessions, shares and
 *  templates cascade with it); for the personal owner, every song and every written template.
 *  Returns how many songs and templates went. */
export async function eraseEverything(db: Database, owner: Owner): Promise<{ songs: number; templates: number }> {
  const counts = await db.orm.transaction(async (tx) => {
    const gone = await tx.delete(songs).where(ownedBy(owner)).returning({ id: songs.id });
    // Explicit rather than left to the cascade, so the count is true in both modes.
    const written = await tx.delete(sessionTemplates).where(wroteBy(owner)).returning({ id: sessionTemplates.id });
    if (owner !== null) {
      const [account] = await tx.select({ username: users.username }).from(users).where(eq(users.id, owner));
      await tx.delete(users).where(eq(users.id, owner));
      // The failed-login counter names the account ("user:<name>"): it goes with it.
      if (account) await forgetUser(tx, account.username);
    }
    return { songs: gone.length, templates: written.length };
  });
  // Rows are gone; now the bytes (VACUUM FULL + WAL retired), after the commit it must follow.
  await eraseBytes(db);
  return counts;
}
