import { describe, expect, it } from 'vitest';
import { safetyAlerts } from '../../db/schema.ts';
import { sharedPglite } from '../../test/support/db.ts';
import { makeApp, newSong, post, say } from '../../test/turns/helpers.ts';
import { browser, groupApp } from '../auth/testing.ts';
import type { SafetyAlert } from './alerts.ts';

const t = sharedPglite();
const CRISIS = 'I want to die, honestly';

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
