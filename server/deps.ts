/** What every route and service receives: passed in, never imported as module state, so tests
 *  can build an app over any database and any LLM endpoint. */
import type { Database } from '../db/client.ts';
import type { Config } from './config.ts';
import type { Logger } from './log.ts';

export interface AppDeps {
  db: Database;
  config: Config;
  log: Logger;
}
