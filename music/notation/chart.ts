/**
 * What every chart shows bar by bar: the chord symbols of each bar, the section that starts there
 * and its label. Shared by the MusicXML lead sheet, the ChordPro chart and the plain-text chart.
 */
import type { ChordEvent, SectionMark, Sketch } from '../sketch.ts';

/** "verse" → "Verse", "pre  chorus" → "Pre chorus": a section name as a chart prints it. */
export function sectionLabel(name: string): string {
  const clean = name.replace(/\s+/g, ' ').trim();
  return clean.charAt(0).toUpperCase() + clean.slice(1);
}

/** One line of text: whitespace runs (line breaks included) become single spaces. */
export function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** The chord events starting in each bar, by bar index (from their start tick). */
export function chordEventsByBar(sketch: Sketch): ChordEvent[][] {
  const bars: ChordEvent[][] = Array.from({ length: sketch.bars }, () => []);
  for (const chord of [...sketch.chords].sort((a, b) => a.start - b.start)) {
    bars[Math.floor(chord.start / sketch.ticksPerBar)]?.push(chord);
  }
  return bars;
}

/**
 * The symbols to print in each bar: the chords starting there, or — in a bar where none starts —
 * the chord still sounding, repeated so every bar of the chart names its harmony.
 * @example chordsPerBar(sketch).slice(0, 2) // [['Am'], ['F', 'G']]
 */
export function chordsPerBar(sketch: Sketch): string[][] {
  let sounding: ChordEvent | undefined;
  return chordEventsByBar(sketch).map((events, bar) => {
    if (events.length === 0) return sounding && sounding.start + sounding.duration > bar * sketch.ticksPerBar ? [sounding.symbol] : [];
    sounding = events.at(-1);
    return events.map((e) => e.symbol);
  });
}

/** Sections in order of their first bar. */
export function sectionsInOrder(sketch: Sketch): SectionMark[] {
  return [...sketch.sections].sort((a, b) => a.startBar - b.startBar);
}
