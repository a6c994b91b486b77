import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { messages, safetyAlerts } from '../../db/schema.ts';
import { sharedPglite } from '../../test/support/db.ts';
import { makeApp, newSong, post, say } from '../../test/turns/helpers.ts';
import { browser, groupApp, type Browser } from '../auth/testing.ts';
import { ALERTS_PER_PARTICIPANT, raiseAlert, type SafetyAlert } from './alerts.ts';

const t = sharedPglite();
const CRISIS = 'I want to die, honestly';

const songOf = async (b: Browser) => ((await (await b.request('/api/songs', { method: 'POST', json: { title: 'mine' } })).json()) as { id: string }).id;
const alertsOf = async (b: Browser, unseen = false) => ((await (await b.request(`/api/safety/alerts?unseen=${unseen}`)).json()) as { alerts: SafetyAlert[] }).alerts;
async function crisis(b: Browser, songId: string, path = 'turns') {
  const res = await b.request(`/api/songs/${songId}/${path}`, { method: 'POST', json: path === 'turns' ? { text: CRISIS } : {} });
  expect(res.status, await res.clone().text()).toBe(200);
  expect(((await res.json()) as { crisis: boolean }).crisis).toBe(true);
}

describe('discreet facilitator alerts', () => {
  it('records song and time (never the words) when a participant writes crisis language', async () => {
    const app = groupApp(t.db);
    const fac = await browser(app, 'fac');
    const ana = await browser(app, 'ana');
    const song = (await (await ana.request('/api/songs', { method: 'POST', json: { title: 'mine' } })).json()) as { id: string };
    const turn = await ana.request(`/api/songs/${song.id}/turns`, { method: 'POST', json: { text: CRISIS }, headers: { 'accept-language': 'en-GB' } });
    expect(turn.status).toBe(200);
    expect(((await turn.json()) as { reply: { text: string } }).reply.text).toContain('999');

    const res = await fac.request('/api/safety/alerts');
    expect(res.status).toBe(200);
    const { alerts } = (await res.json()) as { alerts: SafetyAlert[] };
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatchObject({ songId: song.id, username: 'ana', seenAt: null });
    expect(JSON.stringify(alerts)).not.toMatch(/die|death-wish/i);

    expect((await ana.request('/api/safety/alerts')).status).toBe(403);
    expect((await fac.request(`/api/safety/alerts/${alerts[0]!.id}/seen`, { method: 'POST' })).status).toBe(204);
    const unseen = (await (await fac.request('/api/safety/alerts?unseen=true')).json()) as { alerts: SafetyAlert[] };
    expect(unseen.alerts).toEqual([]);
    expect((await fac.request('/api/safety/alerts/nope/seen', { method: 'POST' })).status).toBe(404);
  });

  it('raises one alert when a crisis turn is retried, and for more crisis words before anyone follows up', async () => {
    const app = groupApp(t.db);
    const fac = await browser(app, 'fac');
    const ana = await browser(app, 'ana');
    const song = await songOf(ana);
    await crisis(ana, song);
    // As if the reply had been lost after the alert was raised: the message stands unanswered.
    await t.db.orm.delete(messages).where(and(eq(messages.songId, song), eq(messages.role, 'assistant')));
    await crisis(ana, song, 'turns/retry');
    await crisis(ana, song);
    expect((await alertsOf(fac)).map((a) => [a.songId, a.seenAt])).toEqual([[song, null]]);
    expect(await t.db.orm.select().from(safetyAlerts)).toHaveLength(1);
  });

  it('raises one alert when crisis turns for one song arrive at the same moment', async () => {
    const app = groupApp(t.db);
    const fac = await browser(app, 'fac');
    const ana = await browser(app, 'ana');
    const song = await songOf(ana);
    const raised = await Promise.all(Array.from({ length: 6 }, () => raiseAlert(t.db, song)));
    expect(raised.filter(Boolean)).toHaveLength(1);
    expect((await alertsOf(fac)).map((a) => a.songId)).toEqual([song]);
  });

  it('raises a new alert for crisis words after the last one was followed up, and one per song', async () => {
    const app = groupApp(t.db);
    const fac = await browser(app, 'fac');
    const ana = await browser(app, 'ana');
    const [first, second] = [await songOf(ana), await songOf(ana)];
    await crisis(ana, first);
    const [raised] = await alertsOf(fac);
    expect((await fac.request(`/api/safety/alerts/${raised!.id}/seen`, { method: 'POST' })).status).toBe(204);
    await crisis(ana, first);
    await crisis(ana, second);
    expect((await alertsOf(fac, true)).map((a) => a.songId).sort()).toEqual([first, second].sort());
    expect(await alertsOf(fac)).toHaveLength(3);
  });

  it('lets only facilitators list alerts or mark them seen', async () => {
    const app = groupApp(t.db);
    const fac = await browser(app, 'fac');
    const ana = await browser(app, 'ana');
    const ben = await browser(app, 'ben');
    await crisis(ana, await songOf(ana));
    const [raised] = await alertsOf(fac);
    for (const who of [ana, ben]) {
      expect((await who.request('/api/safety/alerts')).status).toBe(403);
      expect((await who.request('/api/safety/alerts?unseen=true')).status).toBe(403);
      expect((await who.request(`/api/safety/alerts/${raised!.id}/seen`, { method: 'POST' })).status).toBe(403);
    }
    const anonymous = await app.request(`/api/safety/alerts/${raised!.id}/seen`, { method: 'POST', headers: { origin: 'http://localhost' } });
    expect([401, 403]).toContain(anonymous.status);
    expect((await app.request('/api/safety/alerts')).status).toBe(401);
    // Nobody but a facilitator changed it: still unseen.
    expect((await alertsOf(fac, true)).map((a) => a.id)).toEqual([raised!.id]);
  });

  it('records nothing in personal mode, where there is no facilitator', async () => {
    const app = makeApp(t.db);
    const id = await newSong(app);
    expect((await say(app, id, CRISIS)).crisis).toBe(true);
    expect(await t.db.orm.select().from(safetyAlerts)).toEqual([]);
  });

  it('answers in the browser\'s locale', async () => {
    const app = makeApp(t.db);
    const id = await newSong(app);
    const res = await post(app, `/api/songs/${id}/turns`, { text: CRISIS }, { 'accept-language': 'de-DE,de;q=0.9' });
    expect(((await res.json()) as { reply: { text: string } }).reply.text).toContain('0800 111 0 111');
  });
});

describe('facilitator alerts are rate-limited per participant', () => {
  it(`raises at most ${ALERTS_PER_PARTICIPANT} unseen alerts an hour for one participant's many songs, and others still get theirs`, async () => {
    const app = groupApp(t.db);
    await browser(app, 'fac');
    const ana = await browser(app, 'ana');
    const ben = await browser(app, 'ben');
    const songsOfAna = await Promise.all(Array.from({ length: 8 }, () => songOf(ana)));
    const raised = await Promise.all(songsOfAna.map((s) => raiseAlert(t.db, s)));
    expect(raised.filter(Boolean)).toHaveLength(ALERTS_PER_PARTICIPANT);
    expect(await raiseAlert(t.db, await songOf(ben))).toBe(true);
    expect(await t.db.orm.select().from(safetyAlerts)).toHaveLength(ALERTS_PER_PARTICIPANT + 1);
  });
});
