// Types for scripts/stamp.mjs (plain JavaScript so `npm start` needs no compiler), for the web
// build plugin and the tests.
/** `[path relative to the repository, size (-1: absent, 0: a folder), mtime ms]`. */
export type StampRow = [string, number, number];
export const ROOT: string;
export function rowOf(file: string): StampRow;
export function stampOf(files: string[]): StampRow[];
export function stampHolds(rows: unknown): boolean;
export function walk(dir: string, skip?: (path: string, entry: import('node:fs').Dirent) => boolean, options?: { dirs?: boolean }): string[];
export function webSnapshot(): StampRow[];
export function webStamp(snapshot: StampRow[], moduleIds: Iterable<string>): StampRow[];
export function writeWebStamp(outDir: string, stamp: StampRow[]): void;
export function readWebStamp(dist?: string): StampRow[] | null;
export function webIsFresh(dist?: string): boolean;
