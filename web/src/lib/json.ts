import { i18n, t } from '../i18n/index.ts';

/**
 * fetch for the routes the typed client does not cover (accounts, templates): JSON in and out, and
 * the server's one readable sentence as the Error's message when it says no.
 */
export async function fetchJson<T>(url: string, init: RequestInit = {}): Promise<T> {
  const res = await fetch(url, { ...init, headers: { 'content-type': 'application/json', 'accept-language': i18n.acceptLanguage(), ...init.headers } });
  if (!res.ok) {
    const body = (await res.json().catch(() => null)) as { error?: { message?: string } } | null;
    throw new Error(body?.error?.message ?? t('errors.status', { status: String(res.status) }));
  }
  return (res.status === 204 ? undefined : await res.json()) as T;
}
