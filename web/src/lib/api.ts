/**
 * The web app's view of the HTTP API (docs/API.md). JSON routes go through Hono's typed client, so
 * a route or body the server does not have is a compile error; the turn route streams Server-Sent Events through fetch + ReadableStream. Every failure becomes
 * an ApiError carrying the server's one readable sentence.
 */
import { i18n, t } from '../i18n/index.ts';
import { hc } from 'hono/client';
import type { AppType } from '../../../server/app.ts';
import type { JamTake } from '../../../music/jam/take.ts';
import { readSse } from './sse.ts';
import type { Message, SongParametersInput, SongSummary, TurnHandlers, TurnResult } from './types.ts';

/** An error the user can read: the server's message, its code, and (for turns) the stored message id. */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  constructor(
    message: string,
    readonly code: string,
    readonly status: number,
    readonly userMessageId?: string,
    /** The server stored the message and then said (in the stream) why it could not answer. */
    readonly streamed = false,
  ) {
    super(message);
  }

  /**
   * Worth sending again with the same Idempotency-Key: the network or the server failed before
   * answering, or the answer is still being made. Not a refusal (4xx), not a stated failure.
   */
  get transient(): boolean {
    return this.status === 0 || this.status === 409 || this.status === 429 || (this.status >= 500 && !this.streamed);
  }
}

/** Turn a failed Response into an ApiError, using `{ error: { message } }` when the body has it. */
async function toError(res: Response): Promise<ApiError> {
  const body: unknown = await res.json().catch(() => null);
  const err = (body as { error?: { code?: string; message?: string } } | null)?.error;
  return new ApiError(err?.message ?? t('errors.status', { status: `${res.status} ${res.statusText}`.trim() }), err?.code ?? 'INTERNAL', res.status);
}

/**
 * Hono's typed client over our own origin: routes, params and bodies are checked against the server.
 * Every call names the page's language, so the server answers in it and picks help lines for it.
 */
export const client = hc<AppType>('/', { headers: () => ({ 'accept-language': i18n.acceptLanguage() }) });
const api_ = client.api;

/** Await a typed-client call; turn network failures and error bodies into ApiError. */
export async function call<R extends { ok: boolean; status: number; json(): Promise<unknown> }>(
  send: () => Promise<R>,
): Promise<R extends { ok: true; json(): Promise<infer J> } ? J : never> {
  let res: R;
  try {
    res = await send();
  } catch {
    throw new ApiError(t('errors.unreachable'), 'NETWORK', 0);
  }
  if (!res.ok) throw await toError(res as unknown as Response);
  return (res.status === 204 ? undefined : await res.json()) as never;
}

export interface ListQuery {
  q?: string;
  archived?: boolean;
  cursor?: string | null;
  limit?: number;
}

/** Every call the app makes, grouped by resource. */
export const api = {
  health: () => call(() => api_.health.$get()),

  listSongs: (query: ListQuery = {}) =>
    call(() =>
      api_.songs.$get({
        query: {
          limit: String(query.limit ?? 20),
          archived: query.archived ? 'true' : 'false',
          ...(query.q ? { q: query.q } : {}),
          ...(query.cursor ? { cursor: query.cursor } : {}),
        },
      }),
    ),
  createSong: (title?: string) => call(() => api_.songs.$post({ json: title ? { title } : {} })),
  getSong: (id: string) => call(() => api_.songs[':id'].$get({ param: { id } })),
  updateSong: (id: string, patch: { title?: string; archived?: boolean }) =>
    call(() => api_.songs[':id'].$patch({ param: { id }, json: patch })),
  deleteSong: (id: string) => call(() => api_.songs[':id'].$delete({ param: { id } })),
  setIntention: (id: string, text: string, confirmed: boolean) =>
    call(() => api_.songs[':id'].intention.$put({ param: { id }, json: { text, confirmed } })),
  addNote: (id: string, text: string, versionId?: string) =>
    call(() => api_.songs[':id'].notes.$post({ param: { id }, json: versionId ? { text, versionId } : { text } })),
  exportUrl: (id: string) => `/api/songs/${encodeURIComponent(id)}/export`,
  importZip: (file: Blob) =>
    call(() => fetch('/api/import', { method: 'POST', body: file, headers: { 'content-type': 'application/zip', 'accept-language': i18n.acceptLanguage() } }) as Promise<Response & { json(): Promise<SongSummary> }>),

  getVersion: (vid: string) => call(() => api_.versions[':vid'].$get({ param: { vid } })),
  createVersion: (songId: string, body: { params: SongParametersInput; seed?: number; parentId?: string; request?: string }) =>
    call(() => api_.songs[':id'].versions.$post({ param: { id: songId }, json: body })),
  /** A new version that copies `vid`'s stored params, seed and sketch (not regenerated). */
  revertVersion: (vid: string) => call(() => api_.versions[':vid'].revert.$post({ param: { vid } })),
  updateVersion: (vid: string, patch: { rating?: number | null; note?: string | null }) =>
    call(() => api_.versions[':vid'].$patch({ param: { vid }, json: patch })),
  /** The jam pad's feel at a point kept as a version of the whole song (every section), parent `vid`. */
  captureVersion: (vid: string, body: { valence: number; arousal: number; from?: string }) =>
    call(() => api_.versions[':vid'].capture.$post({ param: { vid }, json: body })),
  /** The musician's tune as the whole melody, every section of a name, or a motif: a new version built around it. */
  melodyVersion: (vid: string, body: { notes: { pitch: number; start: number; duration: number; velocity: number }[]; use: 'whole' | 'section' | 'motif'; section?: string }) =>
    call(() => api_.versions[':vid'].melody.$post({ param: { vid }, json: body })),
  midiUrl: (vid: string) => `/api/versions/${encodeURIComponent(vid)}/midi`,
  /** Jam takes recorded over a version's loop, oldest first. */
  listTakes: (vid: string) => call(() => api_.versions[':vid'].takes.$get({ param: { vid } })),
  saveTake: (vid: string, body: { name?: string; take: JamTake }) => call(() => api_.versions[':vid'].takes.$post({ param: { vid }, json: body })),
  renameTake: (vid: string, tid: string, name: string) => call(() => api_.versions[':vid'].takes[':tid'].$patch({ param: { vid, tid }, json: { name } })),
  deleteTake: (vid: string, tid: string) => call(() => api_.versions[':vid'].takes[':tid'].$delete({ param: { vid, tid } })),

  /**
   * Send the musician's words with the key made for them (the same key on every resend, so the
   * server stores and answers them once); streams the reply through `handlers`, resolves with the turn.
   */
  turn: (songId: string, text: string, key: string, handlers: TurnHandlers = {}) =>
    streamTurn(`/api/songs/${encodeURIComponent(songId)}/turns`, { text }, handlers, { 'idempotency-key': key }),
  /** Re-answer the last stored user message that has no reply. */
  retry: (songId: string, handlers: TurnHandlers = {}) =>
    streamTurn(`/api/songs/${encodeURIComponent(songId)}/turns/retry`, {}, handlers),
};

async function streamTurn(url: string, body: unknown, handlers: TurnHandlers, headers: Record<string, string> = {}): Promise<TurnResult> {
  let res: Response;
  try {
    res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'text/event-stream', 'accept-language': i18n.acceptLanguage(), ...headers },
      body: JSON.stringify(body),
    });
  } catch {
    throw new ApiError(t('errors.notSent'), 'NETWORK', 0);
  }
  if (!res.ok) throw await toError(res);
  // A server without streaming may answer plain JSON; accept both.
  if (!res.headers.get('content-type')?.includes('text/event-stream') || !res.body) {
    const result = (await res.json().catch(() => {
      throw new ApiError('The connection dropped before the answer arrived.', 'NETWORK', 0);
    })) as TurnResult;
    handlers.onStored?.(result.userMessage);
    return result;
  }
  let result: TurnResult | undefined;
  let failure: ApiError | undefined;
  let stored: Message | undefined;
  const dropped = () => new ApiError('The connection dropped before the answer arrived.', 'NETWORK', 0, stored?.id);
  await readSse(res.body, ({ event, data }) => {
    const payload: unknown = JSON.parse(data);
    if (event === 'stored') {
      stored = (payload as { message: Message }).message;
      handlers.onStored?.(stored);
    } else if (event === 'delta') handlers.onDelta?.((payload as { text: string }).text);
    else if (event === 'done') result = payload as TurnResult;
    else if (event === 'error') {
      const e = payload as { code?: string; message?: string; userMessageId?: string };
      failure = new ApiError(e.message ?? t('errors.noAnswer'), e.code ?? 'INTERNAL', 500, e.userMessageId ?? stored?.id, true);
    }
  }).catch((e: unknown) => {
    // A connection cut mid-stream: the turn may well be stored and answered; asking again with the key finds out.
    if (!(e instanceof SyntaxError)) throw dropped();
    throw e;
  });
  if (failure) throw failure;
  if (!result) throw dropped();
  return result;
}
