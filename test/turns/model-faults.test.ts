/**
 * Through POST /api/songs/:id/turns with a stand-in model over real HTTP: a model that hangs costs
 * a turn ONE deadline however many calls the turn would make; a runaway reply falls back offline
 * and says so (never a 400 on the musician's words); a 429 with Retry-After is honoured; a model
 * quoting the draft, as the prompt asks, is not mistaken for a leak.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { listMessages } from '../../server/journal/index.ts';
import { resetBreakers } from '../../server/llm/breaker.ts';
import { fallbackNotice } from '../../server/llm/fallback.ts';
import { sharedPglite } from '../support/db.ts';
import { startFakeLlm, type FakeLlm } from '../support/fake-llm.ts';
import { ANSWERS, makeApp, newSong, say } from './helpers.ts';

const t = sharedPglite();
let llm: FakeLlm;
beforeAll(async () => {
  llm = await startFakeLlm();
});
afterAll(() => llm.close());
beforeEach(() => {
  llm.reset();
  resetBreakers();
});

describe('a model cannot hurt a turn', () => {
  it('a hanging model costs a sketch turn one deadline: after the summary times out, interpret and guide are not even sent', async () => {
    // Enough offline turns that the next one folds older turns into the summary first.
    const offline = makeApp(t.db);
    const id = await newSong(offline);
    for (const text of ANSWERS) await say(offline, id, text);
    // Long enough that even a busy machine sends the first call before the deadline passes.
    const app = makeApp(t.db, llm.url, 5000);
    llm.script({ kind: 'hang' }, { kind: 'hang' }, { kind: 'hang' }, { kind: 'hang' });
    const r = await say(app, id, 'just play something');
    expect(r.version).not.toBeNull();
    expect(r.fallback).toBe(fallbackNotice('timeout'));
    // One call waited out the deadline; each later call found it spent and was never sent.
    expect(llm.requests).toHaveLength(1);
    expect(llm.requests[0]!.body.response_format).toBeUndefined(); // the summary, not interpret
  });

  it('a 5 MB reply is cut off: the turn answers offline and says the reply ran too long', async () => {
    const app = makeApp(t.db, llm.url, 30_000);
    const id = await newSong(app);
    llm.script({ kind: 'flood', chars: 5_000_000 });
    const r = await say(app, id, 'the house is quiet now');
    expect(r.fallback).toBe(fallbackNotice('too long'));
    expect(r.reply.text.length).toBeLessThan(2000);
    expect((await listMessages(t.db, id)).map((m) => m.role)).toEqual(['user', 'assistant']);
  });

  it('after a 429 with Retry-After, later turns answer offline without asking the model', async () => {
    const app = makeApp(t.db, llm.url, 30_000);
    const id = await newSong(app);
    llm.script({ kind: 'status', status: 429, headers: { 'retry-after': '120' } });
    expect((await say(app, id, 'the house is quiet now')).fallback).toBe(fallbackNotice('rate limited'));
    expect(llm.requests).toHaveLength(1);
    expect((await say(app, id, 'tender, and a little hopeful')).fallback).toBe(fallbackNotice('rate limited'));
    expect(llm.requests).toHaveLength(1);
  });

  it('a model that quotes the draft word for word is used, not thrown away as a leak', async () => {
    const app = makeApp(t.db, llm.url, 30_000);
    const id = await newSong(app);
    // Learn the offline draft for this step, then have the model quote it whole.
    const offline = makeApp(t.db);
    const probe = await newSong(offline);
    const draft = (await say(offline, probe, 'the house is quiet now')).reply.text;
    expect(draft.length).toBeGreaterThan(48);
    const quoting = `Thank you for telling me. ${draft}`;
    for (let i = 0; i < 3; i++) llm.script({ kind: 'text', text: quoting });
    const r = await say(app, id, 'the house is quiet now');
    expect(r.fallback).toBeNull();
    expect(r.reply.text).toContain(draft);
  });
});
