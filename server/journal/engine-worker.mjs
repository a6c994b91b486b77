// Entry of the engine's worker threads when run from TypeScript source (tsx, vitest): a worker
// does not inherit the parent's loader (and Node 20 ignores `--import` in a worker's execArgv),
// so tsx is registered here before the engine's TypeScript is imported. Compiled builds load
// engine-worker.js directly.
import { register } from 'tsx/esm/api';

register();
const engine = await import('./engine-worker.ts');
export const generate = engine.generate;
export const diff = engine.diff;
export const make = engine.make;
export const threadId = engine.threadId;
