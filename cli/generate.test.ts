import { describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { main } from './main.ts';
import type { CliIO } from './io.ts';
import { Sketch } from '../music/sketch.ts';
import { analyzeMidi } from '../music/analyze/analyze.ts';

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIO = { stdout: (s) => void out.push(s), stderr: (s) => void err.push(s), env: {}, cwd: mkdtempSync(path.join(tmpdir(), 'innerchord-generate-')) };
  return { io, stdout: () => out.join(''), stderr: () => err.join(''), file: (name: string) => path.join(io.cwd, name) };
}

const PARAMS = {
  key: 'D',
  mode: 'minor',
  tempo: 76,
  meter: '3/4',
  sections: [
    { name: 'verse', bars: 8 },
    { name: 'chorus', bars: 8, energy: 0.8 },
  ],
};

describe('innerchord generate', () => {
  it('writes MIDI and the sketch, and prints a JSON summary', async () => {
    const c = capture();
    writeFileSync(c.file('params.json'), JSON.stringify(PARAMS));
    const code = await main(['generate', '--params', 'params.json', '--seed', '7', '--out', 'song.mid', '--sketch', 'song.json'], c.io);
    expect(c.stderr()).toBe('');
    expect(code).toBe(0);
    const summary = JSON.parse(c.stdout());
    const sketch = Sketch.parse(JSON.parse(readFileSync(c.file('song.json'), 'utf8')));
    const bytes = readFileSync(c.file('song.mid'));
    expect(summary).toEqual({ out: 'song.mid', bytes: bytes.length, bars: 16, tracks: sketch.tracks.length, seed: 7, sketch: 'song.json' });
    expect(sketch.seed).toBe(7);
    const analysis = analyzeMidi(bytes);
    expect(analysis).toMatchObject({ tempo: 76, meter: '3/4', keySignature: { key: 'D', mode: 'minor', sharps: -1 } });
    expect(analysis.markers.map((m) => m.text)).toEqual(['verse', 'chorus']);
  });

  it('defaults the seed to 1 and gives identical bytes for the same params and seed', async () => {
    const c = capture();
    writeFileSync(c.file('params.json'), JSON.stringify(PARAMS));
    await main(['generate', '--params', 'params.json', '--out', 'a.mid'], c.io);
    await main(['generate', '--params', 'params.json', '--seed', '1', '--out', 'b.mid'], c.io);
    expect(JSON.parse(c.stdout().split('\n')[0]!)).toMatchObject({ seed: 1 });
    expect(readFileSync(c.file('a.mid')).equals(readFileSync(c.file('b.mid')))).toBe(true);
    expect(existsSync(c.file('a.json'))).toBe(false);
  });

  const failures: [string, string[], Record<string, string>, number, RegExp][] = [
    ['a missing params file', ['--params', 'none.json', '--out', 'x.mid'], {}, 1, /cannot read none\.json: no such file/],
    ['invalid JSON, with its position', ['--params', 'p.json', '--out', 'x.mid'], { 'p.json': '{"tempo": 72,,}' }, 1, /p\.json is not valid JSON at line 1, column 14 \(position 13\)/],
    ['params that fail validation, naming the field', ['--params', 'p.json', '--out', 'x.mid'], { 'p.json': '{"tempo": 500, "key": "H"}' }, 1, /p\.json has invalid parameters: key: .*tempo: /],
    ['a seed that is not an integer', ['--params', 'p.json', '--seed', '1.5', '--out', 'x.mid'], { 'p.json': '{}' }, 2, /--seed must be an integer, got "1\.5"/],
    ['a missing --out', ['--params', 'p.json'], { 'p.json': '{}' }, 2, /--out is required/],
    ['a missing --params', ['--out', 'x.mid'], {}, 2, /--params is required/],
    ['an output folder that does not exist', ['--params', 'p.json', '--out', 'no/such/x.mid'], { 'p.json': '{}' }, 1, /cannot write no\/such\/x\.mid: its folder does not exist/],
  ];
  it.each(failures)('fails with one clear line for %s', async (_, args, files, exitCode, message) => {
    const c = capture();
    for (const [name, text] of Object.entries(files)) writeFileSync(c.file(name), text);
    expect(await main(['generate', ...args], c.io)).toBe(exitCode);
    expect(c.stderr()).toMatch(message);
    expect(c.stderr().trim().split('\n')).toHaveLength(1);
    expect(c.stdout()).toBe('');
    expect(existsSync(c.file('x.mid'))).toBe(false);
  });

  it('works through the real bin script', () => {
    const c = capture();
    writeFileSync(c.file('params.json'), JSON.stringify(PARAMS));
    const bin = fileURLToPath(new URL('../bin/innerchord.js', import.meta.url));
    const result = spawnSync(process.execPath, [bin, 'generate', '--params', 'params.json', '--out', 'bin.mid'], { cwd: c.io.cwd, encoding: 'utf8', timeout: 30_000 });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ out: 'bin.mid', bars: 16, seed: 1 });
    expect(analyzeMidi(readFileSync(c.file('bin.mid'))).meter).toBe('3/4');
  });
});

describe('innerchord generate --melody', () => {
  it('builds the song around a transcribed tune, keeping it note for note', async () => {
    const { synthesizeHum, VOICES } = await import('../music/transcribe/hum.ts');
    const { encodeWav } = await import('../music/render/wav.ts');
    const { Midi } = await import('../music/midi/toneMidi.ts');
    const c = capture();
    const hum = synthesizeHum({ seed: 44, voice: VOICES[1]!, tempo: 92, key: 'D', mode: 'minor', notes: 24 });
    writeFileSync(c.file('hum.wav'), encodeWav({ numberOfChannels: 1, sampleRate: hum.sampleRate, length: hum.samples.length, getChannelData: () => hum.samples }));
    expect(await main(['transcribe', 'hum.wav', '--tempo', '92', '--key', 'Dm', '--out', 'tune.mid'], c.io)).toBe(0);
    writeFileSync(c.file('params.json'), JSON.stringify({ ...PARAMS, meter: '4/4', key: 'D', mode: 'minor', sections: [{ name: 'verse', bars: 2 }, { name: 'chorus', bars: 2 }] }));
    const code = await main(['generate', '--params', 'params.json', '--melody', 'tune.mid', '--seed', '3', '--out', 'song.mid'], c.io);
    expect(c.stderr()).toBe('');
    expect(code).toBe(0);
    const summary = JSON.parse(c.stdout().trim().split('\n').pop()!);
    const tune = new Midi(readFileSync(c.file('tune.mid'))).tracks.find((t) => t.notes.length)!.notes;
    const song = new Midi(readFileSync(c.file('song.mid')));
    const melody = song.tracks.find((t) => t.name === 'Melody')!.notes;
    const rel = (ns: { midi: number; ticks: number }[]) => ns.map((n) => [n.midi, n.ticks - ns[0]!.ticks]);
    expect(rel(melody)).toEqual(rel(tune));
    expect(summary.melody.notes).toBe(tune.length);
    expect(summary.melody.barsAdded).toBeGreaterThan(0);
    expect(summary.melody.strongBeatChordTones).toBeGreaterThanOrEqual(0.8);
    expect(song.tracks.filter((t) => t.notes.length).length).toBeGreaterThanOrEqual(3);
  });

  it('refuses a melody file that is not MIDI with one clear line', async () => {
    const c = capture();
    writeFileSync(c.file('params.json'), JSON.stringify(PARAMS));
    writeFileSync(c.file('tune.mid'), 'la la la');
    const code = await main(['generate', '--params', 'params.json', '--melody', 'tune.mid', '--out', 'song.mid'], c.io);
    expect(code).toBe(1);
    expect(c.stderr()).toMatch(/^innerchord generate: tune\.mid: /);
    expect(c.stderr().trim().split('\n')).toHaveLength(1);
  });
});

describe('innerchord generate --chords', () => {
  it('plays the progression played in a MIDI file', async () => {
    const { Midi } = await import('../music/midi/toneMidi.ts');
    const c = capture();
    const played = new Midi();
    const track = played.addTrack();
    const bar = 4 * played.header.ppq;
    [[50, 53, 57], [55, 59, 62], [48, 52, 55], [45, 48, 52]].forEach((chord, i) => chord.forEach((midi) => track.addNote({ midi, ticks: i * bar, durationTicks: bar - 10, velocity: 0.7 })));
    writeFileSync(c.file('played.mid'), played.toArray());
    writeFileSync(c.file('params.json'), JSON.stringify({ key: 'C', sections: [{ name: 'verse', bars: 4 }, { name: 'chorus', bars: 4 }] }));
    const code = await main(['generate', '--params', 'params.json', '--chords', 'played.mid', '--out', 'song.mid', '--sketch', 'song.json'], c.io);
    expect(c.stderr()).toBe('');
    expect(code).toBe(0);
    expect(JSON.parse(c.stdout()).chords).toEqual(['ii', 'V', 'I', 'vi']);
    const sketch = Sketch.parse(JSON.parse(readFileSync(c.file('song.json'), 'utf8')));
    expect(sketch.chords.map((ch) => ch.symbol)).toEqual(['Dm', 'G', 'C', 'Am', 'Dm', 'G', 'C', 'Am']);
  });
});
