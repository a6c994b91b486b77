/**
 * The one door to a remote language model: the `openai` SDK against any OpenAI-compatible server
 * (OpenAI, Ollama, llama.cpp, vLLM via baseURL). Every failure becomes an LlmFailure with a short,
 * human reason ("timeout", "rate limited" …) so callers can fall back to the offline path.
 */
import OpenAI, { APIConnectionError, APIConnectionTimeoutError, APIError } from 'openai';
import type { Config } from '../config.ts';
import { estimateTokens, type Usage } from './tokens.ts';
import { pause, pausedFor, retryAfterMs } from './breaker.ts';

/**
 * The model's settings; `deadline` (epoch ms), when set, is the turn's one deadline: every call in
 * the turn (summary, interpret, repair, guide) shares it, so a hanging model costs the turn
 * `timeoutMs` once, not once per call.
 */
export type LlmSettings = Extract<Config['llm'], { mode: 'llm' }> & { deadline?: number };

/** Longest streamed reply kept (the guide asks for two to four sentences); past it the turn falls back. */
export const MAX_REPLY_CHARS = 8_000;
/** Longest non-streamed answer body read (JSON parameters with every section fit many times over). */
export const MAX_ANSWER_BYTES = 256 * 1024;
export interface ChatMessage {
  role: 'system' | 'user' | 'assistant';
  content: string;
}

export type FailureReason =
  | 'timeout'
  | 'rate limited'
  | 'server error'
  | 'network error'
  | 'cut stream'
  | 'invalid output'
  | 'rejected'
  | 'wrong language'
  | 'too long'
  | 'unexpected error';

/** Why the model did not give a usable answer; `status` is the HTTP status when there was one. */
export class LlmFailure extends Error {
  override readonly name = 'LlmFailure';
  constructor(
    readonly reason: FailureReason,
    message: string,
    readonly status?: number,
    /** Tokens spent before the failure (they were still sent). */
    readonly usage?: Usage,
  ) {
    super(message);
  }
}

/** The LLM settings from a whole Config or its `llm` part; null when the offline path is configured. */
export function llmSettings(config: Config | Config['llm']): LlmSettings | null {
  const llm = 'mode' in config ? config : config.llm;
  return llm.mode === 'llm' ? llm : null;
}

function client(s: LlmSettings, timeoutMs: number): OpenAI {
  // Retries would multiply the wait past timeoutMs; the offline path is the retry.
  return new OpenAI({ apiKey: s.apiKey, baseURL: s.baseURL, timeout: Math.max(1, timeoutMs), maxRetries: 0 });
}

/** Settings whose calls all share one deadline, `timeoutMs` from now (an existing deadline is kept). */
export function withTurnDeadline(s: LlmSettings, now = Date.now()): LlmSettings {
  return s.deadline === undefined ? { ...s, deadline: now + s.timeoutMs } : s;
}

/** How long the next call may take: the per-call timeout, or what is left of the turn's deadline. */
export function budgetMs(s: LlmSettings, now = Date.now()): number {
  return s.deadline === undefined ? s.timeoutMs : Math.min(s.timeoutMs, s.deadline - now);
}

const chars = (messages: ChatMessage[]) => messages.reduce((n, m) => n + m.content.length, 0);

/** Map an SDK or network error to an LlmFailure. */
export function classify(error: unknown, timedOut: boolean, midStream = false): LlmFailure {
  if (error instanceof LlmFailure) return error;
  const detail = error instanceof Error ? error.message : String(error);
  if (timedOut || error instanceof APIConnectionTimeoutError) return new LlmFailure('timeout', detail);
  if (error instanceof APIError && typeof error.status === 'number') {
    const status = error.status;
    if (status === 429) return new LlmFailure('rate limited', detail, status);
    if (status === 413) return new LlmFailure('too long', detail, status);
    if (status >= 500) return new LlmFailure('server error', detail, status);
    return new LlmFailure('rejected', detail, status);
  }
  if (midStream) return new LlmFailure('cut stream', detail);
  if (error instanceof APIConnectionError || error instanceof TypeError) return new LlmFailure('network error', detail);
  return new LlmFailure('unexpected error', detail);
}

/**
 * Run `work` with an AbortSignal that fires when the call's budget (budgetMs) runs out, covering a
 * whole stream. Nothing is sent while the breaker is open or the turn's deadline has passed. A
 * failure carries the estimated prompt tokens unless it has real usage: the prompt was sent anyway.
 */
async function withDeadline<T>(s: LlmSettings, messages: ChatMessage[], work: (client: OpenAI, signal: AbortSignal, state: { midStream: boolean }) => Promise<T>): Promise<T> {
  const waitMs = pausedFor(s.baseURL, s.model);
  if (waitMs > 0) throw new LlmFailure('rate limited', `the model server asked us to wait ${Math.ceil(waitMs / 1000)} s more`, 429, { promptTokens: 0, completionTokens: 0 });
  const budget = budgetMs(s);
  if (budget <= 0) throw new LlmFailure('timeout', `the turn's ${s.timeoutMs} ms for the model had run out`, undefined, { promptTokens: 0, completionTokens: 0 });
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), budget);
  const state = { midStream: false };
  try {
    const result = await work(client(s, budget), controller.signal, state);
    if (controller.signal.aborted) throw new LlmFailure('timeout', `no complete answer within ${budget} ms`);
    return result;
  } catch (error) {
    const failure = classify(error, controller.signal.aborted, state.midStream);
    // A 429 that names a pause opens the breaker: until then the offline path answers at once.
    if (failure.status === 429 && error instanceof APIError) {
      const ms = retryAfterMs(error.headers as Headers | undefined);
      if (ms !== null) pause(s.baseURL, s.model, ms);
    }
    if (failure.usage) throw failure;
    throw new LlmFailure(failure.reason, failure.message, failure.status, { promptTokens: estimateTokens(chars(messages)), completionTokens: 0 });
  } finally {
    clearTimeout(timer);
    // A stream left early (too long, a leak, an error in onDelta) is closed, not left draining.
    controller.abort();
  }
}

/** Stream a chat completion, calling onDelta for each piece of text; resolves with the whole text. */
export async function streamChat(
  s: LlmSettings,
  messages: ChatMessage[],
  onDelta: (text: string) => void | Promise<void>,
  maxChars = MAX_REPLY_CHARS,
): Promise<{ text: string; usage: Usage }> {
  return withDeadline(s, messages, async (openai, signal, state) => {
    const stream = await openai.chat.completions.create(
      { model: s.model, messages, stream: true, stream_options: { include_usage: true } },
      { signal },
    );
    let text = '';
    let finished = false;
    let usage: Usage | null = null;
    for await (const chunk of stream) {
      state.midStream = true;
      if (chunk.usage) usage = { promptTokens: chunk.usage.prompt_tokens, completionTokens: chunk.usage.completion_tokens };
      for (const choice of chunk.choices ?? []) {
        const piece = choice.delta?.content ?? '';
        if (piece) {
          // Stopped as soon as it passes the cap: a runaway model is cut off, not read to the end.
          if (text.length + piece.length > maxChars) {
            throw new LlmFailure('too long', `the reply ran past ${maxChars} characters`, undefined, {
              promptTokens: estimateTokens(chars(messages)),
              completionTokens: estimateTokens(text.length + piece.length),
            });
          }
          text += piece;
          await onDelta(piece);
        }
        if (choice.finish_reason) finished = true;
      }
    }
    if (signal.aborted) throw new LlmFailure('timeout', `no complete answer within ${s.timeoutMs} ms`);
    // A stream that stops without a finish reason was cut (server crash, proxy timeout).
    if (!finished) throw new LlmFailure('cut stream', 'the stream ended before the answer was finished');
    if (!text.trim()) throw new LlmFailure('invalid output', 'the model sent an empty reply');
    return { text, usage: usage ?? { promptTokens: estimateTokens(chars(messages)), completionTokens: estimateTokens(text.length) } };
  });
}

export type ResponseFormat =
  | { type: 'json_schema'; json_schema: { name: string; schema: Record<string, unknown>; strict: boolean } }
  | { type: 'json_object' };

/** One non-streaming completion (optionally with a response format); resolves with the message text. */
export async function completeChat(
  s: LlmSettings,
  messages: ChatMessage[],
  responseFormat?: ResponseFormat,
): Promise<{ text: string; usage: Usage }> {
  return withDeadline(s, messages, async (openai, signal) => {
    const body = responseFormat ? { model: s.model, messages, response_format: responseFormat } : { model: s.model, messages };
    // Read as raw bytes with a cap, so a runaway answer is cut off instead of parsed whole.
    const response = await openai.chat.completions.create(body, { signal }).asResponse();
    const raw = await readCapped(response, MAX_ANSWER_BYTES, signal);
    let completion: OpenAI.Chat.Completions.ChatCompletion;
    try {
      completion = JSON.parse(raw) as OpenAI.Chat.Completions.ChatCompletion;
    } catch {
      throw new LlmFailure('invalid output', 'the model server sent a body that is not JSON');
    }
    const content = completion?.choices?.[0]?.message?.content;
    const text = typeof content === 'string' ? content : '';
    const usage = completion?.usage
      ? { promptTokens: completion.usage.prompt_tokens, completionTokens: completion.usage.completion_tokens }
      : { promptTokens: estimateTokens(chars(messages)), completionTokens: estimateTokens(text.length) };
    if (!text.trim()) throw new LlmFailure('invalid output', 'the model sent an empty answer', undefined, usage);
    return { text, usage };
  });
}

/** A response body as text, failing 'too long' past `maxBytes` (the rest is not read). */
async function readCapped(response: Response, maxBytes: number, signal: AbortSignal): Promise<string> {
  if (!response.body) return '';
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > maxBytes) throw new LlmFailure('too long', `the answer ran past ${maxBytes} bytes`);
      chunks.push(value);
    }
  } catch (error) {
    if (signal.aborted && !(error instanceof LlmFailure)) throw new LlmFailure('timeout', 'no complete answer in time');
    throw error;
  } finally {
    await reader.cancel().catch(() => {});
  }
  return Buffer.concat(chunks).toString('utf8');
}
