/**
 * A circuit breaker per model server: when a server answers 429 with `Retry-After` (or OpenAI's
 * `retry-after-ms`), no request goes to it until that time has passed — every call in between
 * fails at once as 'rate limited' and the offline path answers, instead of each turn waiting for
 * another refusal (and spending the provider's patience).
 */

/** Longest pause honoured: a server asking for more is treated as asking for this. */
export const MAX_PAUSE_MS = 15 * 60_000;

const openUntil = new Map<string, number>();

const keyOf = (baseURL: string | undefined, model: string) => `${baseURL ?? 'https://api.openai.com/v1'}|${model}`;

/**
 * How long a 429 asks us to wait, in ms, from its headers; null when it does not say.
 * `retry-after-ms` (OpenAI) wins over `retry-after` (seconds or an HTTP date, RFC 9110 §10.2.3).
 */
export function retryAfterMs(headers: Headers | undefined, now = Date.now()): number | null {
  if (!headers) return null;
  const ms = headers.get('retry-after-ms');
  if (ms && /^\d+(\.\d+)?$/.test(ms.trim())) return Math.min(MAX_PAUSE_MS, Number(ms));
  const after = headers.get('retry-after')?.trim();
  if (!after) return null;
  if (/^\d+$/.test(after)) return Math.min(MAX_PAUSE_MS, Number(after) * 1000);
  const at = Date.parse(after);
  if (Number.isNaN(at)) return null;
  return Math.min(MAX_PAUSE_MS, Math.max(0, at - now));
}

/** Open the breaker for this server after a 429 that named a pause. */
export function pause(baseURL: string | undefined, model: string, ms: number, now = Date.now()): void {
  if (ms <= 0) return;
  const key = keyOf(baseURL, model);
  openUntil.set(key, Math.max(openUntil.get(key) ?? 0, now + ms));
}

/** Milliseconds until this server may be asked again; 0 when the breaker is closed. */
export function pausedFor(baseURL: string | undefined, model: string, now = Date.now()): number {
  const key = keyOf(baseURL, model);
  const until = openUntil.get(key);
  if (until === undefined) return 0;
  if (until <= now) {
    openUntil.delete(key);
    return 0;
  }
  return until - now;
}

/** Close every breaker (tests start from a clean state). */
export function resetBreakers(): void {
  openUntil.clear();
}
