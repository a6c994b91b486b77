/** Request body limits (docs/API.md): 1 MiB for JSON, 20 MiB for an imported zip. */
import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { errorBody } from './errors.ts';

export const JSON_LIMIT = 1024 * 1024;
export const IMPORT_LIMIT = 20 * 1024 * 1024;

const limit = (maxSize: number): MiddlewareHandler =>
  bodyLimit({
    maxSize,
    // The rest of the body is not read, so the socket cannot carry another request: say so
    // (Connection: close) rather than leave a keep-alive client to find it closed under it.
    onError: (c) => c.json(errorBody('PAYLOAD_TOO_LARGE', `The request body is larger than ${maxSize / 1024 / 1024} MiB.`), 413, { Connection: 'close' }),
  });

const jsonLimit = limit(JSON_LIMIT);
const importLimit = limit(IMPORT_LIMIT);

/** 1 MiB everywhere under /api, 20 MiB for POST /api/import. */
export const bodyLimits: MiddlewareHandler = (c, next) => (c.req.path === '/api/import' ? importLimit(c, next) : jsonLimit(c, next));
