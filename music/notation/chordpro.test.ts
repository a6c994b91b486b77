import { describe, expect, it } from 'vitest';
import { generateSketch } from '../generate.ts';
import { parseParams, type SongParametersInput } from '../params.ts';
import type { Sketch } from '../sketch.ts';
import { sketchToChordPro } from './chordpro.ts';
import { sketchToChordChart } from './textChart.ts';

/** What a musician expects in each bar, worked out from sketch.chords: chords starting there, else the one still sounding. */
function expectedBars(sketch: Sketch): string[][] {
  return Array.from({ length: sketch.bars }, (_, bar) => {
    const from = bar * sketch.ticksPerBar;
    const starting = sketch.chords.filter((c) => c.start >= from && c.start < from + sketch.ticksPerBar).map((c) => c.symbol);
    if (starting.length > 0) return starting;
    const sounding = sketch.chords.find((c) => c.start < from && c.start + c.duration > from);
    return sounding ? [sounding.symbol] : ['N.C.'];
  });
}

/** Read a ChordPro chart back: directives, and per section its label and the chords of each bar. */
function parseChordPro(text: string) {
  const directives: Record<string, string> = {};
  const sections: { environment: string; label: string; bars: string[][] }[] = [];
  let open: (typeof sections)[number] | null = null;
  for (const line of text.split('\n')) {
    const directive = /^\{([\w_]+)(?::\s*(.*))?\}$/.exec(line);
    if (directive) {
      const [, name = '', value = ''] = directive;
      const start = /^start_of_(\w+)$/.exec(name);
      if (start) sections.push((open = { environment: start[1]!, label: value, bars: [] }));
      else if (name.startsWith('end_of_')) {
        expect(name).toBe(`end_of_${open?.environment}`);
        open = null;
      } else directives[name] = value;
    } else if (line.startsWith('|')) {
      expect(open).not.toBeNull();
      const cells = line.split('|').slice(1, -1);
      for (const cell of cells) open!.bars.push([...cell.matchAll(/\[([^\]]+)\]/g)].map((m) => m[1]!));
    }
  }
  return { directives, sections };
}

const CASES: [string, SongParametersInput][] = [
  ['one chord a bar in D minor', { key: 'D', mode: 'minor', tempo: 72 }],
  ['two chords a bar with extensions', { harmony: { chordsPerBar: 2, extensions: true }, meter: '3/4' }],
  ['a chord every two bars in E dorian 6/8', { key: 'E', mode: 'dorian', meter: '6/8', harmony: { chordsPerBar: 0.5 } }],
];

describe('sketchToChordPro', () => {
  it.each(CASES)('gives back the chords of every bar for %s', (_, input) => {
    const sketch = generateSketch(parseParams(input), 9);
    const chart = parseChordPro(sketchToChordPro(sketch, { title: 'For Mara' }));
    expect(chart.directives).toMatchObject({ title: 'For Mara', tempo: String(sketch.tempo), time: sketch.meter });
    expect(chart.directives.key).toMatch(new RegExp(`^${sketch.key}m?$`));
    expect(chart.sections.map((s) => s.label.toLowerCase())).toEqual(sketch.sections.map((s) => s.name));
    expect(chart.sections.flatMap((s) => s.bars)).toEqual(expectedBars(sketch));
    sketch.sections.forEach((section, i) => expect(chart.sections[i]!.bars).toHaveLength(section.bars));
  });

  it('uses ChordPro environments for verse and chorus and custom parts for the rest, four bars a line', () => {
    const sketch = generateSketch(parseParams({ sections: [{ name: 'intro', bars: 2 }, { name: 'verse', bars: 8 }, { name: 'chorus', bars: 6 }] }), 1);
    const text = sketchToChordPro(sketch, { title: 'Lines' });
    expect(parseChordPro(text).sections.map((s) => s.environment)).toEqual(['part', 'verse', 'chorus']);
    const barLines = text.split('\n').filter((l) => l.startsWith('|'));
    expect(barLines.map((l) => l.split('|').length - 2)).toEqual([2, 4, 4, 4, 2]);
  });

  it('keeps braces and line breaks out of directive values', () => {
    const sketch = generateSketch(parseParams({}), 1);
    const text = sketchToChordPro(sketch, { title: 'A {strange}\ntitle' });
    expect(text.split('\n')[0]).toBe('{title: A strange title}');
  });
});

describe('sketchToChordChart', () => {
  it.each(CASES)('lines up every bar and gives back its chords for %s', (_, input) => {
    const sketch = generateSketch(parseParams(input), 9);
    const lines = sketchToChordChart(sketch, { title: 'For Mara' }).trimEnd().split('\n');
    expect(lines[0]).toBe('For Mara');
    expect(lines[1]).toBe(`${sketch.key} ${sketch.mode} · ${sketch.tempo} bpm · ${sketch.meter}`);
    const rows = lines.filter((l) => l.startsWith('|'));
    expect(new Set(rows.filter((r) => r.split('|').length === 6).map((r) => r.length)).size).toBe(1);
    const bars = rows.flatMap((r) => r.split('|').slice(1, -1).map((cell) => cell.trim().split(/\s+/)));
    expect(bars).toEqual(expectedBars(sketch));
    expect(lines.filter((l) => /^[A-Z]/.test(l)).slice(2)).toEqual(sketch.sections.map((s) => s.name[0]!.toUpperCase() + s.name.slice(1)));
  });
});
