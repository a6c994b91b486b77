/**
 * Words are never lost, and never doubled: a turn re-sent with the same Idempotency-Key is stored
 * and answered once (sequentially, concurrently, while the first is still being answered, and after
 * the first request died); an over-long message is refused with a 400 naming the limit. Over real
 * HTTP routing (app.request) on both journal backends.
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { appendMessage, listMessages } from '../../server/journal/index.ts';
import { MAX_MESSAGE_CHARS } from '../../server/journal/limits.ts';
import type { TurnResult } from '../../server/turns/shapes.ts';
import { claimAnswer, renewAnswer } from '../../server/journal/answering.ts';
import { answerHolding, STALE_MS } from '../../server/turns/idempotent.ts';
import { loadConfig } from '../../server/config.ts';
import { createLogger } from '../../server/log.ts';
import { backends, rowCounts } from '../support/db.ts';
import { ANSWERS, makeApp, newSong, post, say, sseEvents, type App } from './helpers.ts';

const turn = (app: App, id: string, text: string, key: string, headers: Record<string, string> = {}) =>
  post(app, `/api/songs/${id}/turns`, { text }, { 'idempotency-key': key, ...headers });

async function ok(res: Response): Promise<TurnResult> {
  expect(res.status, await res.clone().text()).toBe(200);
  return (await res.json()) as TurnResult;
}

for (const b of backends) {
  describe.skipIf(b.skip)(`Idempotency-Key on turns (${b.name})`, () => {
    const t = b.open();

    it('stores and answers a message once when the same key is sent twice, and gives back the same ids', async () => {
      const app = makeApp(t.db);
      const id = await newSong(app);
      const key = randomUUID();
      const first = await ok(await turn(app, id, ANSWERS[0]!, key));
      const again = await ok(await turn(app, id, ANSWERS[0]!, key));
      expect(again.userMessage.id).toBe(first.userMessage.id);
      expect(again.reply).toEqual(first.reply);
      expect(again.stage).toBe(first.stage);
      expect(again.suggestions).toEqual(first.suggestions);
      const messages = await listMessages(t.db, id);
      expect(messages.map((m) => m.role)).toEqual(['user', 'assistant']);
      expect(messages.map((m) => m.seq)).toEqual([1, 2]);
    });

    it('gives back the first sketch, not a second version, when the sketching turn is repeated', async () => {
      const app = makeApp(t.db);
      const id = await newSong(app);
      for (const text of ANSWERS) await say(app, id, text);
      const key = randomUUID();
      const first = await ok(await turn(app, id, 'yes', key));
      expect(first.version?.number).toBe(1);
      const again = await ok(await turn(app, id, 'yes', key));
      expect(again.version?.id).toBe(first.version!.id);
      expect(again.changes).toEqual(first.changes);
      expect(again.intention?.text).toBe(first.intention!.text);
      expect((await rowCounts(t.db)).versions).toBe(1);
    });

    it('gives back the proposed intention when the turn that proposed it is repeated', async () => {
      const app = makeApp(t.db);
      const id = await newSong(app);
      for (const text of ANSWERS.slice(0, -1)) await say(app, id, text);
      const key = randomUUID();
      const first = await ok(await turn(app, id, ANSWERS.at(-1)!, key));
      expect(first.proposedIntention).toBeTruthy();
      const again = await ok(await turn(app, id, ANSWERS.at(-1)!, key));
      expect(again.proposedIntention).toBe(first.proposedIntention);
      expect(again.reply.id).toBe(first.reply.id);
    });

    it('describes the Idempotency-Key header and the 409 in the OpenAPI document', async () => {
      const doc = (await (await makeApp(t.db).request('/api/openapi.json')).json()) as {
        paths: Record<string, { post: { parameters: { name: string; in: string }[]; responses: Record<string, unknown> } }>;
      };
      const op = doc.paths['/api/songs/{id}/turns']!.post;
      expect(op.parameters.map((p) => `${p.in}:${p.name.toLowerCase()}`)).toContain('header:idempotency-key');
      expect(Object.keys(op.responses)).toEqual(expect.arrayContaining(['200', '400', '409', '413']));
    });

    it('replays the stored turn as SSE (stored, the reply text, done) for a repeat that asks for a stream', async () => {
      const app = makeApp(t.db);
      const id = await newSong(app);
      const key = randomUUID();
      const first = await ok(await turn(app, id, ANSWERS[0]!, key));
      const res = await turn(app, id, ANSWERS[0]!, key, { accept: 'text/event-stream' });
      const events = sseEvents(await res.text());
      expect(events.map((e) => e.event)).toEqual(['stored', 'delta', 'done']);
      expect((events[0]!.data as { message: { id: string } }).message.id).toBe(first.userMessage.id);
      expect((events[1]!.data as { text: string }).text).toBe(first.reply.text);
      expect((events[2]!.data as TurnResult).reply.id).toBe(first.reply.id);
      expect((await rowCounts(t.db)).messages).toBe(2);
    });

    it('finishes a turn whose stream the client dropped after `stored`, and gives that answer to the repeat', async () => {
      const app = makeApp(t.db);
      const id = await newSong(app);
      const key = randomUUID();
      const res = await turn(app, id, ANSWERS[0]!, key, { accept: 'text/event-stream' });
      const reader = res.body!.getReader();
      const first = new TextDecoder().decode((await reader.read()).value);
      expect(first).toContain('event: stored');
      await reader.cancel(); // the connection is gone
      const again = await ok(await turn(app, id, ANSWERS[0]!, key));
      const stored = await listMessages(t.db, id);
      expect(stored.map((m) => m.role)).toEqual(['user', 'assistant']);
      expect(again.userMessage.id).toBe(stored[0]!.id);
      expect(again.reply.id).toBe(stored[1]!.id);
    });

    it('answers once when the same message arrives several times at once', async () => {
      const app = makeApp(t.db);
      const id = await newSong(app);
      const key = randomUUID();
      const results = await Promise.all(Array.from({ length: 5 }, () => turn(app, id, ANSWERS[0]!, key).then(ok)));
      expect(new Set(results.map((r) => r.userMessage.id)).size).toBe(1);
      expect(new Set(results.map((r) => r.reply.id)).size).toBe(1);
      const messages = await listMessages(t.db, id);
      expect(messages.map((m) => [m.seq, m.role])).toEqual([[1, 'user'], [2, 'assistant']]);
    });

    it('waits for the answer the first request is still making instead of answering again', async () => {
      const app = makeApp(t.db);
      const id = await newSong(app);
      const key = randomUUID();
      // The first request has stored the message and holds the lease: it is answering right now.
      const stored = await appendMessage(t.db, { songId: id, role: 'user', text: ANSWERS[0]!, idempotencyKey: key, answering: true });
      const repeat = turn(app, id, ANSWERS[0]!, key).then(ok);
      // …and then its answer lands.
      const reply = await appendMessage(t.db, { songId: id, role: 'assistant', text: 'the first answer', replyTo: stored.id, meta: { stage: 'feeling' } });
      const result = await repeat;
      expect(result.userMessage.id).toBe(stored.id);
      expect(result.reply.id).toBe(reply.id);
      expect(result.reply.text).toBe('the first answer');
      expect((await listMessages(t.db, id)).length).toBe(2);
    });

    it('answers a message whose first request died (its lease went stale), once', async () => {
      const app = makeApp(t.db);
      const id = await newSong(app);
      const key = randomUUID();
      const stored = await appendMessage(t.db, { songId: id, role: 'user', text: ANSWERS[0]!, idempotencyKey: key, answering: true });
      await t.db.orm.execute(sql`update messages set answering_since = now() - interval '1 hour' where id = ${stored.id}`);
      const [a, c] = await Promise.all([turn(app, id, ANSWERS[0]!, key).then(ok), turn(app, id, ANSWERS[0]!, key).then(ok)]);
      expect(a.userMessage.id).toBe(stored.id);
      expect(c.reply.id).toBe(a.reply.id);
      expect((await listMessages(t.db, id)).map((m) => m.role)).toEqual(['user', 'assistant']);
    });

    it('gives the lease back when answering fails, so Retry can answer at once; a renewed lease is not taken over', async () => {
      const app = makeApp(t.db);
      const id = await newSong(app);
      const deps = { db: t.db, config: loadConfig({ INNERCHORD_OFFLINE: '1', INNERCHORD_LOG: 'silent' }), log: createLogger('silent') };
      const failing = await appendMessage(t.db, { songId: id, role: 'user', text: 'first', answering: true });
      expect(await claimAnswer(t.db, failing.id, STALE_MS)).toBe(false); // held by its own request
      await expect(answerHolding(deps, failing, () => Promise.reject(new Error('the model fell over')))).rejects.toThrow('fell over');
      expect(await claimAnswer(t.db, failing.id, STALE_MS)).toBe(true);

      const live = await appendMessage(t.db, { songId: id, role: 'user', text: 'second', answering: true });
      await t.db.orm.execute(sql`update messages set answering_since = now() - interval '1 hour' where id = ${live.id}`);
      await renewAnswer(t.db, live.id); // its request is alive after all
      expect(await claimAnswer(t.db, live.id, STALE_MS)).toBe(false);
    });

    it('answers an unanswered message once when Retry is pressed twice at once', async () => {
      const app = makeApp(t.db);
      const id = await newSong(app);
      await appendMessage(t.db, { songId: id, role: 'user', text: ANSWERS[0]! });
      const [a, c] = await Promise.all([post(app, `/api/songs/${id}/turns/retry`, {}).then(ok), post(app, `/api/songs/${id}/turns/retry`, {}).then(ok)]);
      expect(c.reply.id).toBe(a.reply.id);
      expect((await listMessages(t.db, id)).map((m) => m.role)).toEqual(['user', 'assistant']);
    });

    it('refuses the same key with other words (409), storing nothing new', async () => {
      const app = makeApp(t.db);
      const id = await newSong(app);
      const key = randomUUID();
      await ok(await turn(app, id, ANSWERS[0]!, key));
      const res = await turn(app, id, 'something else entirely', key);
      expect(res.status).toBe(409);
      expect(((await res.json()) as { error: { code: string; message: string } }).error.message).toMatch(/Idempotency-Key/);
      expect((await rowCounts(t.db)).messages).toBe(2);
    });

    it('refuses a malformed key with a 400 naming the header', async () => {
      const app = makeApp(t.db);
      const id = await newSong(app);
      const res = await turn(app, id, ANSWERS[0]!, 'has spaces in it');
      expect(res.status).toBe(400);
      expect(((await res.json()) as { error: { message: string } }).error.message).toMatch(/idempotency-key/i);
      expect((await rowCounts(t.db)).messages).toBe(0);
    });

    it('keeps keys per song: the same key on two songs is two messages', async () => {
      const app = makeApp(t.db);
      const [one, two] = [await newSong(app), await newSong(app)];
      const key = randomUUID();
      const a = await ok(await turn(app, one, ANSWERS[0]!, key));
      const c = await ok(await turn(app, two, ANSWERS[0]!, key));
      expect(c.userMessage.id).not.toBe(a.userMessage.id);
    });

    it('stores a whole lyric sheet at the limit, every character, and refuses one character more with a 400 naming the limit', async () => {
      const app = makeApp(t.db);
      const id = await newSong(app);
      const verse = '[verse]\nBoxes in the hallway, rain on the window\nthe quiet after the move\n';
      const sheet = verse.repeat(Math.ceil(MAX_MESSAGE_CHARS / verse.length)).slice(0, MAX_MESSAGE_CHARS - 1) + '.';
      expect(sheet.length).toBe(MAX_MESSAGE_CHARS);
      const stored = await ok(await turn(app, id, sheet, randomUUID()));
      expect(stored.userMessage.text).toBe(sheet);
      expect((await listMessages(t.db, id))[0]!.text.length).toBe(MAX_MESSAGE_CHARS);

      const res = await turn(app, id, `${sheet}!`, randomUUID());
      expect(res.status).toBe(400);
      const error = ((await res.json()) as { error: { code: string; message: string; field: string } }).error;
      expect(error).toMatchObject({ code: 'INVALID_INPUT', field: 'text' });
      expect(error.message).toContain(MAX_MESSAGE_CHARS.toLocaleString('en-US'));
      expect(error.message).toMatch(/split it|note/);
      expect((await rowCounts(t.db)).messages).toBe(2);
    });

    it('refuses a body over 1 MiB with a 413 that says so, storing nothing', async () => {
      const app = makeApp(t.db);
      const id = await newSong(app);
      const res = await turn(app, id, 'x'.repeat(1024 * 1024 + 10), randomUUID());
      expect(res.status).toBe(413);
      expect(((await res.json()) as { error: { code: string; message: string } }).error).toMatchObject({ code: 'PAYLOAD_TOO_LARGE', message: expect.stringMatching(/1 MiB/) });
      expect((await rowCounts(t.db)).messages).toBe(0);
    });
  });
}
