/**
 * Typed service errors. Services throw these; one onError handler maps them to HTTP (server/app.ts),
 * and the CLI maps them to one line on stderr. Routes never catch errors one by one.
 */
export const ERROR_STATUS = {
  INVALID_INPUT: 400,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  MISDIRECTED_REQUEST: 421,
  RATE_LIMITED: 429,
  /** A per-account quota (songs, storage) is used up: 403, with a message naming the quota. */
  QUOTA_EXCEEDED: 403,
  INTERNAL: 500,
  LLM_UNAVAILABLE: 502,
  DB_UNAVAILABLE: 503,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

export class ServiceError extends Error {
  override readonly name = 'ServiceError';
  constructor(
    readonly code: ErrorCode,
    message: string,
    /** The input field at fault, e.g. "sections.0.bars". */
    readonly field?: string,
  ) {
    super(message);
  }

  get status(): (typeof ERROR_STATUS)[ErrorCode] {
    return ERROR_STATUS[this.code];
  }
}

/** Throw NOT_FOUND unless the row exists: `const song = found(row, 'song')`. */
export function found<T>(row: T | undefined | null, what: string): T {
  if (row == null) throw new ServiceError('NOT_FOUND', `No ${what} with that id.`);
  return row;
}
