import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { main } from './main.ts';
import type { CliIO } from './io.ts';
import { MidiAnalysis } from '../music/analyze/schema.ts';
import { sketchToMidi } from '../music/midi/export.ts';
import { fixtureSketch } from '../music/midi/fixture.ts';

/** A CliIO that records what a command prints, working in a fresh temporary folder. */
function capture() {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIO = { stdout: (s) => void out.push(s), stderr: (s) => void err.push(s), env: {}, cwd: mkdtempSync(path.join(tmpdir(), 'innerchord-analyze-')) };
  return { io, stdout: () => out.join(''), stderr: () => err.join('') };
}

describe('innerchord analyze', () => {
  it('prints the analysis of a MIDI file as JSON on stdout', async () => {
    const c = capture();
    writeFileSync(path.join(c.io.cwd, 'song.mid'), sketchToMidi(fixtureSketch({ key: 'E', mode: 'minor', tempo: 66, meter: '3/4' })));
    expect(await main(['analyze', 'song.mid'], c.io)).toBe(0);
    const analysis = MidiAnalysis.parse(JSON.parse(c.stdout()));
    expect(analysis).toMatchObject({ key: 'E', mode: 'minor', tempo: 66, meter: '3/4', bars: 10 });
    expect(analysis.tracks.map((t) => t.name)).toEqual(['Melody', 'Chords', 'Bass', 'Drums']);
    expect(c.stderr()).toBe('');
  });

  it('fails with one clear line for a missing file', async () => {
    const c = capture();
    expect(await main(['analyze', 'nope.mid'], c.io)).toBe(1);
    expect(c.stderr()).toBe('innerchord analyze: cannot read nope.mid: no such file\n');
    expect(c.stdout()).toBe('');
  });

  it('fails with one clear line for a file that is not MIDI', async () => {
    const c = capture();
    writeFileSync(path.join(c.io.cwd, 'notes.txt'), 'verse, chorus, verse');
    expect(await main(['analyze', 'notes.txt'], c.io)).toBe(1);
    expect(c.stderr()).toMatch(/^innerchord analyze: notes\.txt: not a MIDI file .*\n$/);
    expect(c.stderr().trim().split('\n')).toHaveLength(1);
  });

  it('treats a missing file argument as a usage error (exit 2)', async () => {
    const c = capture();
    expect(await main(['analyze'], c.io)).toBe(2);
    expect(c.stderr()).toMatch(/usage: innerchord analyze <file\.mid>/);
  });

  it('works through the real bin script', () => {
    const c = capture();
    const file = path.join(c.io.cwd, 'bin-test.mid');
    writeFileSync(file, sketchToMidi(fixtureSketch({ key: 'G', mode: 'major', tempo: 120 })));
    const bin = fileURLToPath(new URL('../bin/innerchord.js', import.meta.url));
    const result = spawnSync(process.execPath, [bin, 'analyze', file], { encoding: 'utf8', timeout: 30_000 });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ key: 'G', mode: 'major', tempo: 120, meter: '4/4' });
    const missing = spawnSync(process.execPath, [bin, 'analyze', path.join(c.io.cwd, 'missing.mid')], { encoding: 'utf8', timeout: 30_000 });
    expect(missing.status).toBe(1);
    expect(missing.stdout).toBe('');
    expect(missing.stderr).toMatch(/cannot read .*missing\.mid: no such file/);
  });
});
