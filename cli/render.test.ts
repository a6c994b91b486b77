import { describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { main } from './main.ts';
import type { CliIO } from './io.ts';
import { generateSketch } from '../music/generate.ts';
import { parseParams } from '../music/params.ts';
import { RELEASE_TAIL } from '../music/render/timing.ts';

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIO = { stdout: (s) => void out.push(s), stderr: (s) => void err.push(s), env: {}, cwd: mkdtempSync(path.join(tmpdir(), 'innerchord-render-')) };
  return { io, stdout: () => out.join(''), stderr: () => err.join(''), file: (name: string) => path.join(io.cwd, name) };
}

/** Read a WAV with nothing but the RIFF layout: format fields and the 16-bit samples. */
function readWav(bytes: Buffer) {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const id = (at: number) => bytes.toString('ascii', at, at + 4);
  expect([id(0), id(8)]).toEqual(['RIFF', 'WAVE']);
  expect(view.getUint32(4, true)).toBe(bytes.length - 8);
  let at = 12;
  let format: { audioFormat: number; channels: number; sampleRate: number; byteRate: number; blockAlign: number; bits: number } | undefined;
  let samples: Int16Array | undefined;
  while (at + 8 <= bytes.length) {
    const size = view.getUint32(at + 4, true);
    if (id(at) === 'fmt ') {
      format = { audioFormat: view.getUint16(at + 8, true), channels: view.getUint16(at + 10, true), sampleRate: view.getUint32(at + 12, true), byteRate: view.getUint32(at + 16, true), blockAlign: view.getUint16(at + 20, true), bits: view.getUint16(at + 22, true) };
    } else if (id(at) === 'data') {
      samples = new Int16Array(bytes.buffer.slice(bytes.byteOffset + at + 8, bytes.byteOffset + at + 8 + size));
    }
    at += 8 + size + (size % 2);
  }
  return { format: format!, samples: samples! };
}

const PARAMS = { key: 'A', mode: 'minor', tempo: 120, sections: [{ name: 'verse', bars: 2 }, { name: 'chorus', bars: 2, energy: 0.9 }] };

describe('innerchord render', () => {
  it('renders a valid, audible 44.1 kHz stereo WAV as long as the song plus its tail', async () => {
    const c = capture();
    writeFileSync(c.file('params.json'), JSON.stringify(PARAMS));
    const code = await main(['render', '--params', 'params.json', '--seed', '3', '--out', 'song.wav'], c.io);
    expect(c.stderr()).toBe('');
    expect(code).toBe(0);
    const bytes = readFileSync(c.file('song.wav'));
    const summary = JSON.parse(c.stdout());
    const sketch = generateSketch(parseParams(PARAMS), 3);
    const songSeconds = (sketch.totalTicks / sketch.ppq) * (60 / sketch.tempo);
    expect(songSeconds).toBe(8);
    expect(summary).toMatchObject({ out: 'song.wav', bytes: bytes.length, seconds: songSeconds + RELEASE_TAIL });
    expect(summary.renderMs).toBeGreaterThan(0);
    const { format, samples } = readWav(bytes);
    expect(format).toEqual({ audioFormat: 1, channels: 2, sampleRate: 44_100, byteRate: 44_100 * 4, blockAlign: 4, bits: 16 });
    expect(samples.length / 2).toBe(Math.ceil((songSeconds + RELEASE_TAIL) * 44_100));
    let sum = 0;
    for (const s of samples) sum += (s / 32768) ** 2;
    expect(Math.sqrt(sum / samples.length)).toBeGreaterThan(0.02);
  });

  it('plays piano parts on the sampled grand, and falls back to a synth voice (saying so) without the samples', async () => {
    const piano = { ...PARAMS, instruments: { melody: 'flute', chords: 'piano', bass: 'electric bass' } };
    const sampled = capture();
    writeFileSync(sampled.file('params.json'), JSON.stringify(piano));
    expect(await main(['render', '--params', 'params.json', '--seed', '3', '--out', 'a.wav'], sampled.io)).toBe(0);
    expect(JSON.parse(sampled.stdout())).toMatchObject({ piano: 'sampled' });
    expect(sampled.stderr()).toBe('');
    const synth = capture();
    synth.io.env['INNERCHORD_SAMPLES_DIR'] = synth.io.cwd; // no samples in there
    writeFileSync(synth.file('params.json'), JSON.stringify(piano));
    expect(await main(['render', '--params', 'params.json', '--seed', '3', '--out', 'b.wav'], synth.io)).toBe(0);
    expect(JSON.parse(synth.stdout())).toMatchObject({ piano: 'synth' });
    expect(synth.stderr()).toMatch(/piano samples unavailable .* synth voice/);
    expect(readFileSync(sampled.file('a.wav')).equals(readFileSync(synth.file('b.wav')))).toBe(false);
  });

  it('renders a saved sketch file to the same bytes as its params and seed', async () => {
    const c = capture();
    writeFileSync(c.file('params.json'), JSON.stringify(PARAMS));
    writeFileSync(c.file('song.json'), JSON.stringify(generateSketch(parseParams(PARAMS), 5)));
    expect(await main(['render', '--params', 'params.json', '--seed', '5', '--out', 'a.wav'], c.io)).toBe(0);
    expect(await main(['render', '--sketch', 'song.json', '--out', 'b.wav'], c.io)).toBe(0);
    expect(readFileSync(c.file('a.wav')).equals(readFileSync(c.file('b.wav')))).toBe(true);
  });

  it.each([
    ['a missing --out', ['--params', 'p.json'], 2, /--out is required/],
    ['an unknown option', ['--params', 'p.json', '--out', 'x.wav', '--rate', '8000'], 2, /unknown option --rate/],
    ['a seed with a sketch file', ['--sketch', 'p.json', '--seed', '2', '--out', 'x.wav'], 2, /--seed goes with --params/],
  ] as const)('fails with one clear line for %s', async (_, args, exitCode, message) => {
    const c = capture();
    writeFileSync(c.file('p.json'), '{}');
    expect(await main(['render', ...args], c.io)).toBe(exitCode);
    expect(c.stderr()).toMatch(message);
    expect(c.stdout()).toBe('');
    expect(existsSync(c.file('x.wav'))).toBe(false);
  });
});
