/**
 * Loudness and brightness of a rendered WAV, section by section:
 * `npx tsx eval/craft/listen.ts <song.wav> <params.json | sketch.json> [seed]`. Prints each section's RMS level
 * (dBFS) and spectral centroid (Hz, a brightness measure), and how the last seconds decay — the
 * facts behind "the chorus is louder and brighter" and "the song lands" when listening to renders
 * from `innerchord render`. Reads 16-bit PCM WAV as the renderer writes it.
 */
import { readFileSync } from 'node:fs';
import { generateSketch } from '../../music/generate.ts';
import { parseParams } from '../../music/params.ts';
import type { Sketch } from '../../music/sketch.ts';
import { frameSpectrum } from '../../music/render/spectrum.ts';

function readWav(bytes: Buffer): { rate: number; mono: Float32Array } {
  let at = 12;
  let rate = 44100;
  let channels = 2;
  while (at < bytes.length - 8) {
    const id = bytes.toString('ascii', at, at + 4);
    const size = bytes.readUInt32LE(at + 4);
    if (id === 'fmt ') {
      channels = bytes.readUInt16LE(at + 10);
      rate = bytes.readUInt32LE(at + 12);
    } else if (id === 'data') {
      const frames = Math.floor(size / (2 * channels));
      const mono = new Float32Array(frames);
      for (let i = 0; i < frames; i++) {
        let s = 0;
        for (let c = 0; c < channels; c++) s += bytes.readInt16LE(at + 8 + 2 * (i * channels + c));
        mono[i] = s / channels / 32768;
      }
      return { rate, mono };
    }
    at += 8 + size + (size % 2);
  }
  throw new Error('no data chunk: not a PCM WAV');
}

function describe(mono: Float32Array, rate: number, from: number, to: number): { db: number; centroid: number } {
  const [a, b] = [Math.floor(from * rate), Math.min(mono.length, Math.floor(to * rate))];
  let sum = 0;
  for (let i = a; i < b; i++) sum += mono[i]! ** 2;
  const db = 10 * Math.log10(sum / Math.max(1, b - a) + 1e-12);
  let num = 0;
  let den = 0;
  for (let at = a; at + 2048 <= b; at += Math.floor(rate / 4)) {
    const mag = frameSpectrum(mono.subarray(at, at + 2048));
    mag.forEach((m, k) => {
      num += m * ((k * rate) / 2048);
      den += m;
    });
  }
  return { db, centroid: den ? num / den : 0 };
}

const [wav, paramsFile, seed = '1'] = process.argv.slice(2);
if (!wav || !paramsFile) throw new Error('usage: listen.ts <song.wav> <params.json> [seed]');
const { rate, mono } = readWav(readFileSync(wav));
// A sketch JSON (an older engine's, as stored) is read as it is; params are generated with this engine.
const input = JSON.parse(readFileSync(paramsFile, 'utf8')) as Sketch | object;
const sketch = 'tracks' in input ? (input as Sketch) : generateSketch(parseParams(input), Number(seed));
const secondsPerTick = 60 / sketch.tempo / sketch.ppq;
console.log(`${wav}: ${(mono.length / rate).toFixed(1)} s, ${sketch.key} ${sketch.mode}, ${sketch.tempo} bpm`);
for (const s of sketch.sections) {
  const from = s.startTick * secondsPerTick;
  const to = (s.startTick + s.bars * sketch.ticksPerBar) * secondsPerTick;
  const d = describe(mono, rate, from, to);
  console.log(`  ${s.name.padEnd(11)} ${from.toFixed(1).padStart(6)}–${to.toFixed(1).padStart(6)} s  ${d.db.toFixed(1).padStart(6)} dBFS  centroid ${d.centroid.toFixed(0).padStart(5)} Hz`);
}
const end = sketch.totalTicks * secondsPerTick;
const last = describe(mono, rate, end - sketch.ticksPerBar * secondsPerTick, end);
const tail = describe(mono, rate, end, mono.length / rate);
console.log(`  last bar ${last.db.toFixed(1)} dBFS; after the last bar (release tail, ${(mono.length / rate - end).toFixed(1)} s) ${tail.db.toFixed(1)} dBFS`);
