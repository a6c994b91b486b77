/** One structured log line per request: method, path, status, ms. */
import type { MiddlewareHandler } from 'hono';
import type { Logger } from '../log.ts';

/** Request logging middleware; a no-op when logging is silent. */
export function requestLog(log: Logger, level: string): MiddlewareHandler {
  if (level === 'silent') return (_c, next) => next();
  return async (c, next) => {
    const start = performance.now();
    await next();
    const ms = Math.round((performance.now() - start) * 10) / 10;
    log.info('request', { method: c.req.method, path: c.req.path, status: c.res.status, ms });
  };
}
