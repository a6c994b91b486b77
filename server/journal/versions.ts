/**
 * Versions of a song: each one is SongParameters + seed → a generated Sketch, numbered 1, 2, 3 …
 * with the changes from the version it came from, a rating and a note.
 */
import { randomInt } from 'node:crypto';
import { and, asc, desc, eq, getTableColumns, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Database } from '../../db/client.ts';
import { songs, versions, type VersionRow } from '../../db/schema.ts';
import { SongParameters } from '../../music/params.ts';
import { Sketch } from '../../music/sketch.ts';
import { singable } from '../../music/melody/voice.ts';
import { ENGINE_VERSION } from '../../music/version.ts';
import { found, ServiceError } from '../errors.ts';
import { newId, now, parseInput, queryRows, retryOnConflict, type Tx } from './common.ts';
import { diff, makeVersion, midi } from './engine.ts';
import type { Version, VersionSummary } from './shapes.ts';
import { getSong } from './songs.ts';

export const Seed = z.number().int().min(0).max(2_147_483_647);
export const Rating = z.number().int().min(-2).max(2);

export const CreateVersionInput = z.object({
  songId: z.string().min(1),
  params: SongParameters,
  seed: Seed.optional(),
  parentId: z.string().min(1).optional(),
  request: z.string().max(4000).default(''),
  /** Only if the parent is still the song's newest version (a revision built on it); else CONFLICT. */
  ifLatest: z.boolean().optional(),
});
export type CreateVersionInput = z.input<typeof CreateVersionInput>;

export const RateVersionInput = z.object({ rating: Rating.nullable().optional(), note: z.string().max(10_000).nullable().optional() });

const Changes = z.array(z.string()).catch([]);
type SummaryRow = Omit<VersionRow, 'sketch'>;
const { sketch: _sketch, ...summaryColumns } = getTableColumns(versions);

/** A stored row (without its sketch) as the API's VersionSummary; `params`: the row's, already parsed. */
export function toVersionSummary(row: SummaryRow, params?: SongParameters): VersionSummary {
  const p = params ?? SongParameters.parse(row.params);
  return {
    id: row.id,
    number: row.number,
    parentId: row.parentId,
    request: row.request,
    seed: row.seed,
    engineVersion: row.engineVersion,
    changes: Changes.parse(row.changes),
    rating: row.rating,
    note: row.note,
    createdAt: row.createdAt.toISOString(),
    valence: p.valence,
    arousal: p.arousal,
    key: p.key,
    mode: p.mode,
    tempo: p.tempo,
    meter: p.meter,
  };
}

/**
 * A full stored row as the API's Version. Params are parsed (once): their schema fills in fields
 * added since the row was written. The sketch is parsed only when an older engine made it (its
 * shape may differ from today's schema, and fields the schema no longer knows are dropped): a
 * sketch this engine version made is the engine's own output, and every other way into the column
 * checks it (an imported archive is parsed with the Sketch schema, a revert copies a stored row).
 * Re-checking ~50 kB of notes with zod cost ~3.5 ms of the request thread per read.
 */
export function toVersion(row: VersionRow): Version {
  const params = SongParameters.parse(row.params);
  const sketch = row.engineVersion === ENGINE_VERSION ? (row.sketch as Sketch) : Sketch.parse(row.sketch);
  return { ...toVersionSummary(row, params), songId: row.songId, params, sketch };
}

async function versionRow(tx: Tx, versionId: string): Promise<VersionRow> {
  const [row] = await tx.select().from(versions).where(eq(versions.id, versionId));
  return found(row, 'version');
}

async function latestRow(tx: Tx, songId: string): Promise<VersionRow | undefined> {
  const [row] = await tx.select().from(versions).where(eq(versions.songId, songId)).orderBy(desc(versions.number)).limit(1);
  return row;
}

/** What a new version builds on: its parent (or the song's newest version), the sketch as stored. */
interface Base {
  id: string;
  number: number;
  seed: number;
  params: SongParameters;
  /** The JSON text the journal stored, or the object a caller already read. */
  sketch: Sketch | string;
}

/**
 * The song's newest version as a Base, or null before its first; NOT_FOUND for an unknown song.
 * One statement answers both, so a first version costs no separate look-up of the song.
 */
async function newestBase(tx: Tx, songId: string): Promise<Base | null> {
  const [row] = await queryRows<{ id: string | null; number: number; seed: number; params: unknown; sketch: string }>(tx, sql`
    select v.id, v.number, v.seed, v.params, v.sketch::text as sketch
    from ${songs} s left join lateral (
      select id, number, seed, params, sketch from ${versions} where song_id = s.id order by number desc limit 1
    ) v on true
    where s.id = ${songId}`);
  if (!found(row, 'song').id) return null;
  return { id: row!.id!, number: Number(row!.number), seed: Number(row!.seed), params: SongParameters.parse(row!.params), sketch: row!.sketch };
}

/** The version `parentId` of the song as a Base; INVALID_INPUT when the song has no such version. */
async function parentBase(db: Database, songId: string, parentId: string): Promise<Base> {
  const [parent] = await db.orm
    .select({ id: versions.id, number: versions.number, seed: versions.seed, params: versions.params, sketch: sql<string>`${versions.sketch}::text` })
    .from(versions)
    .where(and(eq(versions.id, parentId), eq(versions.songId, songId)));
  if (!parent) {
    await getSong(db, songId); // an unknown song is NOT_FOUND before it is a bad parent
    throw new ServiceError('INVALID_INPUT', 'parentId: no version of this song has that id', 'parentId');
  }
  return { ...parent, params: SongParameters.parse(parent.params) };
}

/**
 * Make and store a new version. Without a seed it keeps the parent's (or the latest version's)
 * seed, so a revision changes what was asked and little else; the very first gets a random one.
 * `known.parent`: the parent as the caller already read it (a revision reads the newest version to
 * revise it), so it is not read and parsed a second time.
 */
export async function createVersion(db: Database, input: CreateVersionInput, known: { parent?: Version } = {}): Promise<Version> {
  const v = parseInput(CreateVersionInput, input);
  const parent = known.parent && known.parent.id === v.parentId && known.parent.songId === v.songId ? known.parent : undefined;
  const base: Base | null = parent ?? (v.parentId ? await parentBase(db, v.songId, v.parentId) : await newestBase(db.orm, v.songId));
  const seed = v.seed ?? base?.seed ?? randomInt(1, 2_147_483_647);
  // The version keeps the params its sketch was made from: sections grown to fit their words and a
  // key moved for the singer (music/melody/voice.ts), so what is said of it from params is true of its notes.
  const params = singable(v.params).params;
  // The sketch and its changes are made in one trip to the engine's worker (engine.ts).
  const { sketch, changes } = await makeVersion(params, seed, base ? { params: base.params, sketch: base.sketch } : undefined);
  const id = newId();
  const at = now();
  const engineVersion = sketch.engineVersion || ENGINE_VERSION;
  // One statement (see db/schema.ts songs.lastVersion): bumping the song's counter locks its row,
  // so concurrent versions take numbers one after another; `greatest` covers imported versions.
  const [row] = await queryRows<{ number: number }>(db.orm, sql`
    with s as (
      update ${songs}
      set last_version = greatest(last_version, (select coalesce(max(number), 0) from ${versions} where song_id = ${songs.id})) + 1,
          updated_at = ${at.toISOString()}::timestamptz
      where ${songs.id} = ${v.songId}
        ${v.ifLatest && base ? sql`and not exists (select 1 from ${versions} nv where nv.song_id = ${v.songId} and nv.number > ${base.number})` : sql``}
      returning id, last_version
    )
    insert into ${versions} (id, song_id, parent_id, number, request, params, seed, engine_version, sketch, changes, created_at)
    select ${id}, s.id, ${base?.id ?? null}::text, s.last_version, ${v.request}, ${JSON.stringify(params)}::jsonb, ${seed}::integer,
           ${engineVersion}, ${JSON.stringify(sketch)}::json, ${JSON.stringify(changes)}::jsonb, ${at.toISOString()}::timestamptz
    from s
    returning number`);
  if (!row && v.ifLatest && base) {
    await getSong(db, v.songId); // deleted while the sketch was being generated: NOT_FOUND
    throw new ServiceError('CONFLICT', 'This song got a newer version while this revision was being made, so it was not saved; ask again and the change will build on the newest version.');
  }
  found(row, 'song'); // deleted while the sketch was being generated
  const stored: SummaryRow = { id, songId: v.songId, parentId: base?.id ?? null, number: Number(row!.number), request: v.request, params, seed, engineVersion, changes, rating: null, note: null, createdAt: at };
  // The sketch was just generated (typed and valid): re-parsing 60 kB of JSON cost ~10 ms per turn.
  return { ...toVersionSummary(stored, params), songId: v.songId, params, sketch };
}

/**
 * Revert to a stored version: a new version, numbered next, whose params, seed, sketch and engine
 * version are copied from it — not regenerated — so it sounds exactly as it did even after an engine
 * upgrade. Its parent is the version reverted to, its request "revert to vN", its changes what differs
 * from the newest version. NOT_FOUND for an unknown id.
 */
export async function revertVersion(db: Database, versionId: string): Promise<Version> {
  const target = toVersion(await versionRow(db.orm, versionId));
  const row = await retryOnConflict(() =>
    db.orm.transaction(async (tx) => {
      // Lock the song so concurrent versions take numbers one after another (and "newest" holds).
      const [song] = await tx.select({ id: songs.id, lastVersion: songs.lastVersion }).from(songs).where(eq(songs.id, target.songId)).for('update');
      found(song, 'song');
      const newest = found(await latestRow(tx, target.songId), 'version');
      const number = Math.max(newest.number, song!.lastVersion) + 1;
      const changes =
        newest.id === target.id ? [] : await diff(toVersion(newest), { params: target.params, sketch: target.sketch });
      const at = now();
      // params and sketch are copied inside the database, so the stored JSON is the very same value.
      const stored = (column: 'params' | 'sketch') => sql`(SELECT ${sql.identifier(column)} FROM ${versions} WHERE ${versions.id} = ${target.id})`;
      const [row] = await tx
        .insert(versions)
        .values({
          id: newId(),
          songId: target.songId,
          parentId: target.id,
          number,
          request: `revert to v${target.number}`,
          params: stored('params'),
          seed: target.seed,
          engineVersion: target.engineVersion,
          sketch: stored('sketch'),
          changes,
          rating: null,
          note: null,
          createdAt: at,
        })
        .returning(summaryColumns);
      await tx.update(songs).set({ updatedAt: at, lastVersion: number }).where(eq(songs.id, target.songId));
      return found(row, 'version');
    }),
  );
  return { ...toVersionSummary(row), songId: row.songId, params: target.params, sketch: target.sketch };
}

/** A song's versions, oldest first, without their sketches. */
export async function listVersions(db: Database, songId: string): Promise<VersionSummary[]> {
  await getSong(db, songId);
  const rows = await db.orm.select(summaryColumns).from(versions).where(eq(versions.songId, songId)).orderBy(asc(versions.number));
  return rows.map((row) => toVersionSummary(row));
}

/** One version with params and sketch; NOT_FOUND for an unknown id. */
export async function getVersion(db: Database, versionId: string): Promise<Version> {
  return toVersion(await versionRow(db.orm, versionId));
}

/** The newest version of a song, or null before the first sketch. */
export async function latestVersion(db: Database, songId: string): Promise<Version | null> {
  const row = await latestRow(db.orm, songId);
  return row ? toVersion(row) : null;
}

/**
 * The newest version's id and params, without its sketch: what a revision starts from. The sketch
 * (tens of kB of JSON) is read once, by createVersion, for the diff.
 */
export async function latestParams(db: Database, songId: string): Promise<{ id: string; params: SongParameters } | null> {
  const [row] = await db.orm
    .select({ id: versions.id, params: versions.params })
    .from(versions)
    .where(eq(versions.songId, songId))
    .orderBy(desc(versions.number))
    .limit(1);
  return row ? { id: row.id, params: SongParameters.parse(row.params) } : null;
}

/** Rate a version (-2 further … 2 closer to what was meant) and/or set its note; null clears. */
export async function rateVersion(db: Database, versionId: string, input: unknown): Promise<VersionSummary> {
  const patch = parseInput(RateVersionInput, input);
  const set: Partial<VersionRow> = {};
  if (patch.rating !== undefined) set.rating = patch.rating;
  if (patch.note !== undefined) set.note = patch.note;
  if (Object.keys(set).length === 0) return toVersionSummary(await versionRow(db.orm, versionId));
  const [row] = await db.orm.update(versions).set(set).where(eq(versions.id, versionId)).returning();
  return toVersionSummary(found(row, 'version'));
}

/** "For Ana" → "For-Ana": a file name safe on every OS. */
export const fileSafe = (title: string) => title.normalize('NFKD').replace(/[^\w\- ]+/g, '').trim().replace(/\s+/g, '-').slice(0, 60) || 'song';

/** The MIDI file of a version and its download name `<song-title>-v<N>.mid`. */
export async function versionMidi(db: Database, versionId: string): Promise<{ bytes: Uint8Array; filename: string }> {
  const version = await getVersion(db, versionId);
  const song = await getSong(db, version.songId);
  return { bytes: await midi(version.sketch, song.title), filename: `${fileSafe(song.title)}-v${version.number}.mid` };
}
