/** The right of access (export everything), the right to erasure (delete everything), retention, and the statement. */
import { unzipSync, strFromU8 } from 'fflate';
import { beforeEach, describe, expect, it } from 'vitest';
import { rowCounts, sharedPglite } from '../../test/support/db.ts';
import { browser, groupApp, truncateAccounts, type Browser, type GroupApp } from '../auth/testing.ts';
import { loadConfig } from '../config.ts';
import { createApp } from '../app.ts';
import { createLogger } from '../log.ts';
import { parseSongFile } from '../journal/archive/index.ts';
import { createSong, getSong } from '../journal/index.ts';
import { sessionTemplates, songs } from '../../db/schema.ts';
import { TemplateInput } from '../templates/shapes.ts';
import { eq } from 'drizzle-orm';
import { startRetention, sweep } from './retention.ts';
import { privacyStatement } from './statement.ts';

const t = sharedPglite();
let app: GroupApp;
let ana: Browser;
let ben: Browser;

beforeEach(async () => {
  await truncateAccounts(t.db);
  app = groupApp(t.db);
  await browser(app, 'fac');
  ana = await browser(app, 'ana');
  ben = await browser(app, 'ben');
});

const TEMPLATE = { name: 'Letters to a place', description: 'A song addressed to a place.', kind: 'reflective', questions: [{ stage: 'images', question: 'Which place would you write to?' }], constraint: { mode: 'dorian' } };
const personalApp = () => createApp({ db: t.db, config: loadConfig({ INNERCHORD_LOG: 'silent' }), log: createLogger('silent') });
const jsonPost = (body: unknown) => ({ method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }) as const;
const ERASE = { method: 'DELETE', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ confirm: 'delete everything' }) } as const;
const templateNames = async () => (await t.db.orm.select({ name: sessionTemplates.name }).from(sessionTemplates)).map((r) => r.name).sort();

/** A song with a conversation turn and a first version, through the API. */
async function songOf(b: Browser, title: string): Promise<string> {
  const { id } = (await (await b.request('/api/songs', { method: 'POST', json: { title } })).json()) as { id: string };
  expect((await b.request(`/api/songs/${id}/turns`, { method: 'POST', json: { text: 'It is about the sea at night, calm and wide' } })).status).toBe(200);
  expect((await b.request(`/api/songs/${id}/versions`, { method: 'POST', json: { params: { key: 'A', mode: 'minor', tempo: 66, meter: '6/8' }, seed: 5 } })).status).toBe(201);
  return id;
}

describe('export everything', () => {
  it('gives a zip of every song of the account and nothing of anyone else', async () => {
    await songOf(ana, 'Sea');
    await songOf(ana, 'Sea');
    await songOf(ben, 'Not yours');
    const res = await ana.request('/api/account/export');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/zip');
    const files = unzipSync(new Uint8Array(await res.arrayBuffer()));
    const manifest = JSON.parse(strFromU8(files['account.json']!)) as { account: { username: string }; songs: { title: string; file: string }[] };
    expect(manifest.account.username).toBe('ana');
    expect(manifest.songs.map((s) => s.title)).toEqual(['Sea', 'Sea']);
    expect(new Set(manifest.songs.map((s) => s.file)).size).toBe(2);
    for (const s of manifest.songs) {
      const inner = unzipSync(files[s.file]!);
      const file = parseSongFile(strFromU8(inner['song.json']!));
      expect(file.messages.some((m) => m.text.includes('the sea at night'))).toBe(true);
      expect(Object.keys(inner)).toContain('versions/v1.mid');
    }
    expect(JSON.stringify(manifest)).not.toContain('Not yours');
  });

  it('includes the session templates the facilitator wrote, each ready to post again, and nobody else\'s', async () => {
    const fac = await browser(app, 'fac', undefined, true);
    expect((await fac.request('/api/templates', { method: 'POST', json: TEMPLATE })).status).toBe(201);
    expect((await fac.request('/api/templates', { method: 'POST', json: { ...TEMPLATE, name: 'Letters to a place' } })).status).toBe(201);
    const files = unzipSync(new Uint8Array(await (await fac.request('/api/account/export')).arrayBuffer()));
    const manifest = JSON.parse(strFromU8(files['account.json']!)) as { templates: { name: string; file: string }[] };
    expect(manifest.templates.map((x) => x.file)).toEqual(['templates/Letters to a place.json', 'templates/Letters to a place-2.json']);
    for (const x of manifest.templates) expect(TemplateInput.parse(JSON.parse(strFromU8(files[x.file]!)))).toMatchObject({ name: TEMPLATE.name, constraint: { mode: 'dorian' } });
    // A participant wrote none: their export lists none, and holds no template file.
    const theirs = unzipSync(new Uint8Array(await (await ana.request('/api/account/export')).arrayBuffer()));
    expect(JSON.parse(strFromU8(theirs['account.json']!)).templates).toEqual([]);
    expect(Object.keys(theirs).filter((f) => f.startsWith('templates/'))).toEqual([]);
  });

  it('includes the templates written in personal mode', async () => {
    const personal = personalApp();
    expect((await personal.request('/api/templates', jsonPost(TEMPLATE))).status).toBe(201);
    const files = unzipSync(new Uint8Array(await (await personal.request('/api/account/export')).arrayBuffer()));
    expect(JSON.parse(strFromU8(files['templates/Letters to a place.json']!))).toMatchObject({ name: TEMPLATE.name, questions: TEMPLATE.questions });
  });
});

describe('delete everything', () => {
  it('deletes the account and every row of its songs, and leaves others alone', async () => {
    await songOf(ana, 'Sea');
    const kept = await songOf(ben, 'Kept');
    const before = await rowCounts(t.db);
    expect((await ana.request('/api/account', { method: 'DELETE', json: { confirm: 'nope' } })).status).toBe(400);
    const res = await ana.request('/api/account', { method: 'DELETE', json: { confirm: 'delete everything' } });
    expect(await res.json()).toEqual({ songs: 1, templates: 0 });
    const after = await rowCounts(t.db);
    // Each song had one conversation, version, and some messages: exactly ana's half is gone.
    expect(after.songs).toBe(before.songs - 1);
    expect(after.versions).toBe(before.versions - 1);
    expect(after.conversations).toBe(before.conversations - 1);
    expect(after.messages).toBe(before.messages / 2);
    expect(await t.db.orm.query.users.findMany({ where: (u, { eq: is }) => is(u.username, 'ana') })).toEqual([]);
    expect(await t.db.orm.query.sessions.findMany({ where: (s, { eq: is }) => is(s.userId, ana.id) })).toEqual([]);
    expect((await ana.request('/api/songs')).status).toBe(401);
    expect((await ben.request(`/api/songs/${kept}`)).status).toBe(200);
  });

  it('deletes a facilitator\'s written templates with the account, and leaves other facilitators\' alone', async () => {
    const fac = await browser(app, 'fac', undefined, true);
    expect((await fac.request(`/api/users/${ben.id}`, { method: 'PATCH', json: { role: 'facilitator' } })).status).toBe(200);
    expect((await fac.request('/api/templates', { method: 'POST', json: TEMPLATE })).status).toBe(201);
    expect((await ben.request('/api/templates', { method: 'POST', json: { ...TEMPLATE, name: "Ben's" } })).status).toBe(201);
    const res = await fac.request('/api/account', { method: 'DELETE', json: { confirm: 'delete everything' } });
    expect(await res.json()).toEqual({ songs: 0, templates: 1 });
    expect(await templateNames()).toEqual(["Ben's"]);
  });

  it('in personal mode deletes every written template', async () => {
    const personal = personalApp();
    expect((await personal.request('/api/templates', jsonPost(TEMPLATE))).status).toBe(201);
    expect(await templateNames()).toEqual([TEMPLATE.name]);
    expect(await (await personal.request('/api/account', ERASE)).json()).toEqual({ songs: 0, templates: 1 });
    expect(await templateNames()).toEqual([]);
    // The built-in ones are data, not the musician's: they are still offered.
    expect(((await (await personal.request('/api/templates')).json()) as { templates: unknown[] }).templates.length).toBeGreaterThan(0);
  });

  it('in personal mode deletes every song of the journal', async () => {
    const personal = personalApp();
    await createSong(t.db, { title: 'one' });
    await createSong(t.db, { title: 'two' });
    const zip = unzipSync(new Uint8Array(await (await personal.request('/api/account/export')).arrayBuffer()));
    expect(Object.keys(zip).filter((f) => f.startsWith('songs/'))).toHaveLength(2);
    const res = await personal.request('/api/account', { method: 'DELETE', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ confirm: 'delete everything' }) });
    expect(await res.json()).toEqual({ songs: 2, templates: 0 });
    expect((await rowCounts(t.db)).songs).toBe(0);
  });
});

describe('retention', () => {
  const DAY = 24 * 60 * 60 * 1000;
  const at = new Date('2026-06-01T12:00:00Z');

  async function songUpdated(daysAgo: number): Promise<string> {
    const s = await createSong(t.db, { title: `${daysAgo} days` });
    await t.db.orm.update(songs).set({ updatedAt: new Date(at.getTime() - daysAgo * DAY) }).where(eq(songs.id, s.id));
    return s.id;
  }

  it('deletes songs not changed for longer than the retention period, and keeps the rest', async () => {
    const old = await songUpdated(31);
    const recent = await songUpdated(29);
    expect((await sweep(t.db, 30, at)).songs).toBe(1);
    await expect(getSong(t.db, old)).rejects.toThrow(/No song/);
    expect((await getSong(t.db, recent)).id).toBe(recent);
  });

  it('keeps everything when no retention is set', async () => {
    await songUpdated(4000);
    expect((await sweep(t.db, null, at)).songs).toBe(0);
    expect((await rowCounts(t.db)).songs).toBe(1);
  });

  it('sweeps once at start-up with the clock it is given', async () => {
    await songUpdated(8);
    const running = startRetention(t.db, { retentionDays: 7, log: createLogger('silent'), clock: () => at });
    await running.ready;
    running.stop();
    expect((await rowCounts(t.db)).songs).toBe(0);
  });

  it('prunes expired sessions', async () => {
    const later = new Date(Date.now() + 31 * DAY);
    expect((await sweep(t.db, null, later)).sessions).toBe(3);
    expect((await ana.request('/api/songs')).status).toBe(401);
  });
});

describe('the privacy statement', () => {
  it('says words stay here when offline, and names the LLM host otherwise', () => {
    const offline = privacyStatement(loadConfig({ INNERCHORD_OFFLINE: '1', OPENAI_API_KEY: 'sk-x' }), 'pglite');
    expect(offline.lines[0]).toMatch(/nothing is sent/);
    const llm = privacyStatement(loadConfig({ OPENAI_BASE_URL: 'https://llm.example.org/v1', INNERCHORD_RETENTION_DAYS: '90', INNERCHORD_MODE: 'group' }), 'postgres');
    expect(llm.lines.join(' ')).toMatch(/llm\.example\.org/);
    expect(llm.lines.join(' ')).toMatch(/90 days/);
    expect(llm).toMatchObject({ mode: 'group', retentionDays: 90, storage: 'postgres' });
  });

  it('is served without a session in group mode', async () => {
    const res = await app.request('/api/privacy');
    expect(res.status).toBe(200);
    expect(((await res.json()) as { lines: string[] }).lines.some((l) => /No analytics/.test(l))).toBe(true);
  });
});
