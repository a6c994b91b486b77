/**
 * The words of a sketch as charts print them: each sung line of a section with the chord changes
 * placed on the syllables they fall on. A chord that changes under a held syllable is placed on
 * the next one; chords after a line's last syllable (the bars before the next line) close the
 * line. Shared by the ChordPro chart and the plain-text lead sheet.
 */
import type { ChordEvent, SectionMark, Sketch, Syllable } from '../sketch.ts';

export interface SungLine {
  /** The line's index across the song. */
  line: number;
  /** Syllables in order, each with the chord symbols that change on it (usually none). */
  syllables: { text: string; syllabic: Syllable['syllabic']; start: number; chords: string[] }[];
  /** Chords that change after the line's last syllable, before the next line. */
  after: string[];
}

/** The sung lines of one section, with their chords; [] for an instrumental section. */
export function sungLinesIn(sketch: Sketch, section: SectionMark): SungLine[] {
  const from = section.startTick;
  const to = from + section.bars * sketch.ticksPerBar;
  const melody = sketch.tracks.find((t) => t.id === 'melody')?.notes ?? [];
  const lines: SungLine[] = [];
  for (const n of melody) {
    if (!n.lyric || n.start < from || n.start >= to) continue;
    let current = lines.at(-1);
    if (!current || current.line !== n.lyric.line) lines.push((current = { line: n.lyric.line, syllables: [], after: [] }));
    current.syllables.push({ text: n.lyric.text, syllabic: n.lyric.syllabic, start: n.start, chords: [] });
  }
  if (lines.length === 0) return lines;
  const chords = sketch.chords.filter((c) => c.start >= from && c.start < to).sort((a, b) => a.start - b.start);
  // The chord already sounding when the section starts is named on its first syllable.
  const sounding = sketch.chords.find((c) => c.start < from && c.start + c.duration > from);
  const place = (c: ChordEvent | undefined, at: number) => {
    if (!c) return;
    // The line whose span holds the chord: from its first syllable (the first line from the section start) to the next line's first syllable.
    let li = 0;
    while (li + 1 < lines.length && (lines[li + 1]?.syllables[0]?.start ?? Infinity) <= at) li++;
    const line = lines[li] as SungLine;
    const target = line.syllables.find((s) => s.start >= at);
    if (target) target.chords.push(c.symbol);
    else line.after.push(c.symbol);
  };
  if (sounding && !chords.some((c) => c.start === from)) place(sounding, from);
  for (const c of chords) place(c, c.start);
  return lines;
}

/** A line's words with its syllables joined back into words: "To", "mor", "row" → "Tomorrow". */
export function joinSyllables(parts: readonly { text: string; syllabic: Syllable['syllabic'] }[]): string {
  return parts.map((p) => p.text + (p.syllabic === 'single' || p.syllabic === 'end' ? ' ' : '')).join('').trim();
}
