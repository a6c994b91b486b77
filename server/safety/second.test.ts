/**
 * The LLM second opinion through the real HTTP seam: a stand-in OpenAI-compatible server
 * (test/support/fake-llm.ts on 127.0.0.1) answers the classification call. It may add an alarm
 * the offline layer missed, is never asked when the offline layer fired (so a wrong "no" cannot
 * remove one), and a slow, failing or nonsense answer leaves the turn to go on as usual.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createApp } from '../app.ts';
import { loadConfig } from '../config.ts';
import { createLogger } from '../log.ts';
import { sharedPglite } from '../../test/support/db.ts';
import { startFakeLlm, type FakeLlm } from '../../test/support/fake-llm.ts';
import { newSong, say } from '../../test/turns/helpers.ts';
import { detectCrisis } from './index.ts';
import { listMessages } from '../journal/index.ts';

const t = sharedPglite();
let llm: FakeLlm;
beforeAll(async () => {
  llm = await startFakeLlm();
});
afterAll(() => llm.close());
beforeEach(() => llm.reset());

// A generous deadline where the answer matters (a busy machine must not turn a yes into a timeout).
const app = (secondOpinionMs: string | null = '10000') =>
  createApp({
    db: t.db,
    config: loadConfig({
      INNERCHORD_LOG: 'silent', OPENAI_BASE_URL: llm.url, OPENAI_API_KEY: 'test', OPENAI_MODEL: 'fake-model', INNERCHORD_LLM_TIMEOUT_MS: '30000',
      ...(secondOpinionMs ? { INNERCHORD_SAFETY_SECOND_OPINION_MS: secondOpinionMs } : {}),
    }),
    log: createLogger('silent'),
  });

// A line the offline layer does not catch (an oblique metaphor), so only the model can raise it.
const OBLIQUE = 'I keep thinking the river would be warmer than this life';
const classifications = () => llm.requests.filter((r) => r.body.messages[0]?.content.includes('safety classifier'));

describe('the LLM second opinion', () => {
  it('is a line the offline layer really misses', () => {
    expect(detectCrisis(OBLIQUE).crisis).toBe(false);
  });

  it('adds an alarm the offline layer missed, with the severity it names, quoting the words as data', async () => {
    const a = app();
    llm.script({ kind: 'json', value: { crisis: true, category: 'ideation', severity: 'concern' } });
    const r = await say(a, await newSong(a), OBLIQUE);
    expect(r.crisis).toBe(true);
    expect(r.reply.text).toMatch(/talk to someone/);
    const [sent] = classifications();
    expect(sent!.body.messages[1]!.content).toContain(JSON.stringify(OBLIQUE));
  });

  it('is asked only after the words are stored, and marks the stored message when it raises an alarm', async () => {
    const a = app();
    const id = await newSong(a);
    llm.script({ kind: 'slow', delayMs: 200, then: { kind: 'json', value: { crisis: true, category: 'ideation', severity: 'concern' } } });
    const pending = say(a, id, OBLIQUE);
    while (classifications().length === 0) await new Promise((resolve) => setTimeout(resolve, 5));
    // The model has the words now: the journal already had them.
    expect((await listMessages(t.db, id)).map((m) => [m.role, m.text])).toEqual([['user', OBLIQUE]]);
    const r = await pending;
    expect(r.crisis).toBe(true);
    // Marked like an offline alarm, so later prompts leave the words out too.
    expect((await listMessages(t.db, id))[0]!.meta.crisis).toBe(true);
  });

  it('is never asked when the offline layer fired, so a wrong "no" cannot remove an alarm', async () => {
    const a = app();
    llm.script({ kind: 'json', value: { crisis: false } });
    const r = await say(a, await newSong(a), 'I took a bunch of pills an hour ago');
    expect(r.crisis).toBe(true);
    expect(llm.requests).toHaveLength(0);
  });

  it('lets the turn go on when the model says no', async () => {
    const a = app();
    llm.script({ kind: 'json', value: { crisis: false } });
    const r = await say(a, await newSong(a), 'a song about the sea in D minor');
    expect(r.crisis).toBe(false);
    expect(classifications()).toHaveLength(1);
  });

  it('times out fast: a model slower than the deadline counts as no opinion and the turn is answered', async () => {
    const a = app('150');
    llm.script({ kind: 'slow', delayMs: 1500, then: { kind: 'json', value: { crisis: true, category: 'ideation' } } });
    const r = await say(a, await newSong(a), OBLIQUE);
    expect(r.crisis).toBe(false);
    expect(r.reply.text.length).toBeGreaterThan(0);
  });

  it('ignores an answer out of shape or an error status', async () => {
    const a = app();
    llm.script({ kind: 'text', text: 'maybe?' });
    expect((await say(a, await newSong(a), OBLIQUE)).crisis).toBe(false);
    llm.script({ kind: 'status', status: 500 });
    expect((await say(a, await newSong(a), OBLIQUE)).crisis).toBe(false);
  });

  it('is off unless INNERCHORD_SAFETY_SECOND_OPINION_MS is set', async () => {
    const a = app(null);
    await say(a, await newSong(a), OBLIQUE);
    expect(classifications()).toHaveLength(0);
  });
});
