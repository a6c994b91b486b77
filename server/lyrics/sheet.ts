/**
 * Saving the words: a new version of the song whose params carry the edited lines, so versions
 * track lyric edits and every earlier version keeps its own. Only the sections named change;
 * an empty list makes a section instrumental again. Drafts never come here by themselves: the page
 * sends lines only when the musician saves them.
 */
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Database } from '../../db/client.ts';
import { versions } from '../../db/schema.ts';
import { LyricLine, SongParameters } from '../../music/params.ts';
import { found, ServiceError } from '../errors.ts';
import { parseInput } from '../journal/common.ts';
import type { Version } from '../journal/shapes.ts';
import { createVersion } from '../journal/versions.ts';

export const SectionLines = z.object({
  /** The section's position in params.sections (0-based). */
  section: z.number().int().min(0).max(63),
  lines: z.array(LyricLine).max(24),
});
export const SaveLyricsInput = z.object({
  versionId: z.string().min(1).max(100),
  sections: z.array(SectionLines).min(1).max(64),
  /** The lyrics' language (ISO 639-1), when the musician chose one. */
  language: z.string().regex(/^[a-z]{2}$/).optional(),
});
export type SaveLyricsInput = z.input<typeof SaveLyricsInput>;

const same = (a: readonly string[] | undefined, b: readonly string[]) => JSON.stringify(a ?? []) === JSON.stringify(b);

/** The new params and the names of the sections whose words changed: withLyrics(p, [{ section: 1, lines: ['keep going'] }]). */
export function withLyrics(p: SongParameters, edits: z.infer<typeof SectionLines>[], language?: string): { params: SongParameters; changed: string[] } {
  const sections = p.sections.map((s) => ({ ...s }));
  const changed: string[] = [];
  for (const { section, lines } of edits) {
    const s = sections[section];
    if (!s) throw new ServiceError('INVALID_INPUT', `sections: the song has no section ${section + 1} (it has ${sections.length})`, 'sections');
    if (same(s.lyrics, lines)) continue;
    if (lines.length) s.lyrics = [...lines];
    else delete s.lyrics;
    const nth = sections.slice(0, section + 1).filter((x) => x.name === s.name).length;
    const several = sections.filter((x) => x.name === s.name).length > 1;
    changed.push(several ? `${s.name} ${nth}` : s.name);
  }
  const params = SongParameters.parse({ ...p, sections, ...(language ? { lyricsLanguage: language } : {}) });
  return { params, changed };
}

/**
 * Save edited lines as the song's next version (parent = the version edited, same seed, so only
 * what the words move changes). Nothing changed → INVALID_INPUT, not an empty version.
 */
export async function saveLyrics(db: Database, input: SaveLyricsInput): Promise<Version> {
  const v = parseInput(SaveLyricsInput, input);
  const [row] = await db.orm.select({ songId: versions.songId, params: versions.params, seed: versions.seed }).from(versions).where(eq(versions.id, v.versionId));
  const base = found(row, 'version');
  const { params, changed } = withLyrics(SongParameters.parse(base.params), v.sections, v.language);
  if (!changed.length && (!v.language || v.language === SongParameters.parse(base.params).lyricsLanguage)) {
    throw new ServiceError('INVALID_INPUT', 'sections: these are the words the version already has; nothing to save', 'sections');
  }
  return createVersion(db, { songId: base.songId, params, seed: base.seed, parentId: v.versionId, request: `words: ${changed.join(', ') || 'language'}` });
}
