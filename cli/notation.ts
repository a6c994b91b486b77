/**
 * `innerchord notation (--params <file> [--lyrics words.txt] [--seed N] | --sketch <file.json>) --format musicxml|chordpro|text
 *  --out <file> [--title "…"]` — a lead sheet (MusicXML), a ChordPro chart or a plain-text lead sheet,
 *  with the words under (or, in ChordPro and text, chords above) the sung notes when the song has any.
 * Also home of what the export commands share: reading the sketch to export and writing the file.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { describeIssues, safeParseParams } from '../music/params.ts';
import { generateSketch } from '../music/generate.ts';
import { Sketch } from '../music/sketch.ts';
import { sketchToChordPro } from '../music/notation/chordpro.ts';
import { sketchToMusicXml } from '../music/notation/musicxml.ts';
import { sketchToLeadSheet } from '../music/notation/leadSheet.ts';
import { parseSeed } from './generate.ts';
import { CliError, parseArgs, type CliIO } from './io.ts';
import { readJsonFile } from './readInput.ts';
import { withLyrics } from './lyrics.ts';

const USAGE = 'usage: innerchord notation (--params <file> [--lyrics words.txt] [--seed N] | --sketch <file.json>) --format musicxml|chordpro|text --out <file> [--title "…"]';

export const NotationFormat = z.enum(['musicxml', 'chordpro', 'text']);
export type NotationFormat = z.infer<typeof NotationFormat>;

const WRITERS: Record<NotationFormat, (sketch: Sketch, options: { title?: string }) => string> = {
  musicxml: sketchToMusicXml,
  chordpro: sketchToChordPro,
  // The chord chart, with each sung line under its chords where the song has words.
  text: sketchToLeadSheet,
};

/** File extensions that say the format when --format is left out. */
const BY_EXTENSION: Record<string, NotationFormat> = { '.musicxml': 'musicxml', '.xml': 'musicxml', '.cho': 'chordpro', '.chordpro': 'chordpro', '.crd': 'chordpro', '.txt': 'text' };

/** Reject positionals and unknown flags, naming the command's usage. */
export function checkFlags(parsed: ReturnType<typeof parseArgs>, known: string[], usage: string): void {
  if (parsed.positionals.length > 0) throw new CliError(`unexpected argument "${parsed.positionals[0]}" (${usage})`, 2);
  const unknown = Object.keys(parsed.flags).find((f) => !known.includes(f));
  if (unknown) throw new CliError(`unknown option --${unknown} (${usage})`, 2);
}

/** The sketch to export: generated from --params (+ --seed), or read from a saved --sketch file. */
export function loadSketch(flags: Record<string, string | true>, io: CliIO, usage: string): Sketch {
  const { params, sketch: sketchFile } = flags;
  if (typeof params === 'string' && typeof sketchFile === 'string') throw new CliError(`give --params or --sketch, not both (${usage})`, 2);
  if (typeof sketchFile === 'string') {
    if (flags.seed !== undefined) throw new CliError('--seed goes with --params; a sketch file already has its seed', 2);
    if (flags.lyrics !== undefined) throw new CliError('--lyrics goes with --params; a sketch file already has its words', 2);
    const parsed = Sketch.safeParse(readJsonFile(sketchFile, io));
    if (!parsed.success) throw new CliError(`${sketchFile} is not an Innerchord sketch: ${describeIssues(parsed.error)}`);
    return parsed.data;
  }
  if (typeof params !== 'string') throw new CliError(`--params or --sketch is required (${usage})`, 2);
  const parsed = safeParseParams(readJsonFile(params, io));
  if (!parsed.success) throw new CliError(`${params} has invalid parameters: ${describeIssues(parsed.error)}`);
  const seed = parseSeed(flags.seed);
  return generateSketch(typeof flags.lyrics === 'string' ? withLyrics(parsed.data, flags.lyrics, io) : parsed.data, seed);
}

/** Write `data` to `file` (relative to the CLI's cwd), or a CliError saying why not. */
export function writeOutput(file: string, data: Uint8Array | string, io: CliIO): void {
  try {
    writeFileSync(path.resolve(io.cwd, file), data);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'its folder does not exist' : code === 'EISDIR' ? 'it is a directory' : code === 'EACCES' ? 'permission denied' : (error as Error).message;
    throw new CliError(`cannot write ${file}: ${why}`);
  }
}

function formatOf(flag: string | true | undefined, out: string): NotationFormat {
  if (flag === undefined) {
    const guessed = BY_EXTENSION[path.extname(out).toLowerCase()];
    if (!guessed) throw new CliError(`--format is required when ${out} does not end in .musicxml, .cho or .txt (${USAGE})`, 2);
    return guessed;
  }
  const parsed = NotationFormat.safeParse(flag);
  if (!parsed.success) throw new CliError(`--format must be musicxml, chordpro or text, got "${String(flag)}"`, 2);
  return parsed.data;
}

/** Write a sketch's lead sheet or chord chart. */
export async function run(args: string[], io: CliIO): Promise<void> {
  const parsed = parseArgs(args);
  checkFlags(parsed, ['params', 'seed', 'sketch', 'format', 'out', 'title', 'lyrics'], USAGE);
  const { flags } = parsed;
  if (typeof flags.out !== 'string') throw new CliError(`--out is required (${USAGE})`, 2);
  const out = flags.out;
  const format = formatOf(flags.format, out);
  const sketch = loadSketch(flags, io, USAGE);
  const text = WRITERS[format](sketch, typeof flags.title === 'string' ? { title: flags.title } : {});
  const bytes = new TextEncoder().encode(text);
  writeOutput(out, bytes, io);
  io.stdout(JSON.stringify({ out, format, bytes: bytes.length, bars: sketch.bars, seed: sketch.seed }) + '\n');
}
