/**
 * Sketch → a plain-text chord chart for anyone without a ChordPro reader: a heading, then each
 * section's name and its bars in even columns, four bars to a line.
 */
import type { Sketch } from '../sketch.ts';
import { chordsPerBar, oneLine, sectionLabel, sectionsInOrder } from './chart.ts';
import { barLines } from './chordpro.ts';
import type { NotationOptions } from './musicxml.ts';

/**
 * The chart as text.
 * @example sketchToChordChart(sketch, { title: 'For Mara' })
 * // "For Mara\nD minor · 96 bpm · 4/4\n\nVerse\n| Dm    | Bb    | F     | C     |\n…"
 */
export function sketchToChordChart(sketch: Sketch, options: NotationOptions = {}): string {
  const cells = chordsPerBar(sketch).map((symbols) => (symbols.length > 0 ? symbols.join(' ') : 'N.C.'));
  const width = Math.max(6, ...cells.map((c) => c.length));
  const lines = [oneLine(options.title ?? '') || 'Untitled', `${sketch.key} ${sketch.mode} · ${sketch.tempo} bpm · ${sketch.meter}`];
  for (const section of sectionsInOrder(sketch)) {
    lines.push('', sectionLabel(section.name));
    const end = Math.min(sketch.bars, section.startBar + section.bars);
    for (const line of barLines(cells, section.startBar, end)) lines.push(`| ${line.map((c) => c.padEnd(width)).join(' | ')} |`);
  }
  return lines.join('\n') + '\n';
}
