// Types for scripts/compile.mjs (plain JavaScript so `npm install` and bin/ need no compiler).
export const ROOT: string;
export const OUT: string;
export const SERVER_ENTRY: string;
export const CLI_ENTRY: string;
export type Target = 'server' | 'cli';
export function isFresh(target?: Target): boolean;
export function compile(): Promise<number>;
export function ensureCompiled(target?: Target): Promise<boolean>;
