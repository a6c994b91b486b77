/** Small helpers every journal service shares: ids, clocks, transactions, input parsing, row → JSON. */
import { randomUUID } from 'node:crypto';
import type { SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type { Orm } from '../../db/client.ts';
import type { SongRow } from '../../db/schema.ts';
import { ServiceError } from '../errors.ts';

/** A query runner: the database itself or an open transaction. */
export type Tx = Orm | Parameters<Parameters<Orm['transaction']>[0]>[0];

/** A fresh opaque id. */
export const newId = (): string => randomUUID();

/** "Now" in whole milliseconds: timestamps are always written from JS, never by `now()`, so a
 *  cursor built from a JS Date compares exactly with what is stored (Postgres keeps µs). */
export const now = (): Date => new Date();

/** Parse service input with its schema; a failure is INVALID_INPUT naming the first bad field. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  const field = issue.path.map(String).join('.');
  throw new ServiceError('INVALID_INPUT', field ? `${field}: ${issue.message}` : issue.message, field || undefined);
}

/**
 * Run one raw statement and return its rows, typed by the caller. Both drivers (node-postgres and
 * PGlite) answer `{ rows }` with columns under their SQL names.
 */
export async function queryRows<R extends Record<string, unknown>>(db: Tx, query: SQL): Promise<R[]> {
  const result = (await db.execute(query)) as unknown as { rows: R[] };
  return result.rows;
}

/** True when a database error (possibly wrapped by drizzle) is a unique-constraint violation. */
export function isUniqueViolation(error: unknown): boolean {
  for (let e: unknown = error, depth = 0; e && depth < 4; e = (e as { cause?: unknown }).cause, depth++) {
    if ((e as { code?: unknown }).code === '23505') return true;
  }
  return false;
}

/** Retry `work` when a concurrent writer took the same seq/number first. */
export async function retryOnConflict<T>(work: () => Promise<T>, attempts = 8): Promise<T> {
  for (let i = 1; ; i++) {
    try {
      return await work();
    } catch (error) {
      if (i >= attempts || !isUniqueViolation(error)) throw error;
    }
  }
}

/** The SongSummary fields that come straight from the row. */
export function songFields(row: SongRow) {
  return {
    id: row.id,
    title: row.title,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    archived: row.archivedAt !== null,
  };
}
