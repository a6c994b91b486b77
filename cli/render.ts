/**
 * `innerchord render (--params <file> [--seed N] | --sketch <file.json>) --out <file.wav>` — render
 * the sketch offline (node-web-audio-api's OfflineAudioContext, 44.1 kHz stereo) and write a 16-bit
 * WAV; prints { out, seconds, bytes, renderMs, piano }. Piano parts play the same sampled grand as
 * the app (`piano: "sampled"`); the other parts, and the piano when its samples cannot be read
 * (`piano: "synth"`), use synthesised voices.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { samplesFor } from '../music/render/piano.ts';
import { pianoRange, scheduleSketch } from '../music/render/schedule.ts';
import { renderSeconds } from '../music/render/timing.ts';
import type { Sketch } from '../music/sketch.ts';
import { samplesDir } from '../server/samples.ts';
import { encodeWav } from '../music/render/wav.ts';
import { CliError, parseArgs, type CliIO } from './io.ts';
import { checkFlags, loadSketch, writeOutput } from './notation.ts';

const USAGE = 'usage: innerchord render (--params <file> [--seed N] | --sketch <file.json>) --out <file.wav>';

/** CD-quality: what every player expects of a WAV. */
export const SAMPLE_RATE = 44_100;

/** Render a sketch to a WAV file. */
export async function run(args: string[], io: CliIO): Promise<void> {
  const parsed = parseArgs(args);
  checkFlags(parsed, ['params', 'seed', 'sketch', 'out'], USAGE);
  const out = parsed.flags.out;
  if (typeof out !== 'string') throw new CliError(`--out is required (${USAGE})`, 2);
  const sketch = loadSketch(parsed.flags, io, USAGE);
  // Loaded here, not at the top: the native audio module is only needed by this command.
  const { OfflineAudioContext } = await import('node-web-audio-api');
  const started = performance.now();
  const context = new OfflineAudioContext(2, Math.ceil(renderSeconds(sketch) * SAMPLE_RATE), SAMPLE_RATE);
  const piano = await loadPiano(sketch, (bytes) => context.decodeAudioData(bytes), io);
  scheduleSketch(sketch, context, { piano });
  const buffer = await context.startRendering();
  const renderMs = Math.round(performance.now() - started);
  const bytes = encodeWav(buffer);
  writeOutput(out, bytes, io);
  const pianoSound = piano.size ? 'sampled' : pianoRange(sketch) ? 'synth' : 'none';
  io.stdout(JSON.stringify({ out, seconds: Math.round((buffer.length / buffer.sampleRate) * 1000) / 1000, bytes: bytes.length, renderMs, piano: pianoSound }) + '\n');
}

/**
 * Read and decode the piano samples the sketch's piano parts need (INNERCHORD_SAMPLES_DIR or the
 * installed package). Samples that cannot be read are not fatal: the render says so on stderr and
 * the piano falls back to its synth voice.
 */
async function loadPiano(sketch: Sketch, decode: (bytes: ArrayBuffer) => Promise<AudioBuffer>, io: CliIO): Promise<Map<number, AudioBuffer>> {
  const piano = new Map<number, AudioBuffer>();
  const range = pianoRange(sketch);
  if (!range) return piano;
  try {
    const dir = io.env['INNERCHORD_SAMPLES_DIR'] ?? samplesDir();
    for (const { midi, file } of samplesFor(range.low, range.high)) {
      const bytes = await readFile(path.join(dir, file));
      piano.set(midi, await decode(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer));
    }
  } catch (error) {
    io.stderr(`innerchord render: piano samples unavailable (${error instanceof Error ? error.message : String(error)}); the piano uses a synth voice\n`);
    piano.clear();
  }
  return piano;
}
