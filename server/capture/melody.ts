/**
 * "Use my tune": notes the musician sang (transcribed in the browser, corrected on the piano
 * roll) or played become the melody of the whole song, of every section of a name, or a motif
 * opening each section — as the song's next version. The notes are kept exactly; the chords and
 * the rest of the arrangement are written around them (music/harmonize).
 */
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Database } from '../../db/client.ts';
import { versions } from '../../db/schema.ts';
import { GivenNote, SongParameters } from '../../music/params.ts';
import { UnknownSectionError, useMelody } from '../../music/harmonize/use.ts';
import { found, ServiceError } from '../errors.ts';
import { parseInput } from '../journal/common.ts';
import type { Version } from '../journal/shapes.ts';
import { createVersion } from '../journal/versions.ts';

export const MelodyUse = z.enum(['whole', 'section', 'motif']);

export const MelodyInput = z
  .object({
    versionId: z.string().min(1).max(100),
    /** Ticks at 480 per quarter; the first note's bar becomes the first bar of where the melody goes. */
    notes: z.array(GivenNote).min(1, 'no notes to use: sing, play or draw at least one').max(2000),
    use: MelodyUse,
    /** For use "section": the section's name as the song names it ("chorus"). */
    section: z.string().trim().min(1).max(40).optional(),
  })
  .refine((m) => m.use !== 'section' || m.section !== undefined, { message: 'say which section the melody is for', path: ['section'] });

/** The version's request, in the musician's words. */
function requestFor(use: z.infer<typeof MelodyUse>, section: string | undefined, notes: number): string {
  const what = use === 'whole' ? 'as the whole melody' : use === 'motif' ? 'as a motif opening every section' : `as the melody of every ${section}`;
  return `your tune (${notes} notes) ${what}`;
}

/** Make the song's next version with the musician's melody (same seed, parent = that version). */
export async function melodyVersion(db: Database, input: z.input<typeof MelodyInput>): Promise<Version> {
  const { versionId, notes, use, section } = parseInput(MelodyInput, input);
  const [row] = await db.orm.select({ songId: versions.songId, params: versions.params, seed: versions.seed }).from(versions).where(eq(versions.id, versionId));
  const base = found(row, 'version');
  let params: SongParameters;
  try {
    params = useMelody(SongParameters.parse(base.params), notes, use, section).params;
  } catch (error) {
    if (error instanceof UnknownSectionError) throw new ServiceError('INVALID_INPUT', `section: ${error.message}`, 'section');
    // The form may not grow past the schema's limits (512 bars, 64 per section).
    if (error instanceof z.ZodError) throw new ServiceError('INVALID_INPUT', `notes: the melody does not fit the song (${error.issues[0]?.message ?? 'too long'})`, 'notes');
    throw error;
  }
  return createVersion(db, { songId: base.songId, params, seed: base.seed, parentId: versionId, request: requestFor(use, section, notes.length) });
}
