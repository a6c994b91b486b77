/**
 * innerchord — command-line entry. Each command lives in its own module exporting
 * `run(args: string[], io: CliIO): Promise<void>`. JSON goes to stdout only; errors are one clear
 * line on stderr and a non-zero exit.
 */
import { CliError, type CliIO } from './io.ts';

const COMMANDS: Record<string, { summary: string; load: () => Promise<{ run: (args: string[], io: CliIO) => Promise<void> }> }> = {
  interpret: { summary: 'interpret [--offline] "<text>"             → SongParameters JSON', load: () => import('./interpret.ts') },
  revise: { summary: 'revise [--offline] --params <file> "<request>" → revised SongParameters JSON', load: () => import('./revise.ts') },
  generate: { summary: 'generate --params <file> [--lyrics words.txt] [--melody <tune.mid>] [--chords <played.mid>] [--seed N] --out <file.mid> [--sketch <file.json>]', load: () => import('./generate.ts') },
  analyze: { summary: 'analyze <file.mid>                           → key, mode, tempo, meter, length, tracks', load: () => import('./analyze.ts') },
  notation: { summary: 'notation --params <file> [--lyrics words.txt] [--seed N] --format musicxml|chordpro|text --out <file>', load: () => import('./notation.ts') },
  transcribe: { summary: 'transcribe <audio.wav> [--tempo N] [--key K] [--grid 1/16] [--strictness 0..1] --out <tune.mid>', load: () => import('./transcribe.ts') },
  admin: { summary: 'admin create-facilitator --username <name> | admin invite [--uses N] [--days N]   (group mode)', load: () => import('./admin.ts') },
  render: { summary: 'render --params <file> [--seed N] --out <file.wav>   (or --sketch <file.json>)', load: () => import('./render.ts') },
};

function usage(): string {
  return ['usage: innerchord <command> [options]', '', ...Object.values(COMMANDS).map((c) => `  ${c.summary}`)].join('\n');
}

export async function main(argv: string[], io: CliIO): Promise<number> {
  const [name, ...args] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.stdout(usage() + '\n');
    return name ? 0 : 2;
  }
  const command = COMMANDS[name];
  if (!command) {
    io.stderr(`innerchord: unknown command "${name}" (try: ${Object.keys(COMMANDS).join(', ')})\n`);
    return 2;
  }
  try {
    const mod = await command.load();
    await mod.run(args, io);
    return 0;
  } catch (error) {
    const message = error instanceof CliError || (error instanceof Error && error.name === 'ServiceError')
      ? error.message
      : `unexpected error: ${error instanceof Error ? error.message : String(error)}`;
    io.stderr(`innerchord ${name}: ${message}\n`);
    return error instanceof CliError ? error.exitCode : 1;
  }
}

if (import.meta.url === `file://${process.argv[1]}` || process.argv[1]?.endsWith('cli/main.ts')) {
  const code = await main(process.argv.slice(2), {
    stdout: (s) => process.stdout.write(s),
    stderr: (s) => process.stderr.write(s),
    env: process.env,
    // `npm run cli -- …` runs from the package root; INIT_CWD is where the musician typed it.
    cwd: (process.env.npm_lifecycle_event === 'cli' && process.env.INIT_CWD) || process.cwd(),
  });
  process.exitCode = code;
}
