/** `innerchord analyze <file.mid>` — prints what the file holds (key, mode, tempo, meter, length, tracks) as JSON. */
import { analyzeMidi, MidiFileError } from '../music/analyze/analyze.ts';
import { CliError, parseArgs, type CliIO } from './io.ts';
import { readUserFile } from './readInput.ts';

/** Analyse one MIDI file and print the MidiAnalysis JSON on stdout. */
export async function run(args: string[], io: CliIO): Promise<void> {
  const { positionals } = parseArgs(args);
  const [file, ...extra] = positionals;
  if (!file || extra.length > 0) throw new CliError('usage: innerchord analyze <file.mid>', 2);
  const bytes = readUserFile(file, io);
  try {
    io.stdout(JSON.stringify(analyzeMidi(bytes), null, 2) + '\n');
  } catch (error) {
    if (error instanceof MidiFileError) throw new CliError(`${file}: ${error.message}`);
    throw error;
  }
}
