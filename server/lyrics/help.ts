/**
 * Writing help for one version's lyric sheet, built from the song's own conversation: the
 * intention and the phrases the musician used become line prompts per section, offline drafts
 * and (with an LLM) the model's drafts. Nothing here is stored: drafts stay proposals.
 */
import type { Database } from '../../db/client.ts';
import type { Config } from '../config.ts';
import { ServiceError } from '../errors.ts';
import { currentIntention } from '../journal/intention.ts';
import { listMessages } from '../journal/messages.ts';
import { getVersion } from '../journal/versions.ts';
import { lineRoom } from './analyze.ts';
import { draftLines, type Draft } from './drafts.ts';
import { lyricsLang } from './lang.ts';
import { ownPhrases } from './phrases.ts';
import { sectionHelp, type SectionHelp } from './scaffold.ts';

/** The song's language for words: the version's lyricsLanguage, else the page's, else English. */
const languageOf = (lyricsLanguage: string | undefined, page: string | null) => lyricsLanguage ?? page ?? 'en';

async function context(db: Database, versionId: string, page: string | null) {
  const version = await getVersion(db, versionId);
  const language = languageOf(version.params.lyricsLanguage, page);
  const lang = lyricsLang(language);
  const [intention, messages] = await Promise.all([currentIntention(db, version.songId), listMessages(db, version.songId)]);
  const said = messages.filter((m) => m.role === 'user').map((m) => m.text);
  const phrases = ownPhrases(intention ? [...said, intention.text] : said, lang);
  return { version, language, lang, intention: intention?.text ?? '', phrases };
}

export interface LyricHelp {
  language: string;
  phrases: string[];
  sections: (SectionHelp & { room: number; lines: string[] })[];
}

/** Prompts, blanks and room per section of a version, with the musician's phrases. */
export async function lyricHelp(db: Database, versionId: string, page: string | null): Promise<LyricHelp> {
  const { version, language, lang, phrases } = await context(db, versionId, page);
  const { sections, meter, meterGrouping } = version.params;
  const help = sectionHelp(sections, phrases, lang);
  return {
    language,
    phrases,
    sections: help.map((h, i) => {
      const lines = sections[i]!.lyrics ?? [];
      return { ...h, lines, room: lineRoom(sections[i]!.bars, lines.length || Math.ceil(sections[i]!.bars / 2), meter, meterGrouping) };
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
  const room = lineRoom(s.bars, Math.max(lines.length + 1, Math.ceil(s.bars / 2)), version.params.meter, version.params.meterGrouping);
  const out = await draftLines(config, { section: { name: s.name, lines }, room, language, lang, phrases, intention, request: input.request });
  return { ...out, room };
}
