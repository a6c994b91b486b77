/**
 * fetch for the routes the typed client does not cover (accounts, templates): JSON in and out, and
 * the server's one readable sentence as the Error's message when it says no.
 */
export async function fetchJson<T>(url: string, init: RequestInit = {}): Promise<T> {
  const res = await fetch(url, { ...init, headers: { 'content-type': 'application/json', ...init.headers } });
  if (!res.ok) {
    const body = (await res.json().catch(() => null)) as { error?: { message?: string } } | null;
    throw new Error(body?.error?.message ?? `The server answered ${res.status}.`);
  }
  return (res.status === 204 ? undefined : await res.json()) as T;
}
