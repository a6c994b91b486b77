/**
 * The one place errors become HTTP: ServiceError → its status, validation failures → 400 naming
 * the field, anything else → 500 with a generic message (the stack goes to the log, never the client).
 */
import type { Context, ErrorHandler, NotFoundHandler } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { ZodError } from 'zod';
import { databaseErrorKind } from '../../db/client.ts';
import { ERROR_STATUS, ServiceError, type ErrorCode } from '../errors.ts';
import type { Logger } from '../log.ts';

export interface ErrorJson {
  error: { code: ErrorCode; message: string; field?: string };
}

/** The error body of docs/API.md. */
export function errorBody(code: ErrorCode, message: string, field?: string): ErrorJson {
  return { error: field ? { code, message, field } : { code, message } };
}

/** A ZodError as one readable sentence and the dotted path of the first bad field. */
export function describeZodError(error: ZodError, where?: string): { message: string; field?: string } {
  const issue = error.issues[0];
  if (!issue) return { message: 'The request is not valid.' };
  const field = issue.path.map(String).join('.') || undefined;
  const place = field ?? where ?? 'request';
  return { message: `${place}: ${issue.message}`, field };
}

/** The first code listed for each status (403 → FORBIDDEN, not QUOTA_EXCEEDED). */
const CODE_BY_STATUS: Record<number, ErrorCode> = {};
for (const [code, status] of Object.entries(ERROR_STATUS)) CODE_BY_STATUS[status] ??= code as ErrorCode;

/** What the client reads when PostgreSQL cannot be reached. */
export const DB_UNAVAILABLE_MESSAGE = 'The journal database cannot be reached right now; try again in a moment.';
/** What the client reads when the database refuses a value (e.g. a NUL character in text). */
export const BAD_DATA_MESSAGE = 'The request contains a value the journal cannot store (for example a NUL character in text).';

/** A database error the client can act on (503 unavailable, 400 bad data) as `{ code, message }`, else null. */
export function databaseError(err: unknown): { code: 'DB_UNAVAILABLE' | 'INVALID_INPUT'; message: string } | null {
  const kind = databaseErrorKind(err);
  if (kind === 'unavailable') return { code: 'DB_UNAVAILABLE', message: DB_UNAVAILABLE_MESSAGE };
  if (kind === 'bad-data') return { code: 'INVALID_INPUT', message: BAD_DATA_MESSAGE };
  return null;
}

/** Build the app's onError handler. */
export function onError(log: Logger): ErrorHandler {
  return (err, c) => {
    if (err instanceof ServiceError) return c.json(errorBody(err.code, err.message, err.field), err.status as ContentfulStatusCode);
    if (err instanceof ZodError) {
      const { message, field } = describeZodError(err);
      return c.json(errorBody('INVALID_INPUT', message, field), 400);
    }
    if (err instanceof HTTPException && err.status < 500) {
      const code = CODE_BY_STATUS[err.status] ?? 'INVALID_INPUT';
      return c.json(errorBody(code, err.message || 'The request could not be handled.'), err.status as ContentfulStatusCode);
    }
    const dbKind = databaseErrorKind(err);
    if (dbKind === 'unavailable') {
      log.error('database unavailable', { method: c.req.method, path: c.req.path, error: err.message });
      return c.json(errorBody('DB_UNAVAILABLE', DB_UNAVAILABLE_MESSAGE), 503);
    }
    if (dbKind === 'bad-data') return c.json(errorBody('INVALID_INPUT', BAD_DATA_MESSAGE), 400);
    log.error('unhandled error', { method: c.req.method, path: c.req.path, error: err.message, stack: err.stack });
    return c.json(errorBody('INTERNAL', 'Something went wrong on the server; the error was logged.'), 500);
  };
}

/** Unknown API routes answer JSON like every other error. */
export const notFound: NotFoundHandler = (c) => c.json(errorBody('NOT_FOUND', `No route ${c.req.method} ${c.req.path}.`), 404);

/** The zod-openapi defaultHook: a failed validation becomes 400 naming the field. */
export function validationHook(
  result: { success: true } | { success: false; error: ZodError; target?: string },
  c: Context,
): Response | undefined {
  if (result.success) return undefined;
  const { message, field } = describeZodError(result.error, result.target);
  return c.json(errorBody('INVALID_INPUT', message, field), 400);
}
