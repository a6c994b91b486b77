/**
 * innerchord interpret [--offline] "<text>" → SongParameters JSON on stdout.
 * With an LLM configured (and no --offline) the model answers, with the offline interpreter as the
 * floor; otherwise the offline interpreter answers directly.
 */
import type { SongParameters } from '../music/params.ts';
import { loadConfig, type Config } from '../server/config.ts';
import { interpretOffline } from '../server/interpret/index.ts';
import { CliError, parseArgs, type CliIO } from './io.ts';

type LlmFacade = typeof import('../server/llm/interpret.ts');

/** The LLM config when one is configured and --offline was not given; a bad environment is a CliError. */
export function llmConfig(offline: boolean, io: CliIO): Config | null {
  if (offline) return null;
  let config: Config;
  try {
    config = loadConfig(io.env);
  } catch (error) {
    throw new CliError((error as Error).message);
  }
  return config.llm.mode === 'llm' ? config : null;
}

/** Load the LLM facade, or null (with a note on stderr) if it is not available in this build. */
export async function loadLlmFacade(command: string, io: CliIO): Promise<LlmFacade | null> {
  try {
    return await import('../server/llm/interpret.ts');
  } catch (error) {
    io.stderr(`innerchord ${command}: the LLM path is not available (${(error as Error).message.split('\n')[0]}); answering offline\n`);
    return null;
  }
}

/** Say on stderr when the model did not answer and the offline path did. */
export function noteFallback(command: string, fallback: string | null, io: CliIO): void {
  if (fallback) io.stderr(`innerchord ${command}: ${fallback}\n`);
}

/** The `interpret` command: words → SongParameters JSON. */
export async function run(args: string[], io: CliIO): Promise<void> {
  const { flags, positionals } = parseArgs(args, ['offline']);
  const text = positionals.join(' ').trim();
  if (!text) throw new CliError('nothing to interpret: give the words in quotes, e.g. innerchord interpret "slow and tender, in D minor"', 2);
  let params: SongParameters | null = null;
  const config = llmConfig(flags.offline === true, io);
  const facade = config ? await loadLlmFacade('interpret', io) : null;
  if (config && facade) {
    const answer = await facade.interpretWithLlm(config, text);
    noteFallback('interpret', answer.fallback, io);
    params = answer.params;
  }
  params ??= interpretOffline(text).params;
  io.stdout(JSON.stringify(params, null, 2) + '\n');
}
