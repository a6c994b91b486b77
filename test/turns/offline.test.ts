import { describe, expect, it } from 'vitest';
import { MAX_MESSAGE_CHARS } from '../../server/journal/limits.ts';
import { appendMessage, getConversation, listMessages } from '../../server/journal/index.ts';
import { sharedPglite } from '../support/db.ts';
import { ANSWERS, makeApp, newSong, post, say, sseEvents } from './helpers.ts';

const t = sharedPglite();

describe('POST /api/songs/:id/turns (offline guide)', () => {
  it('guides a whole conversation to a confirmed intention and a first version, then revises on "slower"', async () => {
    const app = makeApp(t.db);
    const id = await newSong(app);
    let last;
    for (const answer of ANSWERS) last = await say(app, id, answer);
    expect(last!.stage).toBe('intention');
    expect(last!.proposedIntention).toBe("A song for my sister about the quiet after the move, tender and a little hopeful — that you're not alone.");
    expect(last!.version).toBeNull();

    const first = await say(app, id, 'yes');
    expect(first.intention).toMatchObject({ text: last!.proposedIntention, confirmed: true });
    expect(first.version).toMatchObject({ number: 1, request: 'first sketch' });
    expect(first.reply.meta).toMatchObject({ provider: 'offline', stage: 'listening', versionId: first.version!.id });
    expect(first.reply.text).toMatch(/closer to what you meant, or further/);
    expect(first.fallback).toBeNull();

    const second = await say(app, id, 'slower');
    expect(second.version).toMatchObject({ number: 2, parentId: first.version!.id, request: 'slower' });
    expect(second.version!.tempo).toBeLessThan(first.version!.tempo);
    expect(second.changes.join(' ')).toMatch(/tempo|bpm|slower/i);
    expect(second.reply.text).toContain(`Version 2`);

    const messages = await listMessages(t.db, id);
    expect(messages).toHaveLength(2 * (ANSWERS.length + 2));
    expect(messages.every((m, i) => m.role === (i % 2 === 0 ? 'user' : 'assistant'))).toBe(true);
  });

  it('reflects the musician\'s own words and offers suggestion chips', async () => {
    const app = makeApp(t.db);
    const id = await newSong(app);
    const r = await say(app, id, 'the house is quiet now');
    expect(r.reply.text).toContain('“the house is quiet now”');
    expect(r.suggestions).toEqual(["I don't know", 'skip', 'just make something']);
    expect(r.reply.meta.suggestions).toEqual(r.suggestions);
    expect(r.stage).toBe('feeling');
  });

  it('goes straight to a sketch for "just make something sad in D minor"', async () => {
    const app = makeApp(t.db);
    const id = await newSong(app);
    const r = await say(app, id, 'just make something sad in D minor');
    expect(r.version).not.toBeNull();
    expect(r.stage).toBe('listening');
  });

  it('answers crisis language with care and help lines, makes no version, and pauses the flow', async () => {
    const app = makeApp(t.db);
    const id = await newSong(app);
    const r = await say(app, id, 'just make something, I want to die');
    expect(r.crisis).toBe(true);
    expect(r.version).toBeNull();
    expect(r.reply.text).toContain('116 123');
    expect(r.reply.text).toContain('988');
    expect(r.reply.text).not.toMatch(/therapist/i);
    expect((await getConversation(t.db, id)).state).toMatchObject({ paused: true });
    const next = await say(app, id, 'thank you, I am with a friend now');
    expect(next.crisis).toBe(false);
    expect(next.version).toBeNull();
    expect(next.stage).toBe('about');
  });

  it('keeps the running summary bounded and folds old turns into it', async () => {
    const app = makeApp(t.db);
    const id = await newSong(app);
    await say(app, id, 'just make something gentle');
    for (let i = 0; i < 8; i++) await say(app, id, i % 2 ? 'slower' : 'faster');
    const c = await getConversation(t.db, id);
    expect(c.summaryUpTo).toBeGreaterThan(0);
    expect(c.summary).toContain('Recent requests after listening');
  });

  it('rejects empty and oversized messages with 400, and unknown songs with 404', async () => {
    const app = makeApp(t.db);
    const id = await newSong(app);
    for (const text of ['', '   ', 'x'.repeat(MAX_MESSAGE_CHARS + 1)]) {
      const res = await post(app, `/api/songs/${id}/turns`, { text });
      expect(res.status).toBe(400);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe('INVALID_INPUT');
    }
    expect((await post(app, '/api/songs/nope/turns', { text: 'hi' })).status).toBe(404);
    expect((await post(app, '/api/songs/nope/turns', { text: 'hi' }, { accept: 'text/event-stream' })).status).toBe(404);
    expect(await listMessages(t.db, id)).toHaveLength(0);
  });

  it('streams stored, delta and done events in that order', async () => {
    const app = makeApp(t.db);
    const id = await newSong(app);
    const res = await post(app, `/api/songs/${id}/turns`, { text: 'the house is quiet now' }, { accept: 'text/event-stream' });
    expect(res.headers.get('content-type')).toMatch(/text\/event-stream/);
    const events = sseEvents(await res.text());
    expect(events.map((e) => e.event)).toEqual(['stored', 'delta', 'done']);
    const done = events[2]!.data as { reply: { text: string }; userMessage: { id: string } };
    expect((events[0]!.data as { message: { id: string } }).message.id).toBe(done.userMessage.id);
    expect((events[1]!.data as { text: string }).text).toBe(done.reply.text);
  });

  it('retries the last unanswered message, and refuses when there is none', async () => {
    const app = makeApp(t.db);
    const id = await newSong(app);
    expect((await post(app, `/api/songs/${id}/turns/retry`, {})).status).toBe(400);
    expect((await post(app, `/api/songs/${id}/turns/retry`, {}, { accept: 'text/event-stream' })).status).toBe(400);
    const stored = await appendMessage(t.db, { songId: id, role: 'user', text: 'the house is quiet now' });
    const res = await post(app, `/api/songs/${id}/turns/retry`, {});
    expect(res.status).toBe(200);
    const r = (await res.json()) as { userMessage: { id: string }; reply: { seq: number } };
    expect(r.userMessage.id).toBe(stored.id);
    expect(r.reply.seq).toBe(2);
  });

  it('is described in the OpenAPI document', async () => {
    const doc = (await (await makeApp(t.db).request('/api/openapi.json')).json()) as { paths: Record<string, unknown> };
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/songs/{id}/turns', '/api/songs/{id}/turns/retry']));
  });
});
