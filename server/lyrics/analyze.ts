/**
 * A lyric sheet read back to the musician, line by line: syllables with their stresses (from the
 * engine's syllabifier in music/lyrics, dictionary-backed for English, hyphenation patterns and
 * stress rules for German, French and Spanish), the rhymes at the line ends, and a hint where a
 * line holds more syllables than its phrase has room for.
 */
import { z } from 'zod';
import { parseInput } from '../journal/common.ts';
import { loadLyricResources, slotsPerBar, syllabify } from '../../music/lyrics/index.ts';
import { Meter, MeterGrouping } from '../../music/params.ts';
import { fill, lyricsLang } from './lang.ts';
import { lineEnd, rhymeKind, type RhymeKind } from './rhymes.ts';

export const AnalyzeSection = z.object({
  name: z.string().trim().min(1).max(40),
  bars: z.number().int().min(1).max(64),
  lines: z.array(z.string().max(200)).max(24),
});
export const AnalyzeInput = z.object({
  sections: z.array(AnalyzeSection).min(1).max(32),
  meter: Meter.default('4/4'),
  meterGrouping: MeterGrouping.optional(),
  language: z.string().regex(/^[a-z]{2}$/).default('en'),
});
export type AnalyzeInput = z.input<typeof AnalyzeInput>;

export const LineReading = z.object({
  text: z.string(),
  /** The syllables as sung, e.g. ["keep", "go", "ing"]. */
  syllables: z.array(z.string()),
  /** One mark per syllable: "/" stressed, "\\" secondary, "x" unstressed — "x/x/" reads da-DUM-da-DUM. */
  stress: z.string(),
  /** How many syllables the line's phrase has room for, one to an eighth note with a breath at the end (longer lines grow the section). */
  room: z.number().int(),
  /** The word the line ends on, where rhymes are heard. */
  end: z.string(),
  /** The nearest earlier line in the section it rhymes with (index), and how. */
  rhymesWith: z.object({ line: z.number().int(), kind: z.enum(['perfect', 'near']) }).nullable(),
  /** A sentence to show beside the line, or null when it fits. */
  hint: z.string().nullable(),
});
export type LineReading = z.infer<typeof LineReading>;
export const SectionReading = z.object({ name: z.string(), lines: z.array(LineReading) });
export type SectionReading = z.infer<typeof SectionReading>;

const MARK = ['x', '/', '\\'] as const;

/**
 * Syllables a line has room for in its share of the section's bars, as the engine sings it (one
 * syllable per eighth note, two eighths of breath at the end: music/lyrics lineBars). A longer line
 * is still sung — the engine grows the section — so this is a hint, not a limit.
 * lineRoom(8, 4, '4/4') → 14.
 */
export function lineRoom(bars: number, lineCount: number, meter: Meter): number {
  const barsPerLine = Math.max(1, Math.floor(bars / Math.max(1, lineCount)));
  return Math.max(1, barsPerLine * slotsPerBar(meter) - 2);
}

/** Read every line of every section: analyzeSheet({ sections: [{ name: 'chorus', bars: 8, lines: ['keep going'] }] }). */
export async function analyzeSheet(input: AnalyzeInput): Promise<SectionReading[]> {
  const v = parseInput(AnalyzeInput, input);
  const lang = lyricsLang(v.language);
  await loadLyricResources([v.language]);
  const out: SectionReading[] = [];
  for (const section of v.sections) {
    const sung = section.lines.filter((l) => l.trim());
    const room = lineRoom(section.bars, sung.length, v.meter);
    const lines: LineReading[] = [];
    for (const [i, raw] of section.lines.entries()) {
      const text = raw.trim();
      const syllables = text ? syllabify(text, v.language).flatMap((w) => w.syllables) : [];
      let rhymesWith: LineReading['rhymesWith'] = null;
      for (let j = i - 1; j >= 0 && !rhymesWith; j--) {
        const kind: RhymeKind | null = text ? rhymeKind(section.lines[j] ?? '', text, v.language) : null;
        if (kind) rhymesWith = { line: j, kind };
      }
      lines.push({
        text,
        syllables: syllables.map((s) => s.text),
        stress: syllables.map((s) => MARK[s.stress]).join(''),
        room,
        end: lineEnd(text),
        rhymesWith,
        hint: !text ? lang.hints.empty : syllables.length > room ? fill(lang.hints.tooLong, { syllables: syllables.length, room }) : null,
      });
    }
    out.push({ name: section.name, lines });
  }
  return out;
}
