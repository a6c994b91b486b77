/** Conversation turns: POST /api/songs/:id/turns (JSON or SSE) and /turns/retry. See docs/API.md. */
import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { streamSSE } from 'hono/streaming';
import type { AppDeps } from '../deps.ts';
import { ServiceError } from '../errors.ts';
import { databaseError } from '../http/errors.ts';
import { createRouter } from '../http/router.ts';
import { getConversation } from '../journal/index.ts';
import { body, errors, SongParams } from '../journal/routes/common.ts';
import { ErrorBody, type Message } from '../journal/shapes.ts';
import { RetryBody, TurnBody, TurnResult } from './shapes.ts';
import { retryTurn, takeTurn, unansweredMessage, type TakeTurnHooks } from './turn.ts';
import { resolveLocale, resourcesFor } from '../safety/resources/index.ts';
import { preferredLanguage } from '../i18n/language.ts';
import { IdempotencyKey } from './idempotent.ts';

/** `Idempotency-Key`: the same key again gets the first turn's result, never a second message or reply. */
const TurnHeaders = z.object({
  'idempotency-key': IdempotencyKey.optional().openapi({
    param: { name: 'idempotency-key', in: 'header' }, // header names are case-insensitive; Hono reads them lower-cased
    description: 'A token made once per message (the page sends a UUID). A repeat with the same key returns the first turn\'s result (200, the same userMessage.id) and stores and answers nothing twice; the same key with other words is 409.',
    example: '4f0c7a1e-2b7d-4d43-9a52-5f1f8d2c6b10',
  }),
});

const tags = ['conversation'];
const turnResponses = {
  200: {
    content: { 'application/json': { schema: TurnResult } },
    description:
      'The turn: the stored message, the reply, and a new version when one was made. With `Accept: text/event-stream` the same ' +
      'arrives as SSE events `stored` { message }, `delta` { text }, `done` TurnResult, or `error` { code, message, userMessageId }.',
  },
  ...errors,
  409: { content: { 'application/json': { schema: ErrorBody } }, description: 'The Idempotency-Key was used for other words, or its first request is still being answered after the time an answer may take, or (across server instances) the song got a newer version while this revision was being made: the message is stored, and a retry builds on the newest version' },
  413: { content: { 'application/json': { schema: ErrorBody } }, description: 'The request body is larger than 1 MiB' },
};

/** The page's language: the app's own switch (body `language`) first, else the browser's Accept-Language. */
const pageLanguage = (c: Context, sent: string | undefined) => preferredLanguage(sent) ?? preferredLanguage(c.req.header('accept-language'));

const wantsStream = (c: Context) => (c.req.header('accept') ?? '').includes('text/event-stream');
/** Crisis help lines for the browser's Accept-Language, else INNERCHORD_LOCALE, from the configured directory. */
const resourcesOf = (c: Context, deps: AppDeps) => {
  const directory = deps.config.crisisResources;
  return resourcesFor(resolveLocale(c.req.header('accept-language'), deps.config.locale ?? null, directory), directory);
};

/**
 * Run a turn as SSE. Errors before the message is stored are ordinary HTTP errors (checked before
 * the stream opens); after it, an `error` event tells the client its message is safe to retry.
 */
function sse(c: Context, deps: AppDeps, language: string | null, run: (hooks: TakeTurnHooks) => Promise<unknown>): Response {
  const resources = resourcesOf(c, deps);
  return streamSSE(c, async (stream) => {
    let stored: Message | null = null;
    const send = (event: string, data: unknown) => stream.writeSSE({ event, data: JSON.stringify(data) });
    try {
      const result = await run({
        resources,
        language,
        onStored: async (message) => {
          stored = message;
          await send('stored', { message });
        },
        onDelta: (text) => send('delta', { text }),
      });
      await send('done', result);
    } catch (error) {
      const known = error instanceof ServiceError ? { code: error.code, message: error.message } : databaseError(error);
      if (!known) deps.log.error('turn failed', { error: error instanceof Error ? error.message : String(error), stack: error instanceof Error ? error.stack : undefined });
      await send('error', {
        code: known ? known.code : 'INTERNAL',
        message: known ? known.message : 'Something went wrong on the server; your message is saved, so you can try again.',
        userMessageId: (stored as Message | null)?.id ?? null,
      });
    }
  });
}

/** The turn sub-app, mounted at /api. */
export function turnRoutes(deps: AppDeps) {
  return createRouter()
    .openapi(
      createRoute({ method: 'post', path: '/songs/{id}/turns', tags, request: { params: SongParams, headers: TurnHeaders, body: body(TurnBody) }, responses: turnResponses }),
      async (c) => {
        const id = c.req.valid('param').id;
        const { text, language: sent } = c.req.valid('json');
        const language = pageLanguage(c, sent);
        const idempotencyKey = c.req.valid('header')['idempotency-key'];
        if (wantsStream(c)) {
          await getConversation(deps.db, id); // an unknown song is a plain 404, not a stream
          return sse(c, deps, language, (hooks) => takeTurn(deps, id, text, { ...hooks, idempotencyKey })) as never;
        }
        return c.json(await takeTurn(deps, id, text, { resources: resourcesOf(c, deps), language, idempotencyKey }), 200);
      },
    )
    .openapi(
      createRoute({
        method: 'post',
        path: '/songs/{id}/turns/retry',
        tags,
        request: { params: SongParams, body: { required: false, content: { 'application/json': { schema: RetryBody } } } },
        responses: turnResponses,
      }),
      async (c) => {
        const id = c.req.valid('param').id;
        const language = pageLanguage(c, c.req.valid('json')?.language);
        if (wantsStream(c)) {
          await unansweredMessage(deps, id); // nothing to retry is a plain 400, not a stream
          return sse(c, deps, language, (hooks) => retryTurn(deps, id, hooks)) as never;
        }
        return c.json(await retryTurn(deps, id, { resources: resourcesOf(c, deps), language }), 200);
      },
    );
}
