/**
 * `--lyrics words.txt` for `generate` and `notation`: read the lyric sheet, put its words into the
 * parameters (sections matched by name, gained, grown) and say on stderr what changed — so the
 * musician knows why the song is longer than the parameters said.
 */
import type { SongParameters } from '../music/params.ts';
import { applyLyricSheet, parseLyricSheet, LyricSheetError } from '../music/lyrics/index.ts';
import { singable } from '../music/melody/voice.ts';
import { CliError, type CliIO } from './io.ts';
import { readUserFile } from './readInput.ts';

/** The parameters with the words of `file` in them; one CliError line for a sheet that cannot be used. */
export function withLyrics(params: SongParameters, file: string, io: CliIO): SongParameters {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(readUserFile(file, io));
  } catch (error) {
    if (error instanceof CliError) throw error;
    throw new CliError(`${file} is not UTF-8 text: save the lyric sheet as UTF-8`);
  }
  try {
    const { params: out, notes } = applyLyricSheet(params, parseLyricSheet(text));
    // What the engine then does for the voice (a key moved to fit the singer) is said too.
    const sung = singable(out).notes.filter((n) => !/ grew from /.test(n));
    for (const note of [...notes, ...sung]) io.stderr(`${file}: ${note}\n`);
    return out;
  } catch (error) {
    if (error instanceof LyricSheetError) throw new CliError(`${file}: ${error.message}`);
    throw error;
  }
}
