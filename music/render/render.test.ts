import { describe, expect, it } from 'vitest';
import { OfflineAudioContext } from 'node-web-audio-api';
import { readdirSync, readFileSync } from 'node:fs';
import { fixtureSketch } from '../midi/fixture.ts';
import type { Sketch } from '../sketch.ts';
import { renderSketch, scheduleSketch } from './schedule.ts';
import { RELEASE_TAIL, renderSeconds, songSeconds, tickSeconds } from './timing.ts';
import { encodeWav, WAV_HEADER_BYTES } from './wav.ts';

const RATE = 22_050; // half rate keeps these tests quick; the CLI test covers 44.1 kHz
const offline = (channels: number, length: number, sampleRate: number) => new OfflineAudioContext(channels, length, sampleRate);

function rms(data: Float32Array, from = 0, to = data.length): number {
  let sum = 0;
  for (let i = from; i < to; i++) sum += data[i]! * data[i]!;
  return Math.sqrt(sum / Math.max(1, to - from));
}

const short = (over: Parameters<typeof fixtureSketch>[0] = {}): Sketch => fixtureSketch({ tempo: 120, sections: [['verse', 2]], ...over });

describe('render timing', () => {
  it('turns ticks into seconds at the sketch tempo and adds the release tail', () => {
    const sketch = short();
    expect(tickSeconds(sketch, 480)).toBe(0.5);
    expect(songSeconds(sketch)).toBe(4); // two 4/4 bars at 120 bpm
    expect(renderSeconds(sketch)).toBe(4 + RELEASE_TAIL);
  });
});

describe('renderSketch', () => {
  it('renders every part audibly, for the song length plus the tail, within full scale', async () => {
    const sketch = short();
    const buffer = await renderSketch(sketch, offline, RATE);
    expect(buffer.numberOfChannels).toBe(2);
    expect(buffer.length).toBe(Math.ceil(renderSeconds(sketch) * RATE));
    const left = buffer.getChannelData(0);
    expect(rms(left)).toBeGreaterThan(0.02);
    expect(left.every((x) => Math.abs(x) <= 1)).toBe(true);
    // Each bar sounds, and the tail fades towards silence.
    expect(rms(left, 0, 2 * RATE)).toBeGreaterThan(0.02);
    expect(rms(left, 2 * RATE, 4 * RATE)).toBeGreaterThan(0.02);
    expect(rms(left, buffer.length - Math.floor(RATE / 4))).toBeLessThan(rms(left, 0, 4 * RATE) / 10);
  });

  it('gives the same samples for the same sketch', async () => {
    const a = await renderSketch(short(), offline, RATE);
    const b = await renderSketch(short(), offline, RATE);
    expect(Buffer.from(encodeWav(a)).equals(Buffer.from(encodeWav(b)))).toBe(true);
  });

  it('renders drums alone (noise and sweeps) and silence for a sketch with no notes', async () => {
    const drums = short();
    drums.tracks = drums.tracks.filter((t) => t.id === 'drums');
    expect(rms((await renderSketch(drums, offline, RATE)).getChannelData(1))).toBeGreaterThan(0.005);
    const empty = short();
    empty.tracks = empty.tracks.map((t) => ({ ...t, notes: [] }));
    expect(rms((await renderSketch(empty, offline, RATE)).getChannelData(0))).toBe(0);
  });

  it('keeps the live node count flat: scheduling reports events, not nodes', () => {
    const sketch = fixtureSketch({ sections: [['verse', 32]] });
    const context = new OfflineAudioContext(2, Math.ceil(renderSeconds(sketch) * 8000), 8000);
    const result = scheduleSketch(sketch, context);
    expect(result.events).toBe(sketch.tracks.reduce((n, t) => n + t.notes.length, 0));
    expect(result.seconds).toBe(renderSeconds(sketch));
  });
});

describe('encodeWav', () => {
  it('writes a canonical 16-bit PCM header and interleaved, clipped samples', () => {
    const left = new Float32Array([0, 0.5, -0.5, 1, -1, 2]);
    const right = new Float32Array([0.25, -0.25, 0, 0, 0, -2]);
    const bytes = encodeWav({ numberOfChannels: 2, sampleRate: 8000, length: 6, getChannelData: (c) => (c === 0 ? left : right) });
    const view = new DataView(bytes.buffer);
    const ascii = (at: number) => String.fromCharCode(...bytes.subarray(at, at + 4));
    expect([ascii(0), ascii(8), ascii(12), ascii(36)]).toEqual(['RIFF', 'WAVE', 'fmt ', 'data']);
    expect(view.getUint32(4, true)).toBe(bytes.length - 8);
    expect([view.getUint16(20, true), view.getUint16(22, true), view.getUint32(24, true), view.getUint32(28, true), view.getUint16(32, true), view.getUint16(34, true)]).toEqual([1, 2, 8000, 32000, 4, 16]);
    expect(view.getUint32(40, true)).toBe(6 * 2 * 2);
    const samples = Array.from({ length: 12 }, (_, i) => view.getInt16(WAV_HEADER_BYTES + i * 2, true));
    expect(samples).toEqual([0, 8192, 16384, -8192, -16384, 0, 32767, 0, -32768, 0, 32767, -32768]);
  });
});

describe('browser safety', () => {
  it('keeps music/render and music/notation free of Node-only imports (tests aside)', () => {
    const seen: string[] = [];
    for (const folder of ['../render', '../notation']) {
      const dir = new URL(`${folder}/`, import.meta.url);
      for (const file of readdirSync(dir).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts') && f !== 'testing.ts')) {
        const imports = [...readFileSync(new URL(file, dir), 'utf8').matchAll(/^import [^;]*? from '([^']+)'/gm)].map((m) => m[1]!);
        expect(imports.filter((i) => i.startsWith('node:') || i === 'node-web-audio-api' || i === 'fast-xml-parser'), `${folder}/${file}`).toEqual([]);
        seen.push(...imports);
      }
    }
    expect(seen).toContain('tonal'); // the scan really reads the imports
  });
});
