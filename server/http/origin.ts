/**
 * Personal mode is bound to its own origin. The server listens on this computer and trusts whoever
 * reaches it, so two things a web page could otherwise do are refused here:
 *  - DNS rebinding: a page on attacker.example re-points its name at 127.0.0.1 and reads the
 *    journal as "same origin". The browser still sends `Host: attacker.example`, so any Host not on
 *    the allow-list gets 421 Misdirected Request.
 *  - Cross-site writes: a page elsewhere posts a form or a fetch to localhost. Browsers mark those
 *    with `Sec-Fetch-Site` and `Origin`; a state-changing request from another origin gets 403.
 * Tools that send neither header (curl, scripts on this computer) are not browsers and are let
 * through. Group mode has sessions and CSRF tokens instead (server/auth/middleware.ts); there the
 * Host allow-list applies only when INNERCHORD_ALLOWED_HOSTS is set.
 */
import type { Context, MiddlewareHandler } from 'hono';
import type { Config } from '../config.ts';
import { ServiceError } from '../errors.ts';

/** Names this computer always answers to. */
export const LOOPBACK_HOSTS = ['localhost', '127.0.0.1', '[::1]'] as const;

/** Addresses that mean "every interface", not a name a browser would send. */
const WILDCARD = new Set(['0.0.0.0', '[::]', '']);

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** `example.org:8787` → `example.org`; `[::1]:80` and `::1` → `[::1]`; lower-cased. */
export function hostName(host: string): string {
  const h = host.trim().toLowerCase();
  if (h.startsWith('[')) return h.slice(0, h.indexOf(']') + 1);
  const colons = h.split(':').length - 1;
  if (colons > 1) return `[${h}]`; // a bare IPv6 address has no port to strip
  return colons === 1 ? h.slice(0, h.indexOf(':')) : h;
}

/** The host names a server accepts: loopback, HOST when it names one, and INNERCHORD_ALLOWED_HOSTS. */
export function allowedHosts(config: Pick<Config, 'host' | 'allowedHosts'>): Set<string> {
  const names = new Set<string>(LOOPBACK_HOSTS);
  const own = hostName(config.host);
  if (!WILDCARD.has(own)) names.add(own);
  for (const h of config.allowedHosts ?? []) names.add(hostName(h));
  return names;
}

/** The Host the request was addressed to (the URL's host when there is no header: app.request in tests). */
function requestHost(c: Context): string {
  return c.req.header('host') ?? new URL(c.req.url).host;
}

/** True when a browser tells us the request came from a page of another origin. */
export function crossSite(c: Context): boolean {
  const site = c.req.header('sec-fetch-site');
  if (site && site !== 'same-origin' && site !== 'none') return true;
  const origin = c.req.header('origin');
  if (!origin) return false;
  try {
    return new URL(origin).host.toLowerCase() !== requestHost(c).toLowerCase();
  } catch {
    // "null" (sandboxed frames, file: pages) and garbage are not our page.
    return true;
  }
}

/** 421 for a Host outside the allow-list; 403 for a cross-site write (personal mode). */
export function originGuard(config: Pick<Config, 'host' | 'allowedHosts' | 'deployment'>): MiddlewareHandler {
  const personal = (config.deployment ?? 'personal') === 'personal';
  const checkHost = personal || (config.allowedHosts?.length ?? 0) > 0;
  const hosts = allowedHosts(config);
  return async (c, next) => {
    if (checkHost && !hosts.has(hostName(requestHost(c)))) {
      throw new ServiceError('MISDIRECTED_REQUEST', 'This server does not answer to that host name. Open it at http://localhost, or add the name to INNERCHORD_ALLOWED_HOSTS.');
    }
    if (personal && !SAFE_METHODS.has(c.req.method) && crossSite(c)) {
      throw new ServiceError('FORBIDDEN', 'Cross-site request refused: only Innerchord\'s own page may change the journal.');
    }
    await next();
  };
}
