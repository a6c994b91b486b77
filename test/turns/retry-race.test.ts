/**
 * Five Retry presses (or five tabs) at once on one unanswered message: one reply, on both journal
 * backends, whether the answer is quick (offline) or slow (a stand-in model that takes its time).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appendMessage, listMessages } from '../../server/journal/index.ts';
import type { TurnResult } from '../../server/turns/shapes.ts';
import { backends } from '../support/db.ts';
import { startFakeLlm, type FakeLlm } from '../support/fake-llm.ts';
import { ANSWERS, makeApp, newSong, post } from './helpers.ts';

let llm: FakeLlm;
beforeAll(async () => {
  llm = await startFakeLlm({ defaultReply: () => ({ kind: 'slow', delayMs: 150, then: { kind: 'text', text: 'I hear you. What would you like the listener to keep?' } }) });
});
afterAll(() => llm.close());

for (const b of backends) {
  describe.skipIf(b.skip)(`concurrent retries of one message (${b.name})`, () => {
    const t = b.open();
    for (const mode of ['offline', 'slow model'] as const) {
      it(`answers once when Retry arrives five times at once (${mode})`, async () => {
        const app = mode === 'offline' ? makeApp(t.db) : makeApp(t.db, llm.url, 30_000);
        const id = await newSong(app);
        await appendMessage(t.db, { songId: id, role: 'user', text: ANSWERS[0]! });
        const results = await Promise.all(Array.from({ length: 5 }, () => post(app, `/api/songs/${id}/turns/retry`, {})));
        const bodies = await Promise.all(results.map(async (r) => ({ status: r.status, body: (await r.json()) as TurnResult })));
        for (const r of bodies) expect(r.status, JSON.stringify(r.body)).toBe(200);
        expect(new Set(bodies.map((r) => r.body.reply.id)).size).toBe(1);
        expect((await listMessages(t.db, id)).map((m) => m.role)).toEqual(['user', 'assistant']);
      });
    }
  });
}
