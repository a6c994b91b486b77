/**
 * Group mode is invite-only and its login limits hold under a race (issue #20 items 3–4): an
 * uninvited sign-up is refused, invites run out / expire / can be revoked, the setup code makes
 * one facilitator, 50 parallel wrong passwords evaluate at most LOGIN_MAX_FAILURES, the limits work
 * per username across addresses and per address across usernames, answers never reveal which
 * usernames exist, and a facilitator can suspend and remove accounts.
 */
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { backends } from '../../test/support/db.ts';
import { invites, loginAttempts, users } from '../../db/schema.ts';
import { setupCode } from './invites.ts';
import { ADDRESS_MAX_FAILURES, LOGIN_MAX_FAILURES, reserveLogin } from './rate-limit.ts';
import { browser, groupApp, inviteFor, truncateAccounts } from './testing.ts';
import { createFacilitator, logIn } from './users.ts';

const PASSWORD = 'a long enough password';
const json = (body: unknown, headers: Record<string, string> = {}) => ({ method: 'POST', headers: { 'content-type': 'application/json', origin: 'http://localhost', ...headers }, body: JSON.stringify(body) });

for (const backend of backends) {
  describe.skipIf(backend.skip)(`invite-only groups and login limits (${backend.name})`, () => {
    const t = backend.open();
    const fresh = async () => {
      await truncateAccounts(t.db);
      return groupApp(t.db);
    };

    it('refuses a sign-up without a live invite (403), and stores no account', async () => {
      const app = await fresh();
      await browser(app, 'fac');
      for (const body of [{}, { invite: '' }, { invite: 'NOPE-NOPE-NOPE-NOPE' }, { invite: 'x'.repeat(99) }]) {
        const res = await app.request('/api/auth/signup', json({ username: 'mallory', password: PASSWORD, ...body }));
        expect(res.status, JSON.stringify(body)).toBe(403);
        expect(((await res.json()) as { error: { code: string } }).error.code).toBe('FORBIDDEN');
      }
      expect(await t.db.orm.select().from(users).where(eq(users.username, 'mallory'))).toEqual([]);
    });

    it('lets invited people sign up as participants, up to the uses, and not after revoke or expiry', async () => {
      const app = await fresh();
      const fac = await browser(app, 'fac');
      const made = await fac.request('/api/invites', { method: 'POST', json: { uses: 2, expiresInDays: 3 } });
      expect(made.status).toBe(201);
      const invite = (await made.json()) as { id: string; code: string; uses: number; expiresAt: string };
      expect(invite.uses).toBe(2);
      expect(Date.parse(invite.expiresAt) - Date.now()).toBeGreaterThan(2.9 * 86_400_000);
      // The defaults: 30 uses, 7 days.
      const defaults = (await (await fac.request('/api/invites', { method: 'POST', json: {} })).json()) as { uses: number; expiresAt: string };
      expect(defaults.uses).toBe(30);
      expect(Math.round((Date.parse(defaults.expiresAt) - Date.now()) / 86_400_000)).toBe(7);

      const signUp = (username: string, code = invite.code) => app.request('/api/auth/signup', json({ username, password: PASSWORD, invite: code }));
      const ana = await signUp('ana');
      expect(ana.status).toBe(201);
      expect(((await ana.json()) as { user: { role: string } }).user.role).toBe('participant');
      // Typed in lower case with spaces instead of dashes: the same code.
      expect((await signUp('ben', invite.code.toLowerCase().replaceAll('-', ' '))).status).toBe(201);
      expect((await signUp('cleo')).status).toBe(403);

      const other = (await (await fac.request('/api/invites', { method: 'POST', json: { uses: 5 } })).json()) as { id: string; code: string };
      expect((await fac.request(`/api/invites/${other.id}`, { method: 'DELETE' })).status).toBe(200);
      expect((await signUp('dora', other.code)).status).toBe(403);
      const old = (await (await fac.request('/api/invites', { method: 'POST', json: {} })).json()) as { id: string; code: string };
      await t.db.orm.update(invites).set({ expiresAt: new Date(Date.now() - 1000) }).where(eq(invites.id, old.id));
      expect((await signUp('eve', old.code)).status).toBe(403);

      const list = (await (await fac.request('/api/invites')).json()) as { invites: { id: string; live: boolean; usesLeft: number }[] };
      expect(list.invites.find((i) => i.id === invite.id)).toMatchObject({ live: false, usesLeft: 0 });
      expect(list.invites.find((i) => i.id === other.id)?.live).toBe(false);
      expect(JSON.stringify(list)).not.toContain(invite.code);
    });

    it('hands the last use of an invite to exactly one of ten racing sign-ups', async () => {
      const app = await fresh();
      await browser(app, 'fac');
      const code = await inviteFor(app, 1);
      const statuses = await Promise.all(Array.from({ length: 10 }, (_, i) => Promise.resolve(app.request('/api/auth/signup', json({ username: `racer${i}`, password: PASSWORD, invite: code }))).then((r) => r.status)));
      expect(statuses.filter((s) => s === 201)).toHaveLength(1);
      expect(statuses.filter((s) => s === 403)).toHaveLength(9);
    });

    it('only facilitators make, list and revoke invites', async () => {
      const app = await fresh();
      await browser(app, 'fac');
      const ana = await browser(app, 'ana');
      expect((await ana.request('/api/invites', { method: 'POST', json: {} })).status).toBe(403);
      expect((await ana.request('/api/invites')).status).toBe(403);
      expect((await app.request('/api/invites', json({}))).status).toBe(401);
    });

    it('makes the first facilitator from the one-time setup code, and never a second', async () => {
      const app = await fresh();
      const code = await setupCode(t.db);
      expect(code).toMatch(/^[A-Z2-9]{4}(-[A-Z2-9]{4}){3}$/);
      const res = await app.request('/api/auth/signup', json({ username: 'first', password: PASSWORD, invite: code }));
      expect(res.status).toBe(201);
      expect(((await res.json()) as { user: { role: string } }).user.role).toBe('facilitator');
      expect((await app.request('/api/auth/signup', json({ username: 'second', password: PASSWORD, invite: code }))).status).toBe(403);
      expect(await setupCode(t.db)).toBeNull();
    });

    it('a setup code stops working once a facilitator exists another way', async () => {
      const app = await fresh();
      const code = (await setupCode(t.db))!;
      await createFacilitator(t.db, { username: 'admin', password: PASSWORD });
      expect((await app.request('/api/auth/signup', json({ username: 'late', password: PASSWORD, invite: code }))).status).toBe(403);
    });

    it(`evaluates at most ${LOGIN_MAX_FAILURES} of 50 parallel wrong passwords, across two instances`, async () => {
      const app = await fresh();
      await browser(app, 'fac');
      await browser(app, 'ana', 'correct horse battery');
      const apps = [app, groupApp(t.db)];
      const statuses = await Promise.all(Array.from({ length: 50 }, (_, i) => Promise.resolve(apps[i % 2]!.request('/api/auth/login', json({ username: 'ana', password: `wrong guess ${i}` }))).then((r) => r.status)));
      const evaluated = statuses.filter((s) => s === 401).length;
      expect(evaluated).toBeLessThanOrEqual(LOGIN_MAX_FAILURES);
      expect(evaluated).toBeGreaterThan(0);
      expect(statuses.filter((s) => s === 429)).toHaveLength(50 - evaluated);
      // Locked for the window, even with the right password.
      expect((await app.request('/api/auth/login', json({ username: 'ana', password: 'correct horse battery' }))).status).toBe(429);
    });

    it('limits one username across addresses, and one address across usernames', async () => {
      await fresh();
      await createFacilitator(t.db, { username: 'ana', password: 'correct horse battery' });
      for (let i = 0; i < LOGIN_MAX_FAILURES; i++) await expect(logIn(t.db, { username: 'ana', password: 'nope nope nope' }, `10.0.0.${i}`)).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
      await expect(logIn(t.db, { username: 'ana', password: 'correct horse battery' }, '10.0.9.9')).rejects.toMatchObject({ code: 'RATE_LIMITED' });
      // Spraying one password over many names from one address.
      const sprayer = '192.0.2.7';
      let refused = 0;
      for (let i = 0; i < ADDRESS_MAX_FAILURES + 5; i++) {
        const error = await logIn(t.db, { username: `user${i}`, password: 'Summer2026!!' }, sprayer).catch((e: { code: string }) => e);
        if ((error as { code: string }).code === 'RATE_LIMITED') refused++;
      }
      expect(refused).toBe(5);
      // The window passes: both counters start again.
      const later = new Date(Date.now() + 16 * 60 * 1000);
      await expect(reserveLogin(t.db, 'ana', sprayer, later)).resolves.toBeUndefined();
    });

    it('gives the same answer for a wrong password and an unknown name, at login and at sign-up', async () => {
      const app = await fresh();
      await browser(app, 'fac');
      await browser(app, 'ana');
      const body = async (res: Response) => ({ status: res.status, body: await res.json() });
      const known = await body(await app.request('/api/auth/login', json({ username: 'ana', password: 'not her password' })));
      const unknown = await body(await app.request('/api/auth/login', json({ username: 'nobody-here', password: 'not her password' })));
      expect(unknown).toEqual(known);
      const takenName = await body(await app.request('/api/auth/signup', json({ username: 'ana', password: PASSWORD })));
      const freeName = await body(await app.request('/api/auth/signup', json({ username: 'zed', password: PASSWORD })));
      expect(takenName).toEqual(freeName);
      expect(takenName.status).toBe(403);
    });

    it('suspends an account (no login, sessions end) and reinstates it', async () => {
      const app = await fresh();
      const fac = await browser(app, 'fac');
      const ana = await browser(app, 'ana', 'correct horse battery');
      const res = await fac.request(`/api/users/${ana.id}`, { method: 'PATCH', json: { suspended: true } });
      expect(((await res.json()) as { suspended: boolean }).suspended).toBe(true);
      expect((await ana.request('/api/songs')).status).toBe(401);
      const login = await app.request('/api/auth/login', json({ username: 'ana', password: 'correct horse battery' }));
      expect(login.status).toBe(403);
      expect(((await login.json()) as { error: { message: string } }).error.message).toMatch(/suspended/);
      const users = (await (await fac.request('/api/users')).json()) as { users: { username: string; suspended: boolean }[] };
      expect(users.users.find((u) => u.username === 'ana')?.suspended).toBe(true);
      expect((await fac.request(`/api/users/${fac.id}`, { method: 'PATCH', json: { suspended: true } })).status).toBe(400);
      await fac.request(`/api/users/${ana.id}`, { method: 'PATCH', json: { suspended: false } });
      expect((await app.request('/api/auth/login', json({ username: 'ana', password: 'correct horse battery' }))).status).toBe(200);
    });

    it('removes an account with everything in it, its login counter included', async () => {
      const app = await fresh();
      const fac = await browser(app, 'fac');
      const ana = await browser(app, 'ana');
      expect((await ana.request('/api/songs', { method: 'POST', json: { title: 'Mine' } })).status).toBe(201);
      await app.request('/api/auth/login', json({ username: 'ana', password: 'wrong password here' }));
      expect((await t.db.orm.select().from(loginAttempts).where(eq(loginAttempts.key, 'user:ana'))).length).toBe(1);
      const ben = await browser(app, 'ben');
      expect((await ben.request(`/api/users/${ana.id}`, { method: 'DELETE' })).status).toBe(403);
      const res = await fac.request(`/api/users/${ana.id}`, { method: 'DELETE' });
      expect(await res.json()).toEqual({ songs: 1, templates: 0 });
      expect(await t.db.orm.select().from(users).where(eq(users.username, 'ana'))).toEqual([]);
      expect(await t.db.orm.select().from(loginAttempts).where(eq(loginAttempts.key, 'user:ana'))).toEqual([]);
      expect((await ana.request('/api/songs')).status).toBe(401);
      expect((await fac.request(`/api/users/${ana.id}`, { method: 'DELETE' })).status).toBe(404);
    });
  });
}
