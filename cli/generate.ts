/**
 * `innerchord generate --params <file> [--lyrics words.txt] [--melody tune.mid] [--chords played.mid] [--seed N] --out <file.mid> [--sketch <file.json>]` —
 * SongParameters JSON + seed → a MIDI file (and optionally the Sketch JSON); prints a JSON summary.
 * With --lyrics the melody sings the words (MIDI lyric events carry them); stderr says what grew.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describeIssues, safeParseParams } from '../music/params.ts';
import { generateSketch } from '../music/generate.ts';
import { sketchToMidi } from '../music/midi/export.ts';
import { CliError, parseArgs, type CliIO } from './io.ts';
import { readJsonFile, readUserFile } from './readInput.ts';
import { withLyrics } from './lyrics.ts';
import { generateAroundMelody, playedProgression, readMelodyMidi, readPlayedMidi, withPlayedChords, type AroundMelody } from '../music/harmonize/index.ts';
import { MidiFileError } from '../music/analyze/analyze.ts';
import type { SongParameters } from '../music/params.ts';

const USAGE = 'usage: innerchord generate --params <file> [--lyrics words.txt] [--melody <tune.mid>] [--chords <played.mid>] [--seed N] --out <file.mid> [--sketch <file.json>]';

/** "7" → 7; anything but a whole number is a usage error (seeds must reproduce exactly). */
export function parseSeed(value: string | true | undefined): number {
  if (value === undefined) return 1;
  const seed = typeof value === 'string' && /^-?\d+$/.test(value.trim()) ? Number(value) : NaN;
  if (!Number.isSafeInteger(seed)) throw new CliError(`--seed must be an integer, got "${String(value)}"`, 2);
  return seed;
}

function requireFlag(flags: Record<string, string | true>, name: string): string {
  const value = flags[name];
  if (typeof value !== 'string') throw new CliError(`--${name} is required (${USAGE})`, 2);
  return value;
}

function write(file: string, data: Uint8Array | string, io: CliIO): void {
  try {
    writeFileSync(path.resolve(io.cwd, file), data);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'its folder does not exist' : code === 'EISDIR' ? 'it is a directory' : code === 'EACCES' ? 'permission denied' : (error as Error).message;
    throw new CliError(`cannot write ${file}: ${why}`);
  }
}

/** Generate a sketch from a params file and write it as MIDI. */
export async function run(args: string[], io: CliIO): Promise<void> {
  const { flags, positionals } = parseArgs(args);
  if (positionals.length > 0) throw new CliError(`unexpected argument "${positionals[0]}" (${USAGE})`, 2);
  const known = new Set(['params', 'seed', 'out', 'sketch', 'lyrics', 'melody', 'chords']);
  const unknown = Object.keys(flags).find((f) => !known.has(f));
  if (unknown) throw new CliError(`unknown option --${unknown} (${USAGE})`, 2);
  const paramsFile = requireFlag(flags, 'params');
  const out = requireFlag(flags, 'out');
  const seed = parseSeed(flags.seed);

  const parsed = safeParseParams(readJsonFile(paramsFile, io));
  if (!parsed.success) throw new CliError(`${paramsFile} has invalid parameters: ${describeIssues(parsed.error)}`);
  const sung = typeof flags.lyrics === 'string' ? withLyrics(parsed.data, flags.lyrics, io) : parsed.data;
  const chordsFile = flags.chords;
  const progression = typeof chordsFile === 'string' ? playedChords(sung, chordsFile, io) : null;
  const params = progression ? withPlayedChords(sung, progression) : sung;
  const melodyFile = flags.melody;
  const around = typeof melodyFile === 'string' ? aroundMelody(params, melodyFile, seed, io) : null;
  const sketch = around ? around.sketch : generateSketch(params, seed);
  const bytes = sketchToMidi(sketch);
  write(out, bytes, io);
  const sketchFile = flags.sketch;
  if (typeof sketchFile === 'string') write(sketchFile, JSON.stringify(sketch, null, 2) + '\n', io);

  const summary = {
    out,
    bytes: bytes.length,
    bars: sketch.bars,
    tracks: sketch.tracks.length,
    seed,
    ...(typeof sketchFile === 'string' ? { sketch: sketchFile } : {}),
    ...(around ? { melody: melodySummary(around) } : {}),
    ...(progression ? { chords: progression } : {}),
  };
  io.stdout(JSON.stringify(summary) + '\n');
}

/** The song built around the notes of a MIDI file; an unreadable file is the musician's to fix. */
function aroundMelody(params: SongParameters, file: string, seed: number, io: CliIO): AroundMelody {
  try {
    return generateAroundMelody(params, readMelodyMidi(readUserFile(file, io)), seed);
  } catch (error) {
    if (error instanceof MidiFileError) throw new CliError(`${file}: ${error.message}`);
    throw error;
  }
}

/** The progression played in a MIDI file, as numerals of the song's key. */
function playedChords(params: SongParameters, file: string, io: CliIO): string[] {
  try {
    return playedProgression(readPlayedMidi(readUserFile(file, io)), params);
  } catch (error) {
    if (error instanceof MidiFileError) throw new CliError(`${file}: ${error.message}`);
    throw error;
  }
}

/** What the musician wants to know about their melody's song: kept, how it fits, what changed around it. */
function melodySummary(around: AroundMelody) {
  const { fit } = around;
  return {
    notes: around.sketch.tracks.find((t) => t.id === 'melody')?.notes.length ?? 0,
    key: `${around.params.key} ${around.params.mode}`,
    keyFrom: around.keyFrom,
    barsAdded: around.barsAdded,
    strongBeatChordTones: fit.notes ? Math.round((fit.chordTones / fit.notes) * 1000) / 1000 : 1,
  };
}
