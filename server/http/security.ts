/**
 * Secure response headers (a strict Content-Security-Policy that still lets Tone.js run its
 * AudioWorklets and clock worker from blob: URLs and fetch the local piano samples) and a rate limit
 * on the LLM-backed conversation routes.
 *
 * The rate-limit counters live in this process's memory: one token bucket per client (the
 * logged-in user in group mode, else the socket's address). Several instances behind a balancer
 * therefore each allow the full rate; that is documented in docs/HARDENING.md and is acceptable
 * because the limit protects the LLM bill and the CPU of each instance, not a global quota.
 */
import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context, MiddlewareHandler } from 'hono';
import { secureHeaders } from 'hono/secure-headers';
import type { Config } from '../config.ts';
import { errorBody } from './errors.ts';

/** The CSP the page runs under; exported so tests can check it directive by directive. */
export const CSP = {
  defaultSrc: ["'self'"],
  // Tone.js loads its AudioWorklet processors and its Ticker worker from blob: URLs it creates.
  // 'wasm-unsafe-eval' lets the soundfont synth compile its Ogg Vorbis decoder (WebAssembly) for
  // the SF3 bank; it allows WebAssembly only, not eval() or inline script.
  scriptSrc: ["'self'", 'blob:', "'wasm-unsafe-eval'"],
  workerSrc: ["'self'", 'blob:'],
  // Svelte writes style attributes at run time (transitions, style: directives).
  styleSrc: ["'self'", "'unsafe-inline'"],
  // The favicon is an inline data: SVG.
  imgSrc: ["'self'", 'data:', 'blob:'],
  // Samples are fetched and decoded by Web Audio; media-src covers an <audio> fallback.
  connectSrc: ["'self'"],
  mediaSrc: ["'self'", 'blob:'],
  fontSrc: ["'self'"],
  objectSrc: ["'none'"],
  baseUri: ["'self'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
} as const;

/** Secure headers for every response: CSP, nosniff, no framing, no referrer, same-origin isolation. */
export const securityHeaders: MiddlewareHandler = secureHeaders({
  contentSecurityPolicy: Object.fromEntries(Object.entries(CSP).map(([k, v]) => [k, [...v]])),
  xFrameOptions: 'DENY',
  referrerPolicy: 'no-referrer',
  // Local-first app: nothing cross-origin is embedded, so opener/resource isolation costs nothing.
  crossOriginOpenerPolicy: true,
  crossOriginResourcePolicy: true,
  // Sent by strictTransport only when the request really came over TLS.
  strictTransportSecurity: false,
  // The microphone for this origin only: "Sing it" records a tune (the browser still asks the musician first).
  permissionsPolicy: { camera: [], microphone: ['self'], geolocation: [], payment: [], usb: [] },
});

/** HSTS for the response to a TLS request (direct, or through a proxy that says X-Forwarded-Proto: https);
 *  over plain HTTP the header means nothing to browsers and only misleads anyone reading it. */
export const strictTransport: MiddlewareHandler = async (c, next) => {
  await next();
  const tls = new URL(c.req.url).protocol === 'https:' || c.req.header('x-forwarded-proto')?.split(',')[0]?.trim() === 'https';
  if (tls) c.header('Strict-Transport-Security', 'max-age=15552000; includeSubDomains');
};

/** Journal responses are private: no browser or proxy cache may keep them (a route may say otherwise). */
export const noStore: MiddlewareHandler = async (c, next) => {
  await next();
  if (!c.res.headers.has('Cache-Control')) c.header('Cache-Control', 'no-store');
};

export interface RateLimit {
  /** Bucket size: how many turns a client may take in a burst. */
  burst: number;
  /** Tokens added back per minute. */
  perMinute: number;
}

/** With a language model every turn costs money: 20 at once, then 20 a minute per client. */
export const LLM_TURN_LIMIT: RateLimit = { burst: 20, perMinute: 20 };

/** The routes that may call the language model: a turn and its retry. */
export const LLM_ROUTE = /^\/api\/songs\/[^/]+\/turns(\/retry)?$/;

/**
 * Who is asking: the logged-in user, else the socket address (X-Forwarded-For is not trusted).
 * Null for a request with no socket at all — `app.request()` from code inside this process — which
 * no network client can make, so it is not limited.
 */
export function clientKey(c: Context): string | null {
  const user = c.get('session')?.user?.id;
  if (user) return `user:${user}`;
  try {
    return `ip:${getConnInfo(c).remote.address ?? 'unknown'}`;
  } catch {
    return null;
  }
}

export interface RateLimitOptions {
  /** Override the rule (default: LLM_TURN_LIMIT when an LLM is configured, none offline). */
  limit?: RateLimit;
  /** Override who a request counts against (tests). */
  key?: (c: Context) => string | null;
  now?: () => number;
}

interface Bucket {
  tokens: number;
  at: number;
}

/**
 * Token-bucket limiter for POST on LLM_ROUTE: 429 RATE_LIMITED with Retry-After when a client's
 * bucket is empty. Offline turns call no model, so the limit only applies when an LLM is configured
 * (pass `limit` to force one).
 */
export function turnRateLimit(config: Pick<Config, 'llm'>, options: RateLimitOptions = {}): MiddlewareHandler {
  const { key: keyOf = clientKey, now = Date.now } = options;
  const rule = options.limit ?? (config.llm.mode === 'llm' ? LLM_TURN_LIMIT : null);
  if (!rule) return (_c, next) => next();
  const buckets = new Map<string, Bucket>();
  const refillPerMs = rule.perMinute / 60_000;
  return async (c, next) => {
    if (c.req.method !== 'POST' || !LLM_ROUTE.test(c.req.path)) return next();
    const key = keyOf(c);
    if (key === null) return next();
    const t = now();
    const old = buckets.get(key);
    const bucket = old ? { tokens: Math.min(rule.burst, old.tokens + (t - old.at) * refillPerMs), at: t } : { tokens: rule.burst, at: t };
    if (bucket.tokens < 1) {
      buckets.set(key, bucket);
      const wait = Math.ceil((1 - bucket.tokens) / refillPerMs / 1000);
      return c.json(errorBody('RATE_LIMITED', `Too many turns at once; wait ${wait} seconds and try again.`), 429, { 'Retry-After': String(wait) });
    }
    bucket.tokens -= 1;
    buckets.set(key, bucket);
    // Full buckets carry no information: forget them so the map stays as small as the active clients.
    if (buckets.size > 10_000) for (const [k, b] of buckets) if (b.tokens + (t - b.at) * refillPerMs >= rule.burst) buckets.delete(k);
    return next();
  };
}
