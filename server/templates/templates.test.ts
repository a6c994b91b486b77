import { describe, expect, it } from 'vitest';
import { sharedPglite } from '../../test/support/db.ts';
import { makeApp, newSong, post, say, type App } from '../../test/turns/helpers.ts';
import { browser, groupApp } from '../auth/testing.ts';
import { guideStep, parseState, type GuideState } from '../guide/index.ts';
import { SCRIPT } from '../guide/script.ts';
import { BUILTIN_TEMPLATES } from './builtin.ts';
import { guideTemplate } from './start.ts';
import { getTemplate } from './service.ts';
import type { Template } from './shapes.ts';

const t = sharedPglite();

const json = async <T>(res: Response, status: number): Promise<T> => {
  expect(res.status, await res.clone().text()).toBe(status);
  return (status === 204 ? null : await res.json()) as T;
};

const MINE = {
  name: 'Letters to a place',
  description: 'A song addressed to a place.',
  kind: 'reflective',
  questions: [
    { stage: 'images', question: 'Which place would you write a letter to? Describe it.' },
    { stage: 'message', question: 'What would the letter say first?' },
  ],
};

describe('the guide with a template', () => {
  it('asks the template\'s questions in its order, then proposes the intention', async () => {
    const template = guideTemplate(await getTemplate(t.db, 'builtin:light-opener'));
    let state: GuideState = { ...parseState({}), stage: template.questions[0]!.stage, template };
    const replies: string[] = [];
    for (const answer of ['my friend texted me a silly photo', 'on the bus home, rain outside', 'warm']) {
      const step = guideStep(state, answer);
      replies.push(step.reply);
      state = step.state;
    }
    expect(replies[0]).toContain(template.questions[1]!.question);
    expect(replies[1]).toContain(template.questions[2]!.question);
    expect(state.stage).toBe('intention');
    expect(state.answers).toMatchObject({ about: 'my friend texted me a silly photo', images: 'on the bus home, rain outside', feeling: 'warm' });
  });

  it('offers the template\'s own options when the musician is unsure', async () => {
    const template = guideTemplate(await getTemplate(t.db, 'builtin:fill-in-the-blanks'));
    const step = guideStep({ ...parseState({}), template }, "I don't know");
    expect(step.suggestions).toEqual(template.questions[0]!.options);
  });

  it('keeps the default flow and wording when no template is chosen', () => {
    const step = guideStep(parseState({}), 'the quiet after the move');
    expect(step.state.stage).toBe('feeling');
    expect(step.reply).toContain(SCRIPT.feeling.question);
  });
});

describe('/api/templates (personal mode)', () => {
  const app = (): App => makeApp(t.db);

  it('lists every built-in template, each valid, before written ones', async () => {
    const { templates } = await json<{ templates: Template[] }>(await app().request('/api/templates'), 200);
    expect(templates.map((x) => x.id)).toEqual(BUILTIN_TEMPLATES.map((x) => x.id));
    expect(templates.every((x) => x.builtin && !x.editable)).toBe(true);
    expect(templates.find((x) => x.id === 'builtin:dorian')!.constraint).toEqual({ mode: 'dorian' });
  });

  it('writes, reads, replaces and deletes a template', async () => {
    const a = app();
    const made = await json<Template>(await post(a, '/api/templates', MINE), 201);
    expect(made).toMatchObject({ name: MINE.name, builtin: false, editable: true, constraint: {} });
    expect((await json<{ templates: Template[] }>(await a.request('/api/templates'), 200)).templates.at(-1)!.id).toBe(made.id);
    const put = await a.request(`/api/templates/${made.id}`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ ...MINE, name: 'Letters home', constraint: { mode: 'mixolydian' } }) });
    expect(await json<Template>(put, 200)).toMatchObject({ name: 'Letters home', constraint: { mode: 'mixolydian' } });
    await json(await a.request(`/api/templates/${made.id}`, { method: 'DELETE' }), 204);
    await json(await a.request(`/api/templates/${made.id}`), 404);
  });

  it('refuses bad templates and changes to built-in ones', async () => {
    const a = app();
    const twice = { ...MINE, questions: [MINE.questions[0], MINE.questions[0]] };
    expect((await post(a, '/api/templates', twice)).status).toBe(400);
    expect((await post(a, '/api/templates', { ...MINE, constraint: { mode: 'no-such-mode' } })).status).toBe(400);
    expect((await post(a, '/api/templates', { ...MINE, questions: [{ stage: 'listening', question: 'x' }] })).status).toBe(400);
    expect((await a.request('/api/templates/builtin:dorian', { method: 'DELETE' })).status).toBe(403);
  });
});

describe('songs made from a template', () => {
  it('opens the conversation with the template\'s first question and follows its flow', async () => {
    const a = makeApp(t.db);
    const song = await json<{ id: string }>(await post(a, '/api/songs', { title: 'Opener', templateId: 'builtin:light-opener' }), 201);
    const { messages } = await json<{ messages: { role: string; text: string }[] }>(await a.request(`/api/songs/${song.id}/messages`), 200);
    const opener = BUILTIN_TEMPLATES.find((x) => x.id === 'builtin:light-opener')!;
    expect(messages).toHaveLength(1);
    expect(messages[0]!.role).toBe('assistant');
    expect(messages[0]!.text).toContain(opener.questions[0]!.question);
    const turn = await say(a, song.id, 'a friend sent me a silly photo');
    expect(turn.stage).toBe('images');
    expect(turn.reply.text).toContain(opener.questions[1]!.question);
  });

  it('keeps a template\'s mode in the first sketch (write in Dorian)', async () => {
    const a = makeApp(t.db);
    const song = await json<{ id: string }>(await post(a, '/api/songs', { templateId: 'builtin:dorian' }), 201);
    const turn = await say(a, song.id, 'just make something happy in C major');
    expect(turn.version?.params.mode).toBe('dorian');
    expect(turn.version?.params.rationale[0]).toMatchObject({ aspect: 'mode' });
  });

  it('makes no song for an unknown template', async () => {
    const a = makeApp(t.db);
    expect((await post(a, '/api/songs', { templateId: 'nope' })).status).toBe(404);
    expect((await json<{ songs: unknown[] }>(await a.request('/api/songs'), 200)).songs).toEqual([]);
  });

  it('leaves a song made without a template on the default opening', async () => {
    const a = makeApp(t.db);
    const id = await newSong(a);
    expect((await json<{ messages: unknown[] }>(await a.request(`/api/songs/${id}/messages`), 200)).messages).toEqual([]);
  });
});

describe('templates in group mode', () => {
  it('lets only facilitators write; participants use what they wrote', async () => {
    const app = groupApp(t.db);
    const fac = await browser(app, 'fac');
    const ana = await browser(app, 'ana');
    expect((await ana.request('/api/templates', { method: 'POST', json: MINE })).status).toBe(403);
    const made = await json<Template>(await fac.request('/api/templates', { method: 'POST', json: MINE }), 201);
    const seen = (await json<{ templates: Template[] }>(await ana.request('/api/templates'), 200)).templates.find((x) => x.id === made.id);
    expect(seen).toMatchObject({ name: MINE.name, editable: false });
    expect((await ana.request(`/api/templates/${made.id}`, { method: 'DELETE' })).status).toBe(403);
    const song = await json<{ id: string }>(await ana.request('/api/songs', { method: 'POST', json: { templateId: made.id } }), 201);
    const { messages } = await json<{ messages: { text: string }[] }>(await ana.request(`/api/songs/${song.id}/messages`), 200);
    expect(messages[0]!.text).toContain(MINE.questions[0]!.question);
  });

  it('refuses a participant\'s edit of a facilitator\'s template (PUT 403) and leaves it unchanged', async () => {
    const app = groupApp(t.db);
    const fac = await browser(app, 'fac');
    const ana = await browser(app, 'ana');
    const made = await json<Template>(await fac.request('/api/templates', { method: 'POST', json: MINE }), 201);
    expect((await ana.request(`/api/templates/${made.id}`, { method: 'PUT', json: { ...MINE, name: 'Hijacked' } })).status).toBe(403);
    expect((await json<Template>(await fac.request(`/api/templates/${made.id}`), 200)).name).toBe(MINE.name);
  });

  // The design (server/templates/service.ts, docs/API.md): facilitators share templates for use,
  // but each edits and deletes only their own, so one facilitator's session plan cannot be
  // rewritten under them by a colleague.
  it('lets another facilitator use a template but not change or delete it', async () => {
    const app = groupApp(t.db);
    const fac = await browser(app, 'fac');
    const ben = await browser(app, 'ben');
    await json(await fac.request(`/api/users/${ben.id}`, { method: 'PATCH', json: { role: 'facilitator' } }), 200);
    const made = await json<Template>(await fac.request('/api/templates', { method: 'POST', json: MINE }), 201);
    expect(await json<Template>(await ben.request(`/api/templates/${made.id}`), 200)).toMatchObject({ name: MINE.name, editable: false });
    expect((await ben.request(`/api/templates/${made.id}`, { method: 'PUT', json: { ...MINE, name: 'Mine now' } })).status).toBe(403);
    expect((await ben.request(`/api/templates/${made.id}`, { method: 'DELETE' })).status).toBe(403);
    expect(await json<Template>(await fac.request(`/api/templates/${made.id}`), 200)).toMatchObject({ name: MINE.name, editable: true });
    await json(await ben.request('/api/songs', { method: 'POST', json: { templateId: made.id } }), 201);
  });
});
