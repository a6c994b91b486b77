/** Structured logging: one JSON object per line on stderr, so logs can be grepped and shipped. */
export type Level = 'error' | 'info' | 'debug';
export interface Logger {
  error(msg: string, fields?: Record<string, unknown>): void;
  info(msg: string, fields?: Record<string, unknown>): void;
  debug(msg: string, fields?: Record<string, unknown>): void;
}

const RANK = { silent: 0, error: 1, info: 2, debug: 3 } as const;

export function createLogger(level: keyof typeof RANK = 'info', write: (line: string) => void = (l) => process.stderr.write(l + '\n')): Logger {
  const at = (lvl: Level) => (msg: string, fields: Record<string, unknown> = {}) => {
    if (RANK[lvl] <= RANK[level]) write(JSON.stringify({ time: new Date().toISOString(), level: lvl, msg, ...fields }));
  };
  return { error: at('error'), info: at('info'), debug: at('debug') };
}
