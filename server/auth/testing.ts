/**
 * Test helpers for group mode (used by the auth and privacy tests): an app in group mode over a
 * real database, and a tiny browser stand-in that keeps its cookies and echoes the CSRF token.
 */
import { eq, sql } from 'drizzle-orm';
import type { Database } from '../../db/client.ts';
import { users } from '../../db/schema.ts';
import { createApp } from '../app.ts';
import { loadConfig } from '../config.ts';
import { createLogger } from '../log.ts';
import { createInvite } from './invites.ts';
import { createFacilitator } from './users.ts';

/** The database behind each group app, so `browser()` can make the facilitator and invites. */
const databases = new WeakMap<object, Database>();

/** An app with INNERCHORD_MODE=group (offline guide), plus any extra environment. */
export function groupApp(db: Database, env: Record<string, string> = {}) {
  const config = loadConfig({ INNERCHORD_LOG: 'silent', INNERCHORD_OFFLINE: '1', INNERCHORD_MODE: 'group', ...env });
  const app = createApp({ db, config, log: createLogger('silent') });
  databases.set(app, db);
  return app;
}

/**
 * A live invite code for `app`'s server, made the way a facilitator would (by the first
 * facilitator, created first if there is none, as `innerchord admin create-facilitator` does).
 */
export async function inviteFor(app: GroupApp, uses = 30): Promise<string> {
  const db = databases.get(app);
  if (!db) throw new Error('inviteFor needs an app made by groupApp()');
  let [fac] = await db.orm.select({ id: users.id }).from(users).where(eq(users.role, 'facilitator')).limit(1);
  fac ??= await createFacilitator(db, { username: `first-facilitator-${Math.random().toString(36).slice(2, 8)}`, password: 'a long enough password' });
  return (await createInvite(db, fac.id, { uses })).code;
}
export type GroupApp = ReturnType<typeof groupApp>;

/** Empty the account tables (songs of accounts cascade with them). */
export async function truncateAccounts(db: Database): Promise<void> {
  await db.orm.execute(sql.raw('TRUNCATE users, sessions, login_attempts, song_shares, songs, invites CASCADE'));
}

export interface Browser {
  username: string;
  id: string;
  role: string;
  csrfToken: string;
  /** Send a request with this browser's cookies and (for writes) its CSRF token. */
  request(path: string, init?: RequestInit & { json?: unknown; csrf?: boolean }): Promise<Response>;
}

const cookieHeader = (jar: Map<string, string>) => [...jar].map(([k, v]) => `${k}=${v}`).join('; ');

/** Keep the cookies a response sets (and forget cleared ones). */
function absorb(jar: Map<string, string>, res: Response): void {
  for (const line of res.headers.getSetCookie()) {
    const [pair] = line.split(';');
    const eq = pair!.indexOf('=');
    const name = pair!.slice(0, eq).trim();
    const value = pair!.slice(eq + 1).trim();
    if (value === '' || /max-age=0/i.test(line)) jar.delete(name);
    else jar.set(name, value);
  }
}

/**
 * Sign up (or log in when `login` is set) and return a browser holding the session. Group servers
 * are invite-only: the first account a test signs up becomes the facilitator the way an operator's
 * would (`innerchord admin create-facilitator`, then a login); later ones sign up with an invite.
 */
export async function browser(app: GroupApp, username: string, password = 'a long enough password', login = false): Promise<Browser> {
  const jar = new Map<string, string>();
  const db = databases.get(app);
  let invite: string | undefined;
  if (!login && db) {
    const [fac] = await db.orm.select({ id: users.id }).from(users).where(eq(users.role, 'facilitator')).limit(1);
    if (fac) invite = (await createInvite(db, fac.id, { uses: 1 })).code;
    else {
      await createFacilitator(db, { username, password });
      login = true;
    }
  }
  const res = await app.request(`/api/auth/${login ? 'login' : 'signup'}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: 'http://localhost' },
    body: JSON.stringify({ username, password, ...(invite ? { invite } : {}) }),
  });
  if (res.status !== 201 && res.status !== 200) throw new Error(`${login ? 'login' : 'signup'} of ${username} answered ${res.status}: ${await res.text()}`);
  absorb(jar, res);
  const me = (await res.json()) as { user: { id: string; role: string }; csrfToken: string };
  const b: Browser = {
    username,
    id: me.user.id,
    role: me.user.role,
    csrfToken: me.csrfToken,
    async request(path, init = {}) {
      const headers = new Headers(init.headers);
      headers.set('cookie', cookieHeader(jar));
      const method = (init.method ?? 'GET').toUpperCase();
      if (method !== 'GET' && init.csrf !== false) headers.set('x-csrf-token', b.csrfToken);
      let body = init.body;
      if (init.json !== undefined) {
        headers.set('content-type', 'application/json');
        body = JSON.stringify(init.json);
      }
      const out = await app.request(path, { ...init, method, headers, body });
      absorb(jar, out);
      return out;
    },
  };
  return b;
}
