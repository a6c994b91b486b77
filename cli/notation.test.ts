import { describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { main } from './main.ts';
import type { CliIO } from './io.ts';
import { generateSketch } from '../music/generate.ts';
import { parseParams } from '../music/params.ts';
import { readLeadSheet } from '../music/notation/testing.ts';

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIO = { stdout: (s) => void out.push(s), stderr: (s) => void err.push(s), env: {}, cwd: mkdtempSync(path.join(tmpdir(), 'innerchord-notation-')) };
  return { io, stdout: () => out.join(''), stderr: () => err.join(''), file: (name: string) => path.join(io.cwd, name) };
}

const PARAMS = { key: 'D', mode: 'minor', tempo: 76, meter: '3/4', sections: [{ name: 'verse', bars: 4 }, { name: 'chorus', bars: 4 }] };

describe('innerchord notation', () => {
  it('writes a MusicXML lead sheet of the generated sketch and prints a summary', async () => {
    const c = capture();
    writeFileSync(c.file('params.json'), JSON.stringify(PARAMS));
    const code = await main(['notation', '--params', 'params.json', '--seed', '7', '--format', 'musicxml', '--out', 'song.musicxml', '--title', 'For Mara'], c.io);
    expect(c.stderr()).toBe('');
    expect(code).toBe(0);
    const xml = readFileSync(c.file('song.musicxml'), 'utf8');
    expect(JSON.parse(c.stdout())).toEqual({ out: 'song.musicxml', format: 'musicxml', bytes: Buffer.byteLength(xml), bars: 8, seed: 7 });
    const sheet = readLeadSheet(xml);
    const sketch = generateSketch(parseParams(PARAMS), 7);
    expect({ title: sheet.title, tempo: sheet.tempo, beats: sheet.beats, fifths: sheet.fifths, measures: sheet.measureLengths.length }).toEqual({ title: 'For Mara', tempo: 76, beats: 3, fifths: -1, measures: 8 });
    expect(sheet.harmonies.map((h) => h.symbol)).toEqual(sketch.chords.map((ch) => ch.symbol));
  });

  it('exports a saved sketch file as ChordPro, and as text when the extension says so', async () => {
    const c = capture();
    const sketch = generateSketch(parseParams(PARAMS), 3);
    writeFileSync(c.file('song.json'), JSON.stringify(sketch));
    expect(await main(['notation', '--sketch', 'song.json', '--format', 'chordpro', '--out', 'song.cho'], c.io)).toBe(0);
    const chordpro = readFileSync(c.file('song.cho'), 'utf8');
    expect(chordpro).toMatch(/^\{title: Untitled\}\n\{key: Dm\}\n\{tempo: 76\}\n\{time: 3\/4\}\n/);
    expect(chordpro).toContain(`{start_of_verse: Verse}\n| [${sketch.chords[0]!.symbol}] |`);
    expect(await main(['notation', '--sketch', 'song.json', '--out', 'chart.txt'], c.io)).toBe(0);
    expect(readFileSync(c.file('chart.txt'), 'utf8')).toMatch(/^Untitled\nD minor · 76 bpm · 3\/4\n\nVerse\n\| /);
    expect(c.stdout().trim().split('\n').map((l) => JSON.parse(l).format)).toEqual(['chordpro', 'text']);
  });

  const failures: [string, string[], Record<string, string>, number, RegExp][] = [
    ['an unknown format', ['--params', 'p.json', '--format', 'pdf', '--out', 'x.pdf'], { 'p.json': '{}' }, 2, /--format must be musicxml, chordpro or text, got "pdf"/],
    ['no format and an unknown extension', ['--params', 'p.json', '--out', 'x.pdf'], { 'p.json': '{}' }, 2, /--format is required when x\.pdf/],
    ['both --params and --sketch', ['--params', 'p.json', '--sketch', 's.json', '--out', 'x.txt'], { 'p.json': '{}' }, 2, /--params or --sketch, not both/],
    ['neither --params nor --sketch', ['--out', 'x.txt'], {}, 2, /--params or --sketch is required/],
    ['a sketch file that is not a sketch', ['--sketch', 's.json', '--out', 'x.txt'], { 's.json': '{"tempo": 5}' }, 1, /s\.json is not an Innerchord sketch: /],
    ['invalid params', ['--params', 'p.json', '--out', 'x.txt'], { 'p.json': '{"meter": "9/7"}' }, 1, /p\.json has invalid parameters: meter/],
    ['a missing --out', ['--params', 'p.json'], { 'p.json': '{}' }, 2, /--out is required/],
  ];
  it.each(failures)('fails with one clear line for %s', async (_, args, files, exitCode, message) => {
    const c = capture();
    for (const [name, text] of Object.entries(files)) writeFileSync(c.file(name), text);
    expect(await main(['notation', ...args], c.io)).toBe(exitCode);
    expect(c.stderr()).toMatch(message);
    expect(c.stderr().trim().split('\n')).toHaveLength(1);
    expect(c.stdout()).toBe('');
    expect(existsSync(c.file('x.txt'))).toBe(false);
  });
});
