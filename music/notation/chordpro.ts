/**
 * Sketch → ChordPro chart: title, key, tempo and time directives, one section block per section
 * ({start_of_verse: Verse} …, custom sections as {start_of_part: Intro}), and the harmony as bar
 * lines `| [Am] | [F] [G] |`, four bars to a line; a section with words prints them instead, one sung
 * line per line with each chord just before the syllable it changes on (`[Am]Keep go[F]ing`).
 * Pure and deterministic.
 */
import { keySignatureFor } from '../midi/keySignature.ts';
import type { Sketch } from '../sketch.ts';
import { chordsPerBar, oneLine, sectionLabel, sectionsInOrder } from './chart.ts';
import { sungLinesIn, type SungLine } from './words.ts';
import type { NotationOptions } from './musicxml.ts';

/** Section names ChordPro has its own environment for; any other name becomes a "part". */
const ENVIRONMENTS: Readonly<Record<string, string>> = {
  verse: 'verse',
  chorus: 'chorus',
  refrain: 'chorus',
  bridge: 'bridge',
};

/** Bars per printed line of a chart. */
export const BARS_PER_LINE = 4;

/** ChordPro's name for "no chord here". */
const NO_CHORD = 'N.C.';

/** Directive values cannot hold braces or line breaks. */
const directiveValue = (text: string) => oneLine(text).replace(/[{}]/g, '');

/** The key as a chord-style name: "Dm" for minor-flavoured modes, "Eb" for major ones. */
export function keyName(sketch: Sketch): string {
  return `${sketch.key}${keySignatureFor(sketch.key, sketch.mode).mi === 1 ? 'm' : ''}`;
}

/** The sketch's bars `from`…`to` (exclusive) as chart lines of BARS_PER_LINE cells each. */
export function barLines<T>(cells: readonly T[], from: number, to: number): T[][] {
  const lines: T[][] = [];
  for (let bar = from; bar < to; bar += BARS_PER_LINE) lines.push(cells.slice(bar, Math.min(to, bar + BARS_PER_LINE)));
  return lines;
}

/**
 * A ChordPro chart of the sketch's harmony and form.
 * @example sketchToChordPro(sketch, { title: 'For Mara' }).split('\n')[0] // "{title: For Mara}"
 */
export function sketchToChordPro(sketch: Sketch, options: NotationOptions = {}): string {
  const title = directiveValue(options.title ?? '') || 'Untitled';
  const lines = [`{title: ${title}}`, `{key: ${keyName(sketch)}}`, `{tempo: ${sketch.tempo}}`, `{time: ${sketch.meter}}`];
  if (sketch.mode !== 'major' && sketch.mode !== 'minor') lines.push(`{comment: ${directiveValue(`${sketch.key} ${sketch.mode}`)}}`);
  const cells = chordsPerBar(sketch).map((symbols) => (symbols.length > 0 ? symbols : [NO_CHORD]).map((s) => `[${s}]`).join(' '));
  for (const section of sectionsInOrder(sketch)) {
    const label = directiveValue(sectionLabel(section.name));
    const environment = ENVIRONMENTS[section.name.trim().toLowerCase()] ?? 'part';
    lines.push('', `{start_of_${environment}: ${label}}`);
    const sung = sungLinesIn(sketch, section);
    const end = Math.min(sketch.bars, section.startBar + section.bars);
    if (sung.length > 0) lines.push(...sung.map(chordProLine));
    else for (const line of barLines(cells, section.startBar, end)) lines.push(`| ${line.join(' | ')} |`);
    lines.push(`{end_of_${environment}}`);
  }
  return lines.join('\n') + '\n';
}

/** Square brackets and braces in sung words would read as chords or directives: they become round ones. */
const lyricSafe = (text: string) => text.replace(/[[{]/g, '(').replace(/[\]}]/g, ')');

/** One sung line in ChordPro: "[Am]Keep go[F]ing, keep going [G]". */
export function chordProLine(line: SungLine): string {
  const words = line.syllables.map((s) => `${s.chords.map((c) => `[${c}]`).join('')}${lyricSafe(s.text)}${s.syllabic === 'single' || s.syllabic === 'end' ? ' ' : ''}`).join('').trimEnd();
  const out = line.after.length ? `${words} ${line.after.map((c) => `[${c}]`).join('')}` : words;
  // A line starting with "#" would be a ChordPro comment: a leading space keeps it a sung line.
  return out.startsWith('#') ? ` ${out}` : out;
}
