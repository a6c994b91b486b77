/**
 * The crisis floor through the real route, POST /api/songs/:id/turns: severity decides the reply,
 * the reply speaks the musician's language, danger from someone else leads with the violence
 * lines, a negated statement gets a check-in without a facilitator alert, context across turns
 * counts, and the held-out half of the eval set is caught (recall ≥ 90 %, false alarms ≤ 5 %).
 */
import { describe, expect, it } from 'vitest';
import { safetyAlerts } from '../../db/schema.ts';
import { sharedPglite } from '../../test/support/db.ts';
import { makeApp, newSong, post, say } from '../../test/turns/helpers.ts';
import type { TurnResult } from '../turns/shapes.ts';
import { browser, groupApp } from '../auth/testing.ts';
import { loadCorpora } from '../../eval/safety/score.ts';
import { CATEGORIES } from './pack.ts';
import { RESOURCES } from './resources/index.ts';

const t = sharedPglite();

async function turn(text: string, locale = 'en-GB', app = makeApp(t.db)): Promise<TurnResult> {
  const res = await post(app, `/api/songs/${await newSong(app)}/turns`, { text }, { 'accept-language': locale });
  expect(res.status, await res.clone().text()).toBe(200);
  return (await res.json()) as TurnResult;
}

describe('the reply follows the severity', () => {
  it('puts the emergency number first when someone is in danger now', async () => {
    const r = await turn('I took a bunch of pills an hour ago');
    expect(r.crisis).toBe(true);
    const text = r.reply.text;
    expect(text.indexOf('999')).toBeGreaterThan(-1);
    expect(text.indexOf('999')).toBeLessThan(text.indexOf('116 123'));
    expect(text).toMatch(/call 999 now/);
    expect(text).toMatch(/paused the music; your song is safe/);
  });

  it('offers warm lines and an invitation to talk when someone is thinking about it', async () => {
    const r = await turn("some nights I wish I wasn't alive");
    const text = r.reply.text;
    expect(text).toMatch(/talk to someone/);
    expect(text.indexOf('116 123')).toBeLessThan(text.indexOf('call 999'));
    expect(text).not.toMatch(/therapist/i);
    expect(r.version).toBeNull();
  });

  it('leads with the domestic-abuse and child-protection lines when someone else is the danger', async () => {
    const r = await turn('my boyfriend choked me last night');
    expect(r.reply.text).toMatch(/not your fault/);
    expect(r.crisisResources!.helplines.map((h) => h.contact)).toEqual([...RESOURCES['en-GB'].violence!, ...RESOURCES['en-GB'].helplines].map((h) => h.contact));
    expect(r.reply.text.indexOf('0808 2000 247')).toBeLessThan(r.reply.text.indexOf('116 123'));
  });

  it.each([
    ['Ich will nicht mehr leben', 'de-DE', /Danke, dass du mir das sagst/, '0800 111 0 111'],
    ['Je veux mourir', 'fr-FR', /Merci de me l'avoir dit/, '3114'],
    ['Quiero suicidarme', 'es-ES', /Gracias por contármelo/, '024'],
    ['je veux mourir', 'en-GB', /Merci de me l'avoir dit/, '116 123'],
  ])('answers %j in the language it was written in, with the locale\'s lines', async (text, locale, words, line) => {
    const r = await turn(text, locale);
    expect(r.crisis).toBe(true);
    expect(r.reply.text).toMatch(words);
    expect(r.reply.text).toContain(line);
    expect(r.reply.text).not.toMatch(/\{\{/);
  });

  it('checks in gently on negated words, and raises no facilitator alert for it', async () => {
    const app = groupApp(t.db);
    const ana = await browser(app, 'ana');
    const song = ((await (await ana.request('/api/songs', { method: 'POST', json: { title: 'mine' } })).json()) as { id: string }).id;
    const before = (await t.db.orm.select().from(safetyAlerts)).length;
    const res = await ana.request(`/api/songs/${song}/turns`, { method: 'POST', json: { text: "I'm not going to kill myself, I promise" } });
    const r = (await res.json()) as TurnResult;
    expect(r.crisis).toBe(true);
    expect(r.reply.text).toMatch(/check in/);
    expect((await t.db.orm.select().from(safetyAlerts)).length).toBe(before);
  });
});

describe('context across turns', () => {
  it('counts "I\'ve made up my mind" after earlier hopelessness, and not on its own', async () => {
    const app = makeApp(t.db);
    const alone = await turn("I've made up my mind.", 'en-GB', app);
    expect(alone.crisis).toBe(false);
    const id = await newSong(app);
    expect((await say(app, id, "what's the point")).crisis).toBe(false);
    const after = await say(app, id, "I've made up my mind.");
    expect(after.crisis).toBe(true);
    expect(after.reply.text).toMatch(/talk to someone/);
  });
});

describe('the held-out half of the eval set, through the route', () => {
  const corpora = loadCorpora();
  const held = <T,>(xs: T[]) => xs.filter((_, i) => i % 2 === 1);
  const crisis = corpora.flatMap((c) => CATEGORIES.flatMap((cat) => held(c.crisis[cat] ?? []).map((text) => ({ text, language: c.language }))));
  const idiom = corpora.flatMap((c) => held(c.idiom).map((text) => ({ text, language: c.language })));

  it(`catches at least 90 % of ${crisis.length} held-out crisis statements in four languages`, async () => {
    const app = makeApp(t.db);
    const missed: string[] = [];
    for (const { text, language } of crisis) if (!(await turn(text, language, app)).crisis) missed.push(`[${language}] ${text}`);
    console.log(`held-out recall through the route: ${crisis.length - missed.length}/${crisis.length}`);
    expect((crisis.length - missed.length) / crisis.length, missed.join('\n')).toBeGreaterThanOrEqual(0.9);
  }, 240_000);

  it(`raises at most 5 % false alarms on ${idiom.length} held-out songwriting lines`, async () => {
    const app = makeApp(t.db);
    const alarms: string[] = [];
    for (const { text, language } of idiom) if ((await turn(text, language, app)).crisis) alarms.push(`[${language}] ${text}`);
    console.log(`held-out false alarms through the route: ${alarms.length}/${idiom.length}`);
    expect(alarms.length / idiom.length, alarms.join('\n')).toBeLessThanOrEqual(0.05);
  }, 240_000);
});
