/**
 * words.txt — a lyric sheet: plain UTF-8 text with [section] headers and one sung line per line.
 *
 *   [verse]
 *   The kettle sings at seven
 *   [chorus]
 *   Keep going, keep going
 *   [chorus]          ← no lines: the earlier chorus words again
 *
 * Headers are matched to the song's sections by name, in order; a header the form lacks adds
 * that section to the form; a section whose lines need more bars grows. Every change is told
 * back as a sentence, so the CLI can print it and the app can show it.
 */
import type { Section, SongParameters } from '../params.ts';
import { detectLanguage } from './language.ts';
import { MAX_SECTION_BARS, barsForLyrics } from './phrase.ts';

export interface SheetSection {
  /** Normalised section name ("verse", "pre-chorus"), matched against the form's names. */
  name: string;
  /** The header as written, for messages. */
  header: string;
  lines: string[];
  /** true when the header had no lines and repeats the words of the same-named header before it. */
  repeat: boolean;
  /** 1-based line of the header in the file. */
  lineNo: number;
}

export interface LyricSheet {
  sections: SheetSection[];
}

/** A lyric sheet that cannot be read; the message is one line, naming the place. */
export class LyricSheetError extends Error {
  override name = 'LyricSheetError';
}

const MAX_LINE = 200;
const MAX_LINES = 24;

/** "Verse 2" → "verse", "Pre Chorus" → "pre-chorus": how sheet headers and form sections are compared. */
export function sectionKey(name: string): string {
  return name
    .toLowerCase()
    .trim()
    .replace(/[\s_]+/g, '-')
    .replace(/-?\d+$/, '')
    .replace(/^prechorus$/, 'pre-chorus')
    .replace(/-+$/, '');
}

/** Read a words.txt: parseLyricSheet('[verse]\nhello') → { sections: [{ name: 'verse', lines: ['hello'], … }] }. */
export function parseLyricSheet(text: string): LyricSheet {
  const rows = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  if (rows.every((r) => r.trim() === '')) throw new LyricSheetError('the lyric sheet is empty: write a [section] header such as [verse], then one sung line per line');
  const sections: SheetSection[] = [];
  rows.forEach((raw, i) => {
    const row = raw.trim();
    if (!row) return;
    const header = /^\[([^\]]{1,40})\]$/.exec(row);
    if (header) {
      const name = sectionKey(header[1] ?? '');
      if (!name) throw new LyricSheetError(`line ${i + 1}: the header ${row} names no section`);
      sections.push({ name, header: row, lines: [], repeat: false, lineNo: i + 1 });
      return;
    }
    const current = sections[sections.length - 1];
    if (!current) throw new LyricSheetError(`line ${i + 1}: words before the first [section] header — start the sheet with a header such as [verse]`);
    if (row.length > MAX_LINE) throw new LyricSheetError(`line ${i + 1}: a sung line may have at most ${MAX_LINE} characters (this one has ${row.length})`);
    if (!/[\p{L}\p{N}]/u.test(row)) throw new LyricSheetError(`line ${i + 1}: "${row}" has no words to sing`);
    if (current.lines.length >= MAX_LINES) throw new LyricSheetError(`line ${i + 1}: ${current.header} has more than ${MAX_LINES} lines; split it into two sections`);
    current.lines.push(row);
  });
  if (sections.length === 0) throw new LyricSheetError('the lyric sheet has no [section] headers: put [verse], [chorus] … above its lines');
  for (const s of sections) {
    if (s.lines.length > 0) continue;
    const earlier = [...sections].reverse().find((e) => e.name === s.name && e.lines.length > 0 && e.lineNo < s.lineNo);
    if (!earlier) throw new LyricSheetError(`line ${s.lineNo}: ${s.header} has no lines and no earlier ${s.header} to repeat`);
    s.lines = [...earlier.lines];
    s.repeat = true;
  }
  return { sections };
}

/** The plain words of a song, as a words.txt that parseLyricSheet reads back ("" when nothing is sung). */
export function formatLyricSheet(params: Pick<SongParameters, 'sections'>): string {
  const blocks = params.sections.filter((s) => s.lyrics?.length).map((s) => `[${s.name}]\n${(s.lyrics ?? []).join('\n')}`);
  return blocks.length ? `${blocks.join('\n\n')}\n` : '';
}

const ordinal = (n: number) => ['first', 'second', 'third', 'fourth', 'fifth', 'sixth'][n] ?? `${n + 1}th`;

/**
 * Put a lyric sheet's words into the song: applyLyricSheet(params, sheet) → { params, notes },
 * where notes are sentences about what changed ("the chorus grew from 8 to 12 bars to fit its
 * lines"). The musician's form is kept: sections only gain words, bars or (when the sheet names
 * one the form lacks) a place in the form. Throws LyricSheetError when the words cannot fit.
 */
export function applyLyricSheet(params: SongParameters, sheet: LyricSheet): { params: SongParameters; notes: string[] } {
  const notes: string[] = [];
  const lang = params.lyricsLanguage ?? detectLanguage(sheet.sections.flatMap((s) => s.lines).join('\n'));
  if (!params.lyricsLanguage) notes.push(`the words are sung as ${({ en: 'English', de: 'German', fr: 'French', es: 'Spanish' } as Record<string, string>)[lang] ?? lang} (lyricsLanguage "${lang}")`);
  const sections: Section[] = params.sections.map((s) => ({ ...s, lyrics: undefined }));
  const used = new Set<number>();
  let after = -1;
  for (const part of sheet.sections) {
    // The next same-named section in the form after the one the previous header took, else the first unused one.
    let at = sections.findIndex((s, i) => i > after && !used.has(i) && sectionKey(s.name) === part.name);
    if (at < 0) at = sections.findIndex((s, i) => !used.has(i) && sectionKey(s.name) === part.name);
    if (at < 0) {
      // The form gains the section, after the one the previous header matched (or its model's settings).
      const model = sections.find((s) => sectionKey(s.name) === part.name);
      const fresh: Section = model ? { ...model, lyrics: undefined } : { name: part.name, bars: 8, chords: [], energy: 0.6, valenceOffset: 0, arousalOffset: 0 };
      at = after + 1;
      sections.splice(at, 0, fresh);
      // Indices at or after the insertion moved up by one.
      const moved = [...used].map((u) => (u >= at ? u + 1 : u));
      used.clear();
      moved.forEach((u) => used.add(u));
      notes.push(`the form gained a ${part.name} (${part.header} in the words) after ${after >= 0 ? `the ${sections[after]?.name}` : 'the start'}`);
    }
    const section = sections[at] as Section;
    section.lyrics = [...part.lines];
    const bars = barsForLyrics(section, params.meter, lang);
    if (bars > MAX_SECTION_BARS) throw new LyricSheetError(`${part.header} (line ${part.lineNo}) needs ${bars} bars for its ${part.lines.length} lines; a section holds at most ${MAX_SECTION_BARS}: split it into two sections`);
    if (bars > section.bars) {
      notes.push(`the ${ordinal([...sections.slice(0, at)].filter((s) => sectionKey(s.name) === part.name).length)} ${section.name} grew from ${section.bars} to ${bars} bars to fit its ${part.lines.length} line${part.lines.length === 1 ? '' : 's'}`);
      section.bars = bars;
    }
    used.add(at);
    after = at;
  }
  sections.forEach((s, i) => {
    if (!used.has(i) && params.sections.some((p) => sectionKey(p.name) === sectionKey(s.name)) && sheet.sections.some((p) => p.name === sectionKey(s.name))) {
      notes.push(`the ${ordinal(sections.slice(0, i).filter((x) => sectionKey(x.name) === sectionKey(s.name)).length)} ${s.name} has no words in the sheet and stays instrumental`);
    }
  });
  const total = sections.reduce((n, s) => n + s.bars, 0);
  if (sections.length > 24) throw new LyricSheetError(`the words need ${sections.length} sections; a song has at most 24`);
  if (total > 512) throw new LyricSheetError(`the words need ${total} bars in all; a song has at most 512`);
  return { params: { ...params, sections, lyricsLanguage: lang }, notes };
}
