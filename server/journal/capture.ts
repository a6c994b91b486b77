/**
 * Jam Capture: the feel found on the jam pad kept as a version of the WHOLE song. The jam loops
 * four bars of the song; a capture applies the pad's valence and arousal to every section of the
 * song instead, so the next revision builds on the song's own form, not on a 4-bar loop.
 */
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Database } from '../../db/client.ts';
import { versions } from '../../db/schema.ts';
import { captureRequest, clampPoint, jamEnergy, type PadPoint } from '../../music/jam/index.ts';
import { Axis, SongParameters, type Reason } from '../../music/params.ts';
import { paramsFromEmotion } from '../interpret/mapping.ts';
import { found } from '../errors.ts';
import { parseInput } from './common.ts';
import type { Version } from './shapes.ts';
import { createVersion } from './versions.ts';

export const CaptureInput = z.object({
  versionId: z.string().min(1).max(100),
  valence: Axis,
  arousal: Axis,
  /** Where the moment came from, when not the pad's now: "Take 2, bar 5, beat 1". */
  from: z.string().trim().min(1).max(200).optional(),
});

/** Reasons about what a capture keeps from the song (its form, key, meter, instruments, style) stay true. */
const KEPT_ASPECTS = new Set(['sections', 'key', 'meter', 'instruments', 'style']);

const round2 = (x: number) => Math.round(x * 100) / 100;
const clamp01 = (x: number) => Math.max(0, Math.min(1, x));

/**
 * The whole song at a pad point: what the jam played there (the interpreter's emotion mapping:
 * mode, tempo, melody, harmony, rhythm, drums, dynamics), over the song's own sections — each
 * keeping its bars, chords, arc and arrangement, its energy moved as far as the pad moved arousal —
 * with the song's key, meter, grouping, instruments and style.
 * captureParams(song, { valence: 0.6, arousal: 0.4 }).sections.length === song.sections.length
 */
export function captureParams(base: SongParameters, point: PadPoint): SongParameters {
  const { valence, arousal } = clampPoint(point);
  const moved = paramsFromEmotion(valence, arousal, base);
  const lift = jamEnergy(arousal) - jamEnergy(base.arousal);
  const why: Reason = {
    aspect: 'mood',
    choice: `the jam pad's feel (valence ${valence}, arousal ${arousal})`,
    because: 'you found this feel on the jam pad: mode, tempo, melody, rhythm, drums and loudness follow it, and the song keeps its sections, key, meter and instruments',
  };
  return SongParameters.parse({
    ...moved,
    valence,
    arousal,
    key: base.key,
    meter: base.meter,
    meterGrouping: base.meterGrouping,
    instruments: base.instruments,
    style: base.style,
    styleBlend: base.styleBlend,
    sections: base.sections.map((s) => ({ ...s, energy: round2(clamp01(s.energy + lift)) })),
    rationale: [...base.rationale.filter((r) => KEPT_ASPECTS.has(r.aspect)), why].slice(-40),
  });
}

/** Capture a pad point of `versionId`'s jam as the song's next version (same seed, parent = that version). */
export async function captureVersion(db: Database, input: z.input<typeof CaptureInput>): Promise<Version> {
  const { versionId, valence, arousal, from } = parseInput(CaptureInput, input);
  const [row] = await db.orm.select({ songId: versions.songId, params: versions.params, seed: versions.seed }).from(versions).where(eq(versions.id, versionId));
  const base = found(row, 'version');
  const point = { valence, arousal };
  return createVersion(db, {
    songId: base.songId,
    params: captureParams(SongParameters.parse(base.params), point),
    seed: base.seed,
    parentId: versionId,
    request: captureRequest(point, from),
  });
}
