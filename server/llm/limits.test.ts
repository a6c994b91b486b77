/**
 * What a model cannot do to the server, through the real HTTP seam (a stand-in OpenAI server):
 * stream without end (the reply is cut at its cap), repeat the instructions (caught, linearly, and
 * only the instructions — quoting the draft is the job), ask us to back off (the breaker honours
 * Retry-After), or hang (one deadline covers every call of a turn).
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startFakeLlm, type FakeLlm } from '../../test/support/fake-llm.ts';
import { pause, pausedFor, resetBreakers, retryAfterMs, MAX_PAUSE_MS } from './breaker.ts';
import { budgetMs, completeChat, LlmFailure, MAX_REPLY_CHARS, streamChat, withTurnDeadline, type LlmSettings } from './client.ts';
import { guidePrompt, guideReplyWithLlm } from './guide.ts';
import { guardDeltas, instructionsOf, LeakScanner, leaksPrompt, WINDOW } from './leak.ts';

let llm: FakeLlm;
let s: LlmSettings;
beforeAll(async () => {
  llm = await startFakeLlm();
  s = { mode: 'llm', apiKey: 'test', baseURL: llm.url, model: 'fake-model', timeoutMs: 30_000 };
});
afterAll(() => llm.close());
beforeEach(() => {
  llm.reset();
  resetBreakers();
});

async function failure(p: Promise<unknown>): Promise<LlmFailure> {
  try {
    await p;
  } catch (error) {
    if (error instanceof LlmFailure) return error;
    throw error;
  }
  throw new Error('expected an LlmFailure');
}

/** A small seeded generator (mulberry32), so a failing case can be replayed. */
function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The old, quadratic-but-obvious definition the scanner must agree with. */
function naiveLeak(text: string, prompt: string): boolean {
  const norm = (x: string) => x.replace(/\s+/g, ' ').toLowerCase();
  const p = norm(prompt);
  const t = norm(text);
  for (let i = 0; i + WINDOW <= t.length; i++) if (p.includes(t.slice(i, i + WINDOW))) return true;
  return false;
}

describe('the leak check', () => {
  const input = {
    step: 'sketch',
    draft: 'Here is a first sketch: D minor, 72 bpm, soft piano and a slow pulse under your words "the house is quiet now". Closer, or further?',
    summary: 'They are writing for their sister about the quiet after the move.',
    recent: [],
    message: 'the house is quiet now',
    language: 'en',
  };

  it('agrees with the plain definition on seeded random replies cut into random deltas', () => {
    const prompt = instructionsOf(guidePrompt(input).system);
    for (let seed = 1; seed <= 200; seed++) {
      const r = rng(seed);
      // Half the cases splice in a run of the prompt, with its whitespace and case disturbed.
      const at = Math.floor(r() * (prompt.length - 80));
      const run = prompt.slice(at, at + WINDOW + Math.floor(r() * 30)).replace(/ /g, r() < 0.5 ? '  ' : '\n').toUpperCase();
      const filler = () => Array.from({ length: Math.floor(r() * 40) }, () => 'abc de fgh\t'[Math.floor(r() * 11)]).join('');
      const text = r() < 0.5 ? filler() + run + filler() : filler() + filler() + filler();
      const scanner = new LeakScanner(prompt);
      let found = false;
      for (let i = 0; i < text.length && !found; ) {
        const n = 1 + Math.floor(r() * 9);
        found = scanner.push(text.slice(i, i + n));
        i += n;
      }
      const expected = naiveLeak(text, prompt);
      if (found !== expected) throw new Error(`seed ${seed}: scanner said ${found}, the definition ${expected} for ${JSON.stringify(text)}`);
    }
  });

  it('lets the model quote the draft word for word: the draft is data, not instructions', async () => {
    expect(input.draft.length).toBeGreaterThan(WINDOW);
    llm.script({ kind: 'text', text: `Lovely. ${input.draft}` });
    const deltas: string[] = [];
    const r = await guideReplyWithLlm(s, input, (d) => void deltas.push(d));
    expect(r.text).toBe(`Lovely. ${input.draft}`);
    expect(deltas.join('')).toBe(r.text);
  });

  it('still stops a reply that repeats the instructions, and never shows them', async () => {
    const system = guidePrompt(input).system;
    llm.script({ kind: 'text', text: `Sure. ${system.slice(0, 300)}` });
    const deltas: string[] = [];
    expect((await failure(guideReplyWithLlm(s, input, (d) => void deltas.push(d)))).reason).toBe('invalid output');
    expect(leaksPrompt(deltas.join(''), system)).toBe(false);
  });

  it('holds the last WINDOW characters back until the reply is finished', async () => {
    const shown: string[] = [];
    const guard = guardDeltas('nothing secret here', (d) => void shown.push(d));
    for (const word of 'one two three four five six seven eight nine ten eleven twelve thirteen'.split(' ')) await guard.push(`${word} `);
    expect(shown.join('').length).toBeLessThan('one two three four five six seven eight nine ten eleven twelve thirteen '.length);
    await guard.finish();
    expect(shown.join('')).toBe('one two three four five six seven eight nine ten eleven twelve thirteen ');
  });
});

describe('the reply cap', () => {
  it('cuts a streamed reply of 5 MB off at the cap and says why', async () => {
    llm.script({ kind: 'flood', chars: 5_000_000 });
    let shown = 0;
    const f = await failure(streamChat(s, [{ role: 'user', content: 'hi' }], (d) => void (shown += d.length)));
    expect(f.reason).toBe('too long');
    expect(shown).toBeLessThanOrEqual(MAX_REPLY_CHARS);
    // The prompt was sent and some of the reply came: both are counted.
    expect(f.usage!.completionTokens).toBeGreaterThan(0);
  });

  it('stops reading a non-streamed answer past its byte cap', async () => {
    llm.script({ kind: 'flood', chars: 2_000_000 });
    expect((await failure(completeChat(s, [{ role: 'user', content: 'hi' }]))).reason).toBe('too long');
  });
});

describe('the circuit breaker', () => {
  it('reads Retry-After as seconds, as an HTTP date, and OpenAI\'s retry-after-ms first', () => {
    const now = Date.parse('2026-01-01T00:00:00Z');
    expect(retryAfterMs(new Headers({ 'retry-after': '20' }), now)).toBe(20_000);
    expect(retryAfterMs(new Headers({ 'retry-after': 'Thu, 01 Jan 2026 00:00:30 GMT' }), now)).toBe(30_000);
    expect(retryAfterMs(new Headers({ 'retry-after': '20', 'retry-after-ms': '1500' }), now)).toBe(1500);
    expect(retryAfterMs(new Headers({ 'retry-after': 'soon' }), now)).toBeNull();
    expect(retryAfterMs(new Headers({}), now)).toBeNull();
    expect(retryAfterMs(new Headers({ 'retry-after': '999999' }), now)).toBe(MAX_PAUSE_MS);
  });

  it('sends nothing to a server that answered 429 with Retry-After until the pause is over', async () => {
    llm.script({ kind: 'status', status: 429, headers: { 'retry-after': '30' } });
    const messages = [{ role: 'user' as const, content: 'hi' }];
    expect((await failure(completeChat(s, messages))).reason).toBe('rate limited');
    expect(llm.requests).toHaveLength(1);
    const second = await failure(completeChat(s, messages));
    expect(second.reason).toBe('rate limited');
    expect(second.usage).toEqual({ promptTokens: 0, completionTokens: 0 });
    expect(llm.requests).toHaveLength(1);
    // Another model on the same server has its own breaker; the pause ends when it says.
    expect(pausedFor(s.baseURL, 'other-model')).toBe(0);
    const at = Date.now();
    expect(pausedFor(s.baseURL, s.model, at)).toBeGreaterThan(25_000);
    expect(pausedFor(s.baseURL, s.model, at + 31_000)).toBe(0);
  });

  it('keeps asking after a 429 that names no pause', async () => {
    llm.script({ kind: 'status', status: 429 });
    const messages = [{ role: 'user' as const, content: 'hi' }];
    expect((await failure(completeChat(s, messages))).reason).toBe('rate limited');
    await completeChat(s, messages);
    expect(llm.requests).toHaveLength(2);
  });

  it('never shortens a longer pause', () => {
    pause('http://x', 'm', 10_000, 0);
    pause('http://x', 'm', 1_000, 0);
    expect(pausedFor('http://x', 'm', 5_000)).toBe(5_000);
  });
});

describe('one deadline per turn', () => {
  it('gives each call what is left of the turn, and nothing once it has run out', async () => {
    const turn = withTurnDeadline({ ...s, timeoutMs: 1000 }, 50_000);
    expect(budgetMs(turn, 50_000)).toBe(1000);
    expect(budgetMs(turn, 50_600)).toBe(400);
    expect(withTurnDeadline(turn, 99_999)).toBe(turn);
    const spent = withTurnDeadline({ ...s, timeoutMs: 1000 }, Date.now() - 2000);
    const f = await failure(completeChat(spent, [{ role: 'user', content: 'hi' }]));
    expect(f.reason).toBe('timeout');
    expect(f.usage).toEqual({ promptTokens: 0, completionTokens: 0 });
    expect(llm.requests).toHaveLength(0);
  });
});
