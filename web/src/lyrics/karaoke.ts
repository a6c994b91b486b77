/**
 * Karaoke from the sketch itself: the melody notes that carry a syllable, grouped by sung line, and
 * which syllable is sounding at a playhead tick. Pure, so it is tested without a browser.
 */
import type { Sketch } from '../../../music/sketch.ts';

export interface SungSyllable { text: string; syllabic: 'single' | 'begin' | 'middle' | 'end'; start: number; end: number }
export interface SungLine { line: number; start: number; end: number; syllables: SungSyllable[] }

/** The song's sung lines in order: sungLines(sketch)[0].syllables.map(s => s.text) → ['keep', 'go', 'ing']. */
export function sungLines(sketch: Sketch): SungLine[] {
  const melody = sketch.tracks.find((t) => t.id === 'melody');
  const byLine = new Map<number, SungSyllable[]>();
  for (const n of melody?.notes ?? []) {
    if (!n.lyric) continue;
    const list = byLine.get(n.lyric.line) ?? [];
    list.push({ text: n.lyric.text, syllabic: n.lyric.syllabic, start: n.start, end: n.start + n.duration });
    byLine.set(n.lyric.line, list);
  }
  return [...byLine.entries()]
    .map(([line, syllables]) => {
      syllables.sort((a, b) => a.start - b.start);
      return { line, syllables, start: syllables[0]!.start, end: Math.max(...syllables.map((s) => s.end)) };
    })
    .sort((a, b) => a.start - b.start);
}

/**
 * Where the playhead is in the words: the line being sung (or about to be, once the previous one
 * has ended) and the syllable sounding (-1 between syllables before the line starts).
 * nowSinging(lines, tick) → { line: 2, syllable: 3 }, or null before the first word and after the last.
 */
export function nowSinging(lines: readonly SungLine[], tick: number): { line: number; syllable: number } | null {
  if (!lines.length || tick < lines[0]!.start || tick >= lines.at(-1)!.end) return null;
  let i = 0;
  while (i + 1 < lines.length && lines[i + 1]!.start <= tick) i++;
  const l = lines[i]!;
  // Past this line's last note: the next line is up, nothing sounding yet.
  if (tick >= l.end && i + 1 < lines.length) return { line: i + 1, syllable: -1 };
  let s = -1;
  for (let j = 0; j < l.syllables.length && l.syllables[j]!.start <= tick; j++) s = j;
  return { line: i, syllable: s };
}

/** How a syllable is joined to the next when a line is shown: "to-" "mor-" "row", words spaced. */
export const joiner = (s: Pick<SungSyllable, 'syllabic'>) => (s.syllabic === 'begin' || s.syllabic === 'middle' ? '' : ' ');
