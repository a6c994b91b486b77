/**
 * CSRF double-submit on the page side: every same-origin POST/PUT/PATCH/DELETE carries the token
 * from the `innerchord_csrf` cookie in `X-CSRF-Token`. Installed once around fetch, so every call
 * (the typed client, the streaming turn, uploads) is covered without each knowing about it.
 */
const COOKIE = 'innerchord_csrf';
const HEADER = 'x-csrf-token';
const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

/** The CSRF token the server set at login, or null (personal mode, logged out). */
export function csrfToken(cookie: string = document.cookie): string | null {
  for (const part of cookie.split(';')) {
    const [name, ...value] = part.trim().split('=');
    if (name === COOKIE) return decodeURIComponent(value.join('='));
  }
  return null;
}

/** Wrap window.fetch once; a no-op the second time. */
export function installCsrf(): void {
  const w = window as Window & { __innerchordCsrf?: true };
  if (w.__innerchordCsrf) return;
  w.__innerchordCsrf = true;
  const original = window.fetch.bind(window);
  window.fetch = (input: RequestInfo | URL, init: RequestInit = {}) => {
    const request = input instanceof Request ? input : null;
    const method = (init.method ?? request?.method ?? 'GET').toUpperCase();
    const url = new URL(request ? request.url : String(input), location.href);
    const token = csrfToken();
    if (SAFE.has(method) || url.origin !== location.origin || !token) return original(input, init);
    const headers = new Headers(init.headers ?? request?.headers);
    headers.set(HEADER, token);
    return original(input, { ...init, headers });
  };
}
