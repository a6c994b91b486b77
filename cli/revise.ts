/**
 * innerchord revise [--offline] --params <file> "<request>" → revised SongParameters JSON on stdout.
 * What was understood goes to stderr; an unrecognised request is an error, so scripts notice.
 */
import { SongParameters, describeIssues } from '../music/params.ts';
import { reviseOffline } from '../server/interpret/index.ts';
import { llmConfig, loadLlmFacade, noteFallback } from './interpret.ts';
import { CliError, parseArgs, type CliIO } from './io.ts';
import { readJsonFile } from './readInput.ts';

/** The `revise` command: a params file and a request → revised SongParameters JSON. */
export async function run(args: string[], io: CliIO): Promise<void> {
  const { flags, positionals } = parseArgs(args, ['offline']);
  const request = positionals.join(' ').trim();
  if (typeof flags.params !== 'string') throw new CliError('--params <file> is required: the SongParameters JSON to revise', 2);
  if (!request) throw new CliError('nothing to revise: give the request in quotes, e.g. innerchord revise --params song.json "slower"', 2);
  const parsed = SongParameters.safeParse(readJsonFile(flags.params, io));
  if (!parsed.success) throw new CliError(`${flags.params} is not valid SongParameters: ${describeIssues(parsed.error)}`);

  const config = llmConfig(flags.offline === true, io);
  const facade = config ? await loadLlmFacade('revise', io) : null;
  if (config && facade) {
    const answer = await facade.reviseWithLlm(config, parsed.data, request);
    noteFallback('revise', answer.fallback, io);
    io.stdout(JSON.stringify(answer.params, null, 2) + '\n');
    return;
  }
  const revision = reviseOffline(parsed.data, request);
  if (revision.unrecognised) {
    throw new CliError(`did not understand "${request}" — try e.g. "slower", "darker", "in E minor", "add a bridge", "no drums"`);
  }
  for (const line of revision.understood) io.stderr(`understood: ${line}\n`);
  io.stdout(JSON.stringify(revision.params, null, 2) + '\n');
}
