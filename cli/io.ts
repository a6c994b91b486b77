/** What a CLI command may touch, passed in so commands are testable without spawning processes. */
export interface CliIO {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  env: Record<string, string | undefined>;
  cwd: string;
}

/** An error the user can fix: printed as one line, exit code 1 (or 2 for usage errors). */
export class CliError extends Error {
  override readonly name = 'CliError';
  constructor(message: string, readonly exitCode = 1) {
    super(message);
  }
}

/** Split argv into flags (`--seed 7`, `--offline`) and positionals; `booleans` take no value. */
export function parseArgs(args: string[], booleans: string[] = []): { flags: Record<string, string | true>; positionals: string[] } {
  const flags: Record<string, string | true> = {};
  const positionals: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg.startsWith('--')) {
      const name = arg.slice(2);
      if (booleans.includes(name)) flags[name] = true;
      else {
        const value = args[i + 1];
        if (value === undefined || value.startsWith('--')) throw new CliError(`--${name} needs a value`, 2);
        flags[name] = value;
        i++;
      }
    } else positionals.push(arg);
  }
  return { flags, positionals };
}
