import { describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { main } from './main.ts';
import type { CliIO } from './io.ts';
import { generateSketch } from '../music/generate.ts';
import { parseParams } from '../music/params.ts';
import { RELEASE_TAIL } from '../music/render/timing.ts';
import { averageSpectrum, cosineSimilarity } from '../music/render/spectrum.ts';

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
  }, 90_000);

  it('writes one stem per part that sum to the mix, never clips, and reports every part as sampled from the bank', async () => {
    const c = capture();
    writeFileSync(c.file('params.json'), JSON.stringify({ ...PARAMS, instruments: { melody: 'sitar', chords: 'koto', bass: 'acoustic bass' }, drums: { kit: 'brush' } }));
    expect(await main(['render', '--params', 'params.json', '--seed', '4', '--out', 'mix.wav', '--stems', 'stems'], c.io)).toBe(0);
    expect(c.stderr()).toBe('');
    const summary = JSON.parse(c.stdout());
    expect(summary.parts.map((p: { part: string }) => p.part)).toEqual(['Melody', 'Chords', 'Bass', 'Drums']);
    // The loud chorus brings the orchestration's strings in on the chords (music/arrange/orchestra.ts).
    expect(summary.parts.map((p: { programs: number[] }) => p.programs)).toEqual([[104], [107, 48], [32], [40]]);
    expect(summary.parts.every((p: { source: string; reason?: string }) => p.source === 'sampled' && p.reason === undefined)).toBe(true);
    expect(summary.stems).toEqual(['Melody', 'Chords', 'Bass', 'Drums'].map((p) => path.join('stems', `${p}.wav`)));
    const mix = readWav(readFileSync(c.file('mix.wav'))).samples;
    const stems = summary.stems.map((f: string) => readWav(readFileSync(c.file(f))).samples);
    let worst = 0;
    let peak = 0;
    for (let i = 0; i < mix.length; i++) {
      worst = Math.max(worst, Math.abs(stems.reduce((sum: number, s: Int16Array) => sum + s[i]!, 0) - mix[i]!));
      peak = Math.max(peak, Math.abs(mix[i]!));
    }
    expect(worst).toBeLessThanOrEqual(stems.length); // 16-bit rounding, one step per stem at most
    expect(peak / 32768).toBeLessThanOrEqual(10 ** (-1 / 20) + 1e-4);
    expect(peak / 32768).toBeGreaterThan(0.2);
    for (const stem of stems) expect(stem.reduce((m: number, v: number) => Math.max(m, Math.abs(v)), 0)).toBeGreaterThan(300);
    expect(summary.lufs).toBeGreaterThan(-17);
    expect(summary.lufs).toBeLessThan(-15);
  }, 90_000);

  it('gives the same melody four clearly different timbres as flute, cello, trumpet and saxophone', async () => {
    const spectra = [];
    for (const melody of ['flute', 'cello', 'trumpet', 'saxophone']) {
      const c = capture();
      writeFileSync(c.file('params.json'), JSON.stringify({ ...PARAMS, instruments: { melody, chords: 'piano', bass: 'electric bass' } }));
      expect(await main(['render', '--params', 'params.json', '--seed', '7', '--out', 'mix.wav', '--stems', 's'], c.io)).toBe(0);
      const samples = readWav(readFileSync(c.file('s/Melody.wav'))).samples;
      spectra.push(averageSpectrum(Float32Array.from({ length: samples.length / 2 }, (_, i) => (samples[2 * i]! + samples[2 * i + 1]!) / 65536)));
    }
    for (let a = 0; a < 4; a++) for (let b = a + 1; b < 4; b++) expect(cosineSimilarity(spectra[a]!, spectra[b]!), `${a}–${b}`).toBeLessThanOrEqual(0.9);
  }, 180_000); // four full renders: generous for a busy 2-core machine

  it('falls back to synthesised voices without the bank, saying so on stderr and in each part', async () => {
    const c = capture();
    c.io.env['INNERCHORD_SOUNDBANK'] = path.join(c.io.cwd, 'no-such-bank.sf3');
    writeFileSync(c.file('params.json'), JSON.stringify(PARAMS));
    expect(await main(['render', '--params', 'params.json', '--seed', '3', '--out', 'b.wav'], c.io)).toBe(0);
    expect(c.stderr()).toMatch(/sound bank .*no-such-bank\.sf3 could not be read .*synthesised voice/);
    const summary = JSON.parse(c.stdout());
    expect(summary.parts.length).toBe(4);
    for (const part of summary.parts) expect(part).toMatchObject({ source: 'synth', reason: expect.stringMatching(/could not be read/) });
    const { samples } = readWav(readFileSync(c.file('b.wav')));
    expect(samples.reduce((m, v) => Math.max(m, Math.abs(v)), 0)).toBeGreaterThan(1000);
  }, 90_000);

  it('renders a saved sketch file to the same bytes as its params and seed', async () => {
    const c = capture();
    writeFileSync(c.file('params.json'), JSON.stringify(PARAMS));
    writeFileSync(c.file('song.json'), JSON.stringify(generateSketch(parseParams(PARAMS), 5)));
    expect(await main(['render', '--params', 'params.json', '--seed', '5', '--out', 'a.wav'], c.io)).toBe(0);
    expect(await main(['render', '--sketch', 'song.json', '--out', 'b.wav'], c.io)).toBe(0);
    expect(readFileSync(c.file('a.wav')).equals(readFileSync(c.file('b.wav')))).toBe(true);
  }, 90_000);

  it.each([
    ['a missing --out', ['--params', 'p.json'], 2, /--out is required/],
    ['--stems without a folder', ['--params', 'p.json', '--out', 'x.wav', '--stems'], 2, /--stems needs a/],
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
