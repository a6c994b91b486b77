/**
 * `innerchord render (--params <file> [--seed N] | --sketch <file.json>) --out <file.wav>` — render
 * the sketch offline with synthesised voices (node-web-audio-api's OfflineAudioContext, 44.1 kHz
 * stereo) and write a 16-bit WAV; prints { out, seconds, bytes, renderMs }.
 */
import { renderSketch } from '../music/render/schedule.ts';
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
  const buffer = await renderSketch(sketch, (channels, length, sampleRate) => new OfflineAudioContext(channels, length, sampleRate), SAMPLE_RATE);
  const renderMs = Math.round(performance.now() - started);
  const bytes = encodeWav(buffer);
  writeOutput(out, bytes, io);
  io.stdout(JSON.stringify({ out, seconds: Math.round((buffer.length / buffer.sampleRate) * 1000) / 1000, bytes: bytes.length, renderMs }) + '\n');
}
