/**
 * Writing help for one version's lyric sheet, built from the song's own conversation: the
 * intention and the phrases the musician used become line prompts per section, offline drafts
 * and (with an LLM) the model's drafts. Nothing here is stored: drafts stay proposals.
 */
import { z } from 'zod';
import type { Database } from '../../db/client.ts';
import type { Config } from '../config.ts';
import { ServiceError } from '../errors.ts';
import { currentIntention } from '../journal/intention.ts';
import { listMessages } from '../journal/messages.ts';
import { getVersion } from '../journal/versions.ts';
import { DEFAULT_TITLE, getSong } from '../journal/songs.ts';
import { lineRoom } from './analyze.ts';
import { draftLines, type Draft } from './drafts.ts';
import { lyricsLang, ROLES } from './lang.ts';
import { ownPhrases } from './phrases.ts';
import { sectionHelp } from './scaffold.ts';

const songTitle = async (db: Database, id: string) => (await getSong(db, id)).title;

/** The song's language for words: the version's lyricsLanguage, else the page's, else English. */
const languageOf = (lyricsLanguage: string | undefined, page: string | null) => lyricsLanguage ?? page ?? 'en';

async function context(db: Database, versionId: string, page: string | null) {
  const version = await getVersion(db, versionId);
  const language = languageOf(version.params.lyricsLanguage, page);
  const lang = lyricsLang(language);
  const [intention, messages] = await Promise.all([currentIntention(db, version.songId), listMessages(db, version.songId)]);
  const said = messages.filter((m) => m.role === 'user').map((m) => m.text);
  const found = ownPhrases(intention ? [...said, intention.text] : said, lang);
  // Before any conversation the song's title is the one phrase of theirs there is.
  const title = await songTitle(db, version.songId);
  const phrases = found.length || !title || title === DEFAULT_TITLE ? found : [title];
  return { version, language, lang, intention: intention?.text ?? '', phrases };
}

export const LyricHelp = z.object({
  language: z.string(),
  /** The musician's own phrases, newest first, that the prompts and drafts use. */
  phrases: z.array(z.string()),
  sections: z.array(
    z.object({ name: z.string(), role: z.enum(ROLES), job: z.string(), prompts: z.array(z.string()), blanks: z.array(z.string()), room: z.number().int(), lines: z.array(z.string()) }),
  ),
});
export type LyricHelp = z.infer<typeof LyricHelp>;

/** Prompts, blanks and room per section of a version, with the musician's phrases. */
export async function lyricHelp(db: Database, versionId: string, page: string | null): Promise<LyricHelp> {
  const { version, language, lang, phrases } = await context(db, versionId, page);
  const { sections, meter } = version.params;
  const help = sectionHelp(sections, phrases, lang);
  return {
    language,
    phrases,
    sections: help.map((h, i) => {
      const lines = sections[i]!.lyrics ?? [];
      return { ...h, lines, room: lineRoom(sections[i]!.bars, lines.length || Math.ceil(sections[i]!.bars / 2), meter) };
    }),
  };
}

/** Draft lines for one section of a version: proposals, never saved. */
export async function sectionDrafts(
  db: Database,
  config: Config,
  input: { versionId: string; section: number; request?: string; page: string | null },
): Promise<{ drafts: Draft[]; fallback: boolean; room: number }> {
  const { version, language, lang, intention, phrases } = await context(db, input.versionId, input.page);
  const s = version.params.sections[input.section];
  if (!s) throw new ServiceError('INVALID_INPUT', `section: the song has no section ${input.section + 1} (it has ${version.params.sections.length})`, 'section');
  const lines = s.lyrics ?? [];
  // A new line shares the section with the others; an empty section is heard as two-bar lines.
  const room = lineRoom(s.bars, Math.max(lines.length + 1, Math.ceil(s.bars / 2)), version.params.meter);
  const out = await draftLines(config, { section: { name: s.name, lines }, room, language, lang, phrases, intention, request: input.request });
  return { ...out, room };
}
