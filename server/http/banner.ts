/** The one line the server prints when it is ready. */
import type { Config } from '../config.ts';

/** "Innerchord is running at http://localhost:8787 (journal: PGlite in ./data; guide: offline)". */
export function startupLine(config: Config, port: number): string {
  const journal = config.databaseUrl ? 'PostgreSQL' : `PGlite in ${config.dataDir}`;
  const guide = config.llm.mode === 'offline' ? 'offline' : `LLM at ${config.llm.baseURL ? new URL(config.llm.baseURL).host : 'api.openai.com'}`;
  return `Innerchord is running at http://localhost:${port} (journal: ${journal}; guide: ${guide})`;
}
