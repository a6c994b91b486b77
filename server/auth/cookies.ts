/** The session and CSRF cookies: HttpOnly + SameSite=Lax for the session, Strict for the CSRF echo. */
import type { Context } from 'hono';
import { deleteCookie, setCookie } from 'hono/cookie';
import { CSRF_COOKIE, SESSION_COOKIE } from './sessions.ts';

// Secure whenever the page is served over HTTPS (directly or behind a proxy that says so).
const secure = (c: Context) => new URL(c.req.url).protocol === 'https:' || c.req.header('x-forwarded-proto') === 'https';

/** Set both cookies after a login or sign-up. */
export function setSessionCookies(c: Context, token: string, csrfToken: string, expiresAt: Date): void {
  const base = { path: '/', secure: secure(c), expires: expiresAt };
  setCookie(c, SESSION_COOKIE, token, { ...base, httpOnly: true, sameSite: 'Lax' });
  setCookie(c, CSRF_COOKIE, csrfToken, { ...base, httpOnly: false, sameSite: 'Strict' });
}

/** Clear both cookies (logout, account deleted). */
export function clearSessionCookies(c: Context): void {
  deleteCookie(c, SESSION_COOKIE, { path: '/' });
  deleteCookie(c, CSRF_COOKIE, { path: '/' });
}
