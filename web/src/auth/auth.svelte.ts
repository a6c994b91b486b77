/**
 * Who is using the app: personal mode (no accounts) or group mode with a logged-in user; the
 * privacy statement; sharing; export and erasure of everything. Plain fetch to our own origin.
 */
import { fetchJson } from '../lib/json.ts';

export type Role = 'facilitator' | 'participant';
export interface User {
  id: string;
  username: string;
  role: Role;
}
export interface Privacy {
  mode: 'personal' | 'group';
  retentionDays: number | null;
  lines: string[];
}
export interface SharedSong {
  song: { id: string; title: string; updatedAt: string };
  owner: string;
}
export interface Facilitator {
  id: string;
  username: string;
}
export interface Account extends User {
  createdAt: string;
  suspended: boolean;
}
export interface Invite {
  id: string;
  hint: string;
  uses: number;
  usesLeft: number;
  expiresAt: string;
  revokedAt: string | null;
  live: boolean;
}


export class AuthState {
  mode = $state<'personal' | 'group' | null>(null);
  user = $state<User | null>(null);
  privacy = $state<Privacy | null>(null);
  error = $state<string | null>(null);

  /** The first answer is in (mode known, or the server could not be asked): until then nothing
   *  that needs a session may load, so the login page makes no call that would be refused. */
  settled = $derived(this.mode !== null || this.error !== null);
  /** Group mode without a session: show the login screen instead of the app. */
  needsLogin = $derived(this.mode === 'group' && this.user === null);
  /** The app may load the journal (mode known, and logged in when accounts exist). */
  ready = $derived(this.mode === 'personal' || (this.mode === 'group' && this.user !== null));

  /** Ask the server which mode it runs in and who is logged in. */
  async load(): Promise<void> {
    try {
      const me = await fetchJson<{ mode: 'personal' | 'group'; user: User | null }>('/api/auth/me');
      this.mode = me.mode;
      this.user = me.user;
      this.error = null;
    } catch (e) {
      this.error = (e as Error).message;
    }
    void this.loadPrivacy();
  }

  async loadPrivacy(): Promise<void> {
    this.privacy = await fetchJson<Privacy>('/api/privacy').catch(() => null);
  }

  /** Log in or sign up; on success the page reloads so everything starts with the session. */
  async enter(kind: 'login' | 'signup', username: string, password: string, invite = ''): Promise<void> {
    try {
      const body = kind === 'signup' ? { username, password, invite: invite.trim() } : { username, password };
      await fetchJson(`/api/auth/${kind}`, { method: 'POST', body: JSON.stringify(body) });
      location.reload();
    } catch (e) {
      this.error = (e as Error).message;
    }
  }

  async logout(): Promise<void> {
    await fetchJson('/api/auth/logout', { method: 'POST' }).catch(() => undefined);
    location.reload();
  }

  /** Where "export everything" downloads from. */
  readonly exportUrl = '/api/account/export';

  /** Delete everything (the account too, in group mode), then start over. */
  async eraseEverything(): Promise<void> {
    await fetchJson('/api/account', { method: 'DELETE', body: JSON.stringify({ confirm: 'delete everything' }) });
    location.hash = '';
    location.reload();
  }

  facilitators(): Promise<{ facilitators: Facilitator[] }> {
    return fetchJson('/api/facilitators');
  }

  shares(songId: string): Promise<{ shares: { userId: string }[] }> {
    return fetchJson(`/api/songs/${encodeURIComponent(songId)}/shares`);
  }

  setShared(songId: string, userId: string, shared: boolean): Promise<void> {
    return fetchJson(`/api/songs/${encodeURIComponent(songId)}/shares/${encodeURIComponent(userId)}`, { method: shared ? 'PUT' : 'DELETE' });
  }

  sharedWithMe(): Promise<{ songs: SharedSong[] }> {
    return fetchJson('/api/shared');
  }

  // The facilitator's group page: people and invites.
  accounts(): Promise<{ users: Account[] }> {
    return fetchJson('/api/users');
  }

  setSuspended(userId: string, suspended: boolean): Promise<Account> {
    return fetchJson(`/api/users/${encodeURIComponent(userId)}`, { method: 'PATCH', body: JSON.stringify({ suspended }) });
  }

  removeAccount(userId: string): Promise<unknown> {
    return fetchJson(`/api/users/${encodeURIComponent(userId)}`, { method: 'DELETE' });
  }

  invites(): Promise<{ invites: Invite[] }> {
    return fetchJson('/api/invites');
  }

  newInvite(uses: number, expiresInDays: number): Promise<Invite & { code: string }> {
    return fetchJson('/api/invites', { method: 'POST', body: JSON.stringify({ uses, expiresInDays }) });
  }

  revokeInvite(id: string): Promise<Invite> {
    return fetchJson(`/api/invites/${encodeURIComponent(id)}`, { method: 'DELETE' });
  }
}
