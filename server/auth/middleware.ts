/**
 * Group-mode request checks, in order: who is asking (session cookie → context), is a session
 * required (401), is a state-changing request really from our page (CSRF, 403). Personal mode
 * runs none of them: one musician on their own computer, no login.
 */
import { timingSafeEqual } from 'node:crypto';
import type { Context, MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import type { Database } from '../../db/client.ts';
import { ServiceError } from '../errors.ts';
import { CSRF_HEADER, findSession, SESSION_COOKIE } from './sessions.ts';

/** API paths anyone may call without a session in group mode. */
export const PUBLIC_PATHS = new Set(['/api/health', '/api/health/ready', '/api/openapi.json', '/api/privacy', '/api/auth/me', '/api/auth/login', '/api/auth/signup']);

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Load the session named by the cookie (if any) onto the context as `session`. */
export function authenticate(db: Database): MiddlewareHandler {
  return async (c, next) => {
    c.set('session', await findSession(db, getCookie(c, SESSION_COOKIE)));
    await next();
  };
}

/** 401 for every API route outside PUBLIC_PATHS when there is no live session. */
export const requireSession: MiddlewareHandler = async (c, next) => {
  if (!c.get('session') && !PUBLIC_PATHS.has(c.req.path)) throw new ServiceError('UNAUTHORIZED', 'Log in to use Innerchord on this server.');
  await next();
};

function sameOrigin(c: Context): boolean {
  const origin = c.req.header('origin');
  if (origin) {
    try {
      return new URL(origin).host === (c.req.header('host') ?? new URL(c.req.url).host);
    } catch {
      return false;
    }
  }
  // No Origin (older browsers, scripts): browsers that send Sec-Fetch-Site tell us it was cross-site.
  return c.req.header('sec-fetch-site') !== 'cross-site';
}

function tokensMatch(sent: string | undefined, expected: string): boolean {
  if (!sent) return false;
  const a = Buffer.from(sent);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * CSRF protection for POST/PUT/PATCH/DELETE: the request must come from our own origin, and with
 * a session it must echo the session's token in X-CSRF-Token (another site can make the browser
 * send our cookie, but it cannot read the token to send it back).
 */
export const csrf: MiddlewareHandler = async (c, next) => {
  if (!SAFE_METHODS.has(c.req.method)) {
    if (!sameOrigin(c)) throw new ServiceError('FORBIDDEN', 'Cross-site request refused.');
    const session = c.get('session');
    if (session && !tokensMatch(c.req.header(CSRF_HEADER), session.csrfToken)) {
      throw new ServiceError('FORBIDDEN', 'Missing or wrong CSRF token; reload the page and try again.');
    }
  }
  await next();
};
