import { describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseMidi } from 'midi-file';
import { main } from './main.ts';
import type { CliIO } from './io.ts';
import { Sketch } from '../music/sketch.ts';

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIO = { stdout: (s) => void out.push(s), stderr: (s) => void err.push(s), env: {}, cwd: mkdtempSync(path.join(tmpdir(), 'innerchord-lyrics-')) };
  return { io, stdout: () => out.join(''), stderr: () => err.join(''), file: (name: string) => path.join(io.cwd, name) };
}

const PARAMS = { key: 'A', mode: 'minor', meter: '3/4', sections: [{ name: 'intro', bars: 2 }, { name: 'verse', bars: 2 }, { name: 'chorus', bars: 8 }] };
const WORDS = `[Verse 1]
The kettle sings at seven in the morning
And nobody is there to hear it now

[chorus]
Keep going, keep going

[bridge]
Turn the light on

[chorus]
`;

describe('innerchord generate / notation --lyrics', () => {
  it('sings the words: sections grow and are added (said on stderr), MIDI carries a lyric event per syllable', async () => {
    const c = capture();
    writeFileSync(c.file('p.json'), JSON.stringify(PARAMS));
    writeFileSync(c.file('words.txt'), WORDS);
    const code = await main(['generate', '--params', 'p.json', '--lyrics', 'words.txt', '--seed', '3', '--out', 's.mid', '--sketch', 's.json'], c.io);
    expect(code).toBe(0);
    expect(c.stderr()).toMatch(/words\.txt: the first verse grew from 2 to \d+ bars/);
    expect(c.stderr()).toMatch(/words\.txt: the form gained a bridge/);
    expect(c.stderr()).toMatch(/words\.txt: the form gained a chorus/);
    const sketch = Sketch.parse(JSON.parse(readFileSync(c.file('s.json'), 'utf8')));
    expect(sketch.sections.map((s) => s.name)).toEqual(['intro', 'verse', 'chorus', 'bridge', 'chorus']);
    const midi = parseMidi(readFileSync(c.file('s.mid')));
    const lyrics = midi.tracks[1]!.filter((e) => e.type === 'lyrics');
    expect(lyrics.length).toBe(sketch.tracks[0]!.notes.filter((n) => n.lyric).length);
    expect(lyrics.length).toBeGreaterThan(20);
  });

  it('writes ChordPro with the words and a text lead sheet', async () => {
    const c = capture();
    writeFileSync(c.file('p.json'), JSON.stringify(PARAMS));
    writeFileSync(c.file('words.txt'), WORDS);
    expect(await main(['notation', '--params', 'p.json', '--lyrics', 'words.txt', '--format', 'chordpro', '--out', 's.cho'], c.io)).toBe(0);
    const cho = readFileSync(c.file('s.cho'), 'utf8');
    expect(cho.replace(/\[[^\]]+\]/g, '')).toContain('Keep going, keep going');
    expect(await main(['notation', '--params', 'p.json', '--lyrics', 'words.txt', '--out', 's.txt'], c.io)).toBe(0);
    expect(readFileSync(c.file('s.txt'), 'utf8')).toContain('Turn the light on');
    expect(await main(['notation', '--params', 'p.json', '--lyrics', 'words.txt', '--out', 's.musicxml'], c.io)).toBe(0);
    expect(readFileSync(c.file('s.musicxml'), 'utf8')).toContain('<syllabic>begin</syllabic>');
  });

  const failures: [string, string, RegExp][] = [
    ['an empty file', '', /words\.txt: the lyric sheet is empty/],
    ['a file without headers', 'just some words\nand more', /words\.txt: line 1: words before the first \[section\] header/],
    ['a header with nothing to repeat', '[chorus]\n', /words\.txt: line 1: \[chorus\] has no lines and no earlier \[chorus\] to repeat/],
  ];
  it.each(failures)('fails with one clear line for %s', async (_, text, message) => {
    const c = capture();
    writeFileSync(c.file('p.json'), JSON.stringify(PARAMS));
    writeFileSync(c.file('words.txt'), text);
    expect(await main(['generate', '--params', 'p.json', '--lyrics', 'words.txt', '--out', 'x.mid'], c.io)).not.toBe(0);
    expect(c.stderr()).toMatch(message);
    expect(c.stderr().trim().split('\n')).toHaveLength(1);
    expect(existsSync(c.file('x.mid'))).toBe(false);
  });

  it('refuses a lyric sheet that is not UTF-8, and --lyrics with a saved sketch', async () => {
    const c = capture();
    writeFileSync(c.file('p.json'), JSON.stringify(PARAMS));
    writeFileSync(c.file('words.txt'), Buffer.from([0x5b, 0x76, 0x5d, 0x0a, 0xff, 0xfe, 0x41]));
    expect(await main(['generate', '--params', 'p.json', '--lyrics', 'words.txt', '--out', 'x.mid'], c.io)).toBe(1);
    expect(c.stderr()).toMatch(/words\.txt is not UTF-8 text/);
    writeFileSync(c.file('s.json'), '{}');
    expect(await main(['notation', '--sketch', 's.json', '--lyrics', 'words.txt', '--out', 'x.txt'], c.io)).toBe(2);
  });
});
