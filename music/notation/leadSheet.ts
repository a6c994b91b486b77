/**
 * Sketch → a printable plain-text lead sheet: the heading of the chord chart, then per section its
 * name and, where it is sung, each line of words with the chord changes written above the
 * syllables they fall on; instrumental sections keep the bar chart. Monospaced, so it prints and
 * pastes anywhere.
 */
import type { Sketch } from '../sketch.ts';
import { chordsPerBar, oneLine, sectionLabel, sectionsInOrder } from './chart.ts';
import { barLines } from './chordpro.ts';
import type { NotationOptions } from './musicxml.ts';
import { sungLinesIn, type SungLine } from './words.ts';

/** Two rows: chord symbols above, words below, each chord starting over its syllable's first letter. */
export function chordsOverWords(line: SungLine): [string, string] {
  let words = '';
  let chords = '';
  for (const s of line.syllables) {
    if (s.chords.length) {
      // Make room when the previous chord is still being written over this column.
      if (chords.length > words.length) words = words.padEnd(chords.length + 1, s.syllabic === 'middle' || s.syllabic === 'end' ? '-' : ' ');
      chords = chords.padEnd(words.length) + s.chords.join(' ') + ' ';
    }
    words += s.text + (s.syllabic === 'single' || s.syllabic === 'end' ? ' ' : '');
  }
  if (line.after.length) {
    words = words.trimEnd() + ' ';
    chords = chords.padEnd(Math.max(words.length, chords.length)) + line.after.join(' ');
  }
  return [chords.trimEnd(), words.trimEnd()];
}

/**
 * The lead sheet as text.
 * @example sketchToLeadSheet(sketch, { title: 'For Mara' })
 * // "For Mara\nD minor · 96 bpm · 4/4\n\nVerse\nDm          Bb\nThe kettle sings at seven…"
 */
export function sketchToLeadSheet(sketch: Sketch, options: NotationOptions = {}): string {
  const cells = chordsPerBar(sketch).map((symbols) => (symbols.length > 0 ? symbols.join(' ') : 'N.C.'));
  const width = Math.max(6, ...cells.map((c) => c.length));
  const lines = [oneLine(options.title ?? '') || 'Untitled', `${sketch.key} ${sketch.mode} · ${sketch.tempo} bpm · ${sketch.meter}`];
  for (const section of sectionsInOrder(sketch)) {
    lines.push('', sectionLabel(section.name));
    const sung = sungLinesIn(sketch, section);
    if (sung.length > 0) {
      for (const line of sung) {
        const [chords, words] = chordsOverWords(line);
        if (chords) lines.push(chords);
        lines.push(words);
      }
      continue;
    }
    const end = Math.min(sketch.bars, section.startBar + section.bars);
    for (const line of barLines(cells, section.startBar, end)) lines.push(`| ${line.map((c) => c.padEnd(width)).join(' | ')} |`);
  }
  return lines.join('\n') + '\n';
}
