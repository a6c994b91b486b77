import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { parseParams, SongParameters } from '../../music/params.ts';
import { startFakeLlm, type FakeLlm } from '../../test/support/fake-llm.ts';
import { LlmFailure, streamChat, type LlmSettings } from './client.ts';
import { interpretWithLlm, paramsJsonSchema, reviseWithLlm } from './interpret.ts';
import { buildPrompt } from './prompts.ts';
import { askForJson } from './structured.ts';
import { styleNames } from './styles.ts';

let llm: FakeLlm;
let s: LlmSettings;
/** For the timeout cases only: a model that never answers meets a short deadline. Every other
 *  case has a deadline no busy machine comes near, so a slow test run cannot turn it into a timeout. */
let short: LlmSettings;
beforeAll(async () => {
  llm = await startFakeLlm();
  s = { mode: 'llm', apiKey: 'test', baseURL: llm.url, model: 'fake-model', timeoutMs: 30_000 };
  short = { ...s, timeoutMs: 300 };
});
afterAll(() => llm.close());
beforeEach(() => llm.reset());

const request = () => ({
  prompt: buildPrompt('interpret', { schema: JSON.stringify(paramsJsonSchema()), styles: styleNames(), text: { data: 'sad and slow' } }),
  schema: SongParameters,
  jsonSchema: paramsJsonSchema(),
  name: 'SongParameters',
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

describe('structured output', () => {
  it('asks by JSON schema and returns parsed, defaulted parameters', async () => {
    llm.script({ kind: 'json', value: { key: 'D', mode: 'minor', tempo: 72 } });
    const { value, usage } = await askForJson(s, request());
    expect(value.key).toBe('D');
    expect(value.sections.length).toBeGreaterThan(0);
    expect(llm.requests[0]!.body.response_format?.type).toBe('json_schema');
    expect(usage.promptTokens).toBe(llm.requests[0]!.promptTokens);
  });

  it('falls back to json_object when the server rejects json_schema with 400', async () => {
    llm.script({ kind: 'reject-json-schema' }, { kind: 'json', value: { tempo: 70 } });
    const { value } = await askForJson(s, request());
    expect(value.tempo).toBe(70);
    expect(llm.requests.map((r) => r.body.response_format?.type)).toEqual(['json_schema', 'json_object']);
  });

  it('sends one repair request with the validation errors, then accepts the repaired answer', async () => {
    llm.script({ kind: 'json', value: { tempo: 999 } }, { kind: 'json', value: { tempo: 90 } });
    const { value } = await askForJson(s, request());
    expect(value.tempo).toBe(90);
    const repair = llm.requests[1]!.body.messages;
    expect(repair.at(-2)).toEqual({ role: 'assistant', content: '{"tempo":999}' });
    expect(repair.at(-1)!.content).toContain('tempo');
  });

  it('gives up after one failed repair', async () => {
    llm.script({ kind: 'text', text: 'not json at all' }, { kind: 'text', text: '{"key":"H"}' });
    expect((await failure(askForJson(s, request()))).reason).toBe('invalid output');
    expect(llm.requests).toHaveLength(2);
  });

  it.each([
    [{ kind: 'status', status: 429 } as const, 'rate limited'],
    [{ kind: 'status', status: 500 } as const, 'server error'],
    [{ kind: 'hang' } as const, 'timeout'],
    [{ kind: 'cut' } as const, 'network error'],
  ])('classifies %o as %s', async (reply, reason) => {
    llm.script(reply);
    expect((await failure(askForJson(short, request()))).reason).toBe(reason);
  });
});

describe('streaming', () => {
  const messages = [{ role: 'user' as const, content: 'hello' }];

  it('streams deltas that add up to the reply, with the server\'s usage', async () => {
    llm.script({ kind: 'text', text: 'You said the house is quiet now. What do you feel?' });
    const deltas: string[] = [];
    const { text, usage } = await streamChat(s, messages, (d) => void deltas.push(d));
    expect(deltas.length).toBeGreaterThan(3);
    expect(deltas.join('')).toBe(text);
    expect(usage.promptTokens).toBe(llm.requests[0]!.promptTokens);
  });

  it('reports a stream dropped mid-answer as a cut stream', async () => {
    llm.script({ kind: 'cut', text: 'You said' });
    expect((await failure(streamChat(s, messages, () => {}))).reason).toBe('cut stream');
  });

  it('reports a stream that stalls past the deadline as a timeout', async () => {
    llm.script({ kind: 'hang' });
    expect((await failure(streamChat(short, messages, () => {}))).reason).toBe('timeout');
  });
});

describe('interpretWithLlm / reviseWithLlm', () => {
  it('uses the model\'s parameters when it answers', async () => {
    llm.script({ kind: 'json', value: { key: 'E', mode: 'dorian', tempo: 100 } });
    const r = await interpretWithLlm({ llm: s } as never, 'a restless song');
    expect(r).toMatchObject({ fallback: null, provider: 'fake-model' });
    expect(r.params.mode).toBe('dorian');
  });

  it('falls back to the offline interpreter and says why', async () => {
    llm.script({ kind: 'status', status: 500 });
    const r = await interpretWithLlm(s, 'something sad in D minor');
    expect(r.fallback).toBe("The language model didn't answer (server error), so the offline interpreter answered.");
    expect(r.provider).toBe('offline');
    expect(() => parseParams(r.params)).not.toThrow();
  });

  it('does not call anything in offline mode', async () => {
    const r = await reviseWithLlm({ mode: 'offline', reason: 'INNERCHORD_OFFLINE' }, parseParams({}), 'slower');
    expect(r.fallback).toBeNull();
    expect(llm.requests).toHaveLength(0);
  });

  it('keeps the musician’s own tune out of the model’s reach: not shown, and restored on what it returns', async () => {
    const tune = { use: 'whole' as const, notes: [{ pitch: 64, start: 0, duration: 480 }, { pitch: 67, start: 480, duration: 960 }] };
    // A model that drops the tune, and one that rewrites it: the revision keeps the base version's copy either way.
    llm.script({ kind: 'json', value: { tempo: 80 } }, { kind: 'json', value: { tempo: 80, givenMelody: { use: 'whole', notes: [{ pitch: 40, start: 0, duration: 480 }] } } });
    const base = parseParams({ tempo: 96, givenMelody: tune });
    for (let i = 0; i < 2; i++) {
      const r = await reviseWithLlm(s, base, 'slower please');
      expect(r.fallback).toBeNull();
      expect(r.params.tempo).toBe(80);
      expect(r.params.givenMelody).toEqual(base.givenMelody);
    }
    expect(llm.requests[0]!.body.messages.at(-1)!.content).not.toContain('givenMelody');
  });

  it('quotes the current parameters and the request as data in the revise prompt', async () => {
    llm.script({ kind: 'json', value: { tempo: 80 } });
    await reviseWithLlm(s, parseParams({ tempo: 96 }), 'slower please');
    const user = llm.requests[0]!.body.messages.at(-1)!.content;
    expect(user).toContain('<data name="request">\n"slower please"\n</data>');
    expect(user).toMatch(/<data name="params">[\s\S]*"tempo": 96/);
  });
});
