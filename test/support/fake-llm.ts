/**
 * A scripted OpenAI-compatible server over real HTTP (node:http on 127.0.0.1:0) for tests and
 * benchmarks: POST /v1/chat/completions answers streaming (SSE) and non-streaming requests with
 * the next scripted reply — valid or invalid JSON, slow, 429, 500, a cut stream, or a 400 for
 * json_schema — and records every request so tests can check what was sent.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type Scripted =
  /** Content as given (a guide reply, or JSON text for structured calls). */
  | { kind: 'text'; text: string }
  /** Content = JSON.stringify(value). */
  | { kind: 'json'; value: unknown }
  /** An HTTP error status with an OpenAI-style error body (429, 500 …). */
  | { kind: 'status'; status: number; message?: string; headers?: Record<string, string> }
  /** Never answer (until the client gives up and the connection closes). */
  | { kind: 'hang' }
  /** Streaming: `chars` characters of filler in `piece`-sized deltas as fast as the socket takes them, then finish. */
  | { kind: 'flood'; chars: number; piece?: number }
  /** Wait before answering with `then` (default: the default reply). */
  | { kind: 'slow'; delayMs: number; then?: Scripted }
  /** Streaming: send `text` (default "Partial") as deltas, then drop the connection without finishing. */
  | { kind: 'cut'; text?: string }
  /** 400 when the request asks for response_format json_schema; otherwise answered by `then`. */
  | { kind: 'reject-json-schema'; then?: Scripted };

export interface RecordedRequest {
  body: {
    model?: string;
    stream?: boolean;
    messages: { role: string; content: string }[];
    response_format?: { type: string };
    stream_options?: { include_usage?: boolean };
  };
  /** Characters of all message contents: what the prompt weighed. */
  promptChars: number;
  /** What the fake reported as prompt_tokens (≈ chars / 4). */
  promptTokens: number;
}

export interface FakeLlm {
  /** The base URL to give the openai SDK (…/v1). */
  url: string;
  requests: RecordedRequest[];
  /** Queue replies, answered in order; when the queue is empty the default reply answers. */
  script(...replies: Scripted[]): void;
  /** Forget queued replies and recorded requests. */
  reset(): void;
  close(): Promise<void>;
}

export interface FakeLlmOptions {
  /** Answer when nothing is scripted; default: a short guide line, or a small valid SongParameters object. */
  defaultReply?: (request: RecordedRequest, index: number) => Scripted;
}

const tokens = (chars: number) => Math.ceil(chars / 4);

/** The default: plain text for streamed guide replies, valid parameters (tempo varying) for JSON requests. */
export function defaultReply(request: RecordedRequest, index: number): Scripted {
  if (request.body.response_format) return { kind: 'json', value: { key: 'D', mode: 'minor', tempo: 60 + (index % 60), meter: '4/4' } };
  if (request.body.stream) return { kind: 'text', text: 'I hear you. What would you like the listener to keep?' };
  return { kind: 'text', text: 'Summary: a song about the quiet after the move, for my sister.' };
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function sendError(res: ServerResponse, status: number, message: string, headers: Record<string, string> = {}) {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify({ error: { message, type: status === 429 ? 'rate_limit_exceeded' : 'server_error', code: null } }));
}

function chunk(model: string, delta: Record<string, unknown>, finish: string | null) {
  return `data: ${JSON.stringify({ id: 'fake', object: 'chat.completion.chunk', created: 0, model, choices: [{ index: 0, delta, finish_reason: finish }] })}\n\n`;
}

function sendContent(res: ServerResponse, rec: RecordedRequest, content: string) {
  const model = rec.body.model ?? 'fake-model';
  const usage = { prompt_tokens: rec.promptTokens, completion_tokens: tokens(content.length), total_tokens: rec.promptTokens + tokens(content.length) };
  if (!rec.body.stream) {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({
      id: 'fake', object: 'chat.completion', created: 0, model,
      choices: [{ index: 0, message: { role: 'assistant', content }, finish_reason: 'stop' }],
      usage,
    }));
    return;
  }
  res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
  res.write(chunk(model, { role: 'assistant', content: '' }, null));
  // Word-sized deltas, like a real model.
  for (const piece of content.match(/\S+\s*|\s+/g) ?? []) res.write(chunk(model, { content: piece }, null));
  res.write(chunk(model, {}, 'stop'));
  if (rec.body.stream_options?.include_usage) {
    res.write(`data: ${JSON.stringify({ id: 'fake', object: 'chat.completion.chunk', created: 0, model, choices: [], usage })}\n\n`);
  }
  res.end('data: [DONE]\n\n');
}

/** Stream `chars` characters, writing whenever the socket drains, stopping if the client leaves. */
function flood(res: ServerResponse, rec: RecordedRequest, chars: number, piece: number) {
  const model = rec.body.model ?? 'fake-model';
  const filler = 'la '.repeat(Math.ceil(piece / 3)).slice(0, piece);
  if (!rec.body.stream) {
    return sendContent(res, rec, filler.repeat(Math.ceil(chars / piece)).slice(0, chars));
  }
  res.writeHead(200, { 'content-type': 'text/event-stream' });
  res.write(chunk(model, { role: 'assistant', content: '' }, null));
  let sent = 0;
  let closed = false;
  res.on('close', () => (closed = true));
  const pump = () => {
    while (!closed && sent < chars) {
      sent += piece;
      if (!res.write(chunk(model, { content: filler }, null))) return void res.once('drain', pump);
    }
    if (!closed) {
      res.write(chunk(model, {}, 'stop'));
      res.end('data: [DONE]\n\n');
    }
  };
  pump();
}

function answer(res: ServerResponse, rec: RecordedRequest, reply: Scripted, fallback: () => Scripted): void {
  switch (reply.kind) {
    case 'text':
      return sendContent(res, rec, reply.text);
    case 'json':
      return sendContent(res, rec, JSON.stringify(reply.value));
    case 'status':
      return sendError(res, reply.status, reply.message ?? `scripted ${reply.status}`, reply.headers);
    case 'hang':
      return;
    case 'flood':
      return flood(res, rec, reply.chars, reply.piece ?? 64);
    case 'slow': {
      const timer = setTimeout(() => answer(res, rec, reply.then ?? fallback(), fallback), reply.delayMs);
      res.on('close', () => clearTimeout(timer));
      return;
    }
    case 'cut': {
      if (!rec.body.stream) {
        res.socket?.destroy();
        return;
      }
      const model = rec.body.model ?? 'fake-model';
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      res.write(chunk(model, { role: 'assistant', content: '' }, null));
      res.write(chunk(model, { content: reply.text ?? 'Partial' }, null));
      // Let the chunks leave before the connection drops mid-answer.
      setTimeout(() => res.socket?.destroy(), 20);
      return;
    }
    case 'reject-json-schema':
      if (rec.body.response_format?.type === 'json_schema') return sendError(res, 400, "response_format 'json_schema' is not supported");
      return answer(res, rec, reply.then ?? fallback(), fallback);
  }
}

/** Start the fake server: `const llm = await startFakeLlm(); llm.script({ kind: 'status', status: 429 })`. */
export async function startFakeLlm(options: FakeLlmOptions = {}): Promise<FakeLlm> {
  const queue: Scripted[] = [];
  const requests: RecordedRequest[] = [];
  const makeDefault = options.defaultReply ?? defaultReply;

  const server = createServer(async (req, res) => {
    if (req.method !== 'POST' || !req.url?.endsWith('/chat/completions')) return sendError(res, 404, `no route ${req.method} ${req.url}`);
    let body: RecordedRequest['body'];
    try {
      body = JSON.parse(await readBody(req)) as RecordedRequest['body'];
    } catch {
      return sendError(res, 400, 'body is not JSON');
    }
    const promptChars = (body.messages ?? []).reduce((n, m) => n + (typeof m.content === 'string' ? m.content.length : 0), 0);
    const rec: RecordedRequest = { body, promptChars, promptTokens: tokens(promptChars) };
    requests.push(rec);
    const index = requests.length - 1;
    const fallback = () => makeDefault(rec, index);
    answer(res, rec, queue.shift() ?? fallback(), fallback);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}/v1`,
    requests,
    script: (...replies) => queue.push(...replies),
    reset: () => {
      queue.length = 0;
      requests.length = 0;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
