import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { parseParams } from '../../music/params.ts';
import { guideText } from '../../server/guide/index.ts';
import { getConversation, listMessages, messageRows } from '../../server/journal/index.ts';
import type { TurnResult } from '../../server/turns/shapes.ts';
import { sharedPglite } from '../support/db.ts';
import { startFakeLlm, type FakeLlm } from '../support/fake-llm.ts';
import { makeApp, newSong, post, say, sseEvents, type App } from './helpers.ts';

const t = sharedPglite();
let llm: FakeLlm;
let app: App;
beforeAll(async () => {
  llm = await startFakeLlm();
});
afterAll(() => llm.close());
beforeEach(() => {
  llm.reset();
  // A deadline no busy machine comes near; only the timeout case below uses a short one.
  app = makeApp(t.db, llm.url, 30_000);
});

const FALLBACK = (reason: string) => `The language model didn't answer (${reason}), so the offline guide answered this turn.`;
const streamed = () => llm.requests.filter((r) => r.body.stream);

describe('POST /api/songs/:id/turns with a language model', () => {
  it('streams the model\'s reply, records its tokens and names it as the provider', async () => {
    const id = await newSong(app);
    llm.script({ kind: 'text', text: 'You said “the house is quiet now”. What do you feel when you picture it?' });
    const r = await say(app, id, 'the house is quiet now');
    // The first reply opens with the plain word on what the guide is, then the model's words as they came.
    expect(r.reply.text).toBe(`${guideText('en').disclosure}\n\nYou said “the house is quiet now”. What do you feel when you picture it?`);
    expect(r.fallback).toBeNull();
    expect(r.reply.meta.provider).toBe('fake-model');
    const rows = await messageRows(t.db, id);
    expect(rows[1]).toMatchObject({ promptTokens: llm.requests[0]!.promptTokens });
    expect(rows[1]!.completionTokens).toBeGreaterThan(0);
    // The newest message goes in as quoted data, never as an instruction.
    expect(llm.requests[0]!.body.messages.at(-1)!.content).toContain('<data name="message">\n"the house is quiet now"\n</data>');
  });

  it('stores the user\'s message before calling the model', async () => {
    const id = await newSong(app);
    llm.script({ kind: 'slow', delayMs: 300 });
    const pending = say(app, id, 'the house is quiet now');
    while (llm.requests.length === 0) await new Promise((r) => setTimeout(r, 5));
    const during = await listMessages(t.db, id);
    expect(during.map((m) => [m.role, m.text])).toEqual([['user', 'the house is quiet now']]);
    await pending;
  });

  it.each([
    [{ kind: 'hang' } as const, 'timeout'],
    [{ kind: 'status', status: 429 } as const, 'rate limited'],
    [{ kind: 'status', status: 500 } as const, 'server error'],
    [{ kind: 'cut', text: 'You sa' } as const, 'cut stream'],
  ])('falls back to the offline guide on %o and says so (%s)', async (reply, reason) => {
    if (reply.kind === 'hang') app = makeApp(t.db, llm.url, 400);
    const id = await newSong(app);
    llm.script(reply);
    const r = await say(app, id, 'the house is quiet now');
    expect(r.fallback).toBe(FALLBACK(reason));
    expect(r.reply.meta).toMatchObject({ fallback: FALLBACK(reason), provider: 'offline' });
    expect(r.reply.text).toContain('“the house is quiet now”');
    expect(r.stage).toBe('feeling');
    const messages = await listMessages(t.db, id);
    expect(messages.map((m) => m.role)).toEqual(['user', 'assistant']);
    // The prompt was sent even though no answer came: its tokens are estimated and recorded.
    expect((await messageRows(t.db, id))[1]!.promptTokens).toBeGreaterThan(100);
  });

  it('interprets the first sketch with structured output, then phrases the reply', async () => {
    const id = await newSong(app);
    llm.script(
      { kind: 'json', value: { key: 'D', mode: 'minor', tempo: 72, rationale: [{ aspect: 'mode', choice: 'D minor', because: 'you said "sad"' }] } },
      { kind: 'text', text: 'Here is a first sketch in D minor at 72 bpm. Closer, or further?' },
    );
    const r = await say(app, id, 'just make something sad in D minor');
    expect(r.version).toMatchObject({ key: 'D', mode: 'minor', tempo: 72, number: 1 });
    expect(r.fallback).toBeNull();
    expect(llm.requests.map((q) => (q.body.stream ? 'stream' : q.body.response_format?.type))).toEqual(['json_schema', 'stream']);
  });

  it('repairs an invalid answer once, and falls back to the offline interpreter when the repair fails too', async () => {
    const id = await newSong(app);
    llm.script({ kind: 'json', value: { tempo: 999 } }, { kind: 'text', text: 'still {not json' });
    const r = await say(app, id, 'just make something sad in D minor');
    expect(r.fallback).toBe(FALLBACK('invalid output'));
    expect(() => parseParams(r.version!.params)).not.toThrow();
    expect(r.version!.params.tempo).toBeLessThanOrEqual(240);
    // After a failure the turn stays offline: no guide stream is attempted.
    expect(streamed()).toHaveLength(0);
  });

  it('answers json_schema rejections by asking again in JSON mode', async () => {
    const id = await newSong(app);
    llm.script({ kind: 'reject-json-schema' }, { kind: 'json', value: { key: 'E', mode: 'dorian', tempo: 88 } });
    const r = await say(app, id, 'just make something restless');
    expect(r.version).toMatchObject({ key: 'E', mode: 'dorian', tempo: 88 });
    expect(r.fallback).toBeNull();
  });

  it('never calls the model for a crisis message', async () => {
    const id = await newSong(app);
    const r = await say(app, id, 'I want to kill myself');
    expect(r.crisis).toBe(true);
    expect(llm.requests).toHaveLength(0);
  });

  it('streams stored, deltas and done — and after a cut stream, done carries the offline reply', async () => {
    const id = await newSong(app);
    llm.script({ kind: 'text', text: 'You said “the house is quiet now”. What do you feel?' }, { kind: 'cut', text: 'So the heart' });
    let res = await post(app, `/api/songs/${id}/turns`, { text: 'the house is quiet now' }, { accept: 'text/event-stream' });
    let events = sseEvents(await res.text());
    expect(events[0]!.event).toBe('stored');
    expect(events.at(-1)!.event).toBe('done');
    const deltas = events.filter((e) => e.event === 'delta').map((e) => (e.data as { text: string }).text);
    expect(deltas.length).toBeGreaterThan(2);
    expect(deltas.join('')).toBe((events.at(-1)!.data as TurnResult).reply.text);

    res = await post(app, `/api/songs/${id}/turns`, { text: 'tender, in my chest' }, { accept: 'text/event-stream' });
    events = sseEvents(await res.text());
    const done = events.at(-1)!.data as TurnResult;
    expect(events.map((e) => e.event)).toEqual(['stored', 'delta', 'done']);
    expect(done.fallback).toBe(FALLBACK('cut stream'));
    expect(done.reply.text).toMatch(/tender/);
    expect(done.reply.text).toContain(guideText('en').stages.message.question);
  });

  it('sends an error event naming the stored message when the turn fails after storing it', async () => {
    const id = await newSong(app);
    llm.script({ kind: 'slow', delayMs: 250 });
    const pending = post(app, `/api/songs/${id}/turns`, { text: 'the house is quiet now' }, { accept: 'text/event-stream' }).then((r) => r.text());
    while (llm.requests.length === 0) await new Promise((r) => setTimeout(r, 5));
    // The song disappears while the model is thinking: the reply has nowhere to go.
    expect((await app.request(`/api/songs/${id}`, { method: 'DELETE' })).status).toBe(204);
    const events = sseEvents(await pending);
    const names = events.map((e) => e.event);
    expect(names[0]).toBe('stored');
    expect(names.at(-1)).toBe('error');
    expect(new Set(names.slice(1, -1))).toEqual(new Set(['delta']));
    const stored = events[0]!.data as { message: { id: string } };
    expect(events.at(-1)!.data).toEqual({ code: 'NOT_FOUND', message: expect.any(String), userMessageId: stored.message.id });
  });

  it('keeps the prompt flat: the guide prompt at turn 24 is no bigger than 1.5× turn 5', async () => {
    const id = await newSong(app);
    await say(app, id, 'just make something gentle about the quiet after the move');
    for (let i = 0; i < 23; i++) await say(app, id, i % 2 ? 'a little slower, and softer in the verse please' : 'brighter in the chorus, with more space');
    const sizes = streamed().map((r) => r.promptChars);
    expect(sizes).toHaveLength(24);
    expect(sizes[23]!).toBeLessThanOrEqual(1.5 * sizes[4]!);
    // And the summary request ran: the conversation was folded.
    expect(llm.requests.some((r) => r.body.messages[0]!.content.includes('running summary'))).toBe(true);
    const c = await getConversation(t.db, id);
    expect(c.summary).toBe('Summary: a song about the quiet after the move, for my sister.');
    expect(c.summaryUpTo).toBeGreaterThan(0);
  });
});
