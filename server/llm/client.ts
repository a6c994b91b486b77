/**
 * The one door to a remote language model: the `openai` SDK against any OpenAI-compatible server
 * (OpenAI, Ollama, llama.cpp, vLLM via baseURL). Every failure becomes an LlmFailure with a short,
 * human reason ("timeout", "rate limited" …) so callers can fall back to the offline path.
 */
import OpenAI, { APIConnectionError, APIConnectionTimeoutError, APIError } from 'openai';
import type { Config } from '../config.ts';
import { estimateTokens, type Usage } from './tokens.ts';

export type LlmSettings = Extract<Config['llm'], { mode: 'llm' }>;
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

function client(s: LlmSettings): OpenAI {
  // Retries would multiply the wait past timeoutMs; the offline path is the retry.
  return new OpenAI({ apiKey: s.apiKey, baseURL: s.baseURL, timeout: s.timeoutMs, maxRetries: 0 });
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
    if (status >= 500) return new LlmFailure('server error', detail, status);
    return new LlmFailure('rejected', detail, status);
  }
  if (midStream) return new LlmFailure('cut stream', detail);
  if (error instanceof APIConnectionError || error instanceof TypeError) return new LlmFailure('network error', detail);
  return new LlmFailure('unexpected error', detail);
}

/**
 * Run `work` with an AbortSignal that fires after the configured timeout, covering a whole stream.
 * A failure carries the estimated prompt tokens unless it has real usage: the prompt was sent anyway.
 */
async function withDeadline<T>(s: LlmSettings, messages: ChatMessage[], work: (signal: AbortSignal, state: { midStream: boolean }) => Promise<T>): Promise<T> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), s.timeoutMs);
  const state = { midStream: false };
  try {
    const result = await work(controller.signal, state);
    if (controller.signal.aborted) throw new LlmFailure('timeout', `no complete answer within ${s.timeoutMs} ms`);
    return result;
  } catch (error) {
    const failure = classify(error, controller.signal.aborted, state.midStream);
    if (failure.usage) throw failure;
    throw new LlmFailure(failure.reason, failure.message, failure.status, { promptTokens: estimateTokens(chars(messages)), completionTokens: 0 });
  } finally {
    clearTimeout(timer);
  }
}

/** Stream a chat completion, calling onDelta for each piece of text; resolves with the whole text. */
export async function streamChat(
  s: LlmSettings,
  messages: ChatMessage[],
  onDelta: (text: string) => void | Promise<void>,
): Promise<{ text: string; usage: Usage }> {
  return withDeadline(s, messages, async (signal, state) => {
    const stream = await client(s).chat.completions.create(
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
  return withDeadline(s, messages, async (signal) => {
    const completion = await client(s).chat.completions.create(
      responseFormat ? { model: s.model, messages, response_format: responseFormat } : { model: s.model, messages },
      { signal },
    );
    const text = completion.choices[0]?.message?.content ?? '';
    const usage = completion.usage
      ? { promptTokens: completion.usage.prompt_tokens, completionTokens: completion.usage.completion_tokens }
      : { promptTokens: estimateTokens(chars(messages)), completionTokens: estimateTokens(text.length) };
    if (!text.trim()) throw new LlmFailure('invalid output', 'the model sent an empty answer', undefined, usage);
    return { text, usage };
  });
}
