// Types for scripts/compile.mjs (plain JavaScript so `npm install` and bin/ need no compiler).
export const ROOT: string;
export const OUT: string;
export const SERVER_ENTRY: string;
export const CLI_ENTRY: string;
export type Target = 'server' | 'cli';
export function isFresh(target?: Target, stamps?: unknown): boolean;
/** Node arguments that start `innerchord` from its start-up snapshot, or null (none, stale, or INNERCHORD_SNAPSHOT=0). */
export function cliSnapshotArgs(env?: Record<string, string | undefined>): string[] | null;
export function cliSnapshotStart(env?: Record<string, string | undefined>): { args: string[]; fresh: () => boolean } | null;
export function compile(): Promise<number>;
export function ensureCompiled(target?: Target): Promise<boolean>;
