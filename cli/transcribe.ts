/**
 * `innerchord transcribe <audio.wav> [--tempo N] [--key K] [--grid 1/16] [--strictness 0..1] --out tune.mid`
 * — a sung, hummed, whistled or played line → a one-track MIDI file on the grid; prints a JSON summary.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { AudioFileError, decodeWav, KeyNameError, transcribeAudio, transcriptionToMidi, Grid } from '../music/transcribe/index.ts';
import type { z } from 'zod';
import { CliError, parseArgs, type CliIO } from './io.ts';
import { readUserFile } from './readInput.ts';

const USAGE = 'usage: innerchord transcribe <audio.wav> [--tempo N] [--key K] [--grid 1/4|1/8|1/16] [--strictness 0..1] --out <tune.mid>';

function number(flags: Record<string, string | true>, name: string, low: number, high: number, whole: boolean): number | undefined {
  const value = flags[name];
  if (value === undefined) return undefined;
  const n = typeof value === 'string' && /^\d+(\.\d+)?$/.test(value.trim()) ? Number(value) : NaN;
  if (!Number.isFinite(n) || n < low || n > high || (whole && !Number.isInteger(n))) {
    throw new CliError(`--${name} must be ${whole ? 'a whole number' : 'a number'} from ${low} to ${high}, got "${String(value)}"`, 2);
  }
  return n;
}

export async function run(args: string[], io: CliIO): Promise<void> {
  const { flags, positionals } = parseArgs(args);
  const known = new Set(['tempo', 'key', 'grid', 'strictness', 'out']);
  const unknown = Object.keys(flags).find((f) => !known.has(f));
  if (unknown) throw new CliError(`unknown option --${unknown} (${USAGE})`, 2);
  if (positionals.length !== 1) throw new CliError(positionals.length ? `one audio file, please, got ${positionals.length} (${USAGE})` : `which audio file? (${USAGE})`, 2);
  const out = flags.out;
  if (typeof out !== 'string') throw new CliError(`--out is required (${USAGE})`, 2);
  const tempo = number(flags, 'tempo', 30, 300, true);
  const strictness = number(flags, 'strictness', 0, 1, false);
  const grid = flags.grid;
  if (grid !== undefined && !Grid.safeParse(grid).success) throw new CliError(`--grid must be 1/4, 1/8 or 1/16, got "${String(grid)}"`, 2);
  const key = flags.key;
  if (key === true) throw new CliError('--key needs a value', 2);

  const file = positionals[0]!;
  const bytes = readUserFile(file, io);
  let result;
  try {
    result = transcribeAudio(decodeWav(bytes), { tempo, key, grid: grid as z.infer<typeof Grid> | undefined, strictness });
  } catch (error) {
    if (error instanceof AudioFileError) throw new CliError(`${file}: ${error.message}`);
    if (error instanceof KeyNameError) throw new CliError(error.message, 2);
    throw error;
  }
  const midi = transcriptionToMidi(result);
  try {
    writeFileSync(path.resolve(io.cwd, out), midi);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new CliError(`cannot write ${out}: ${code === 'ENOENT' ? 'its folder does not exist' : code === 'EISDIR' ? 'it is a directory' : (error as Error).message}`);
  }
  const { tempo: t, tempoFrom, key: k, mode, keyFrom, seconds, notes } = result;
  io.stdout(JSON.stringify({ out, notes: notes.length, tempo: t, tempoFrom, key: k, mode, keyFrom, seconds }) + '\n');
}
