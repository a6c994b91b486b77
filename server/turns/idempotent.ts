/**
 * Retried turns (docs/API.md, "Requests that may be retried"): a turn sent again with the same
 * Idempotency-Key gets the first turn's result — the same stored message and reply — and is never
 * stored or answered twice. A repeat that arrives while the first is still being answered waits
 * for that answer (polling the database, so it works across instances); the answering request
 * renews its lease every few seconds, so if it died the lease goes stale within STALE_MS and the
 * repeat answers in its place.
 */
import { z } from '@hono/zod-openapi';
import type { AppDeps } from '../deps.ts';
import { ServiceError } from '../errors.ts';
import { claimAnswer, messageByKey, releaseAnswer, renewAnswer, replyOf } from '../journal/answering.ts';
import { currentIntention, getVersion } from '../journal/index.ts';
import type { Message } from '../journal/shapes.ts';
import type { TurnResult } from './shapes.ts';
import { detectLanguage } from '../i18n/language.ts';

/** The header's value: an opaque client-made token (the page sends a UUID), printable ASCII. */
export const IdempotencyKey = z
  .string()
  .min(8, 'an Idempotency-Key has at least 8 characters (the page sends a UUID)')
  .max(200, 'an Idempotency-Key has at most 200 characters')
  .regex(/^[\x21-\x7e]+$/, 'an Idempotency-Key is printable ASCII without spaces');

/** How often a waiting repeat looks for the first request's answer. */
const POLL_MS = 100;
/** How often the request answering a message renews its lease. */
const RENEW_MS = 5_000;
/** A lease not renewed for this long belongs to a request that stopped (its instance died). */
export const STALE_MS = 20_000;

/**
 * How long a repeat waits for a live first request before answering 409: every model call in a
 * turn shares one deadline (client.ts withTurnDeadline), so the model costs at most one timeout,
 * plus the offline path's own time.
 */
export function waitLimitMs(deps: AppDeps): number {
  const llm = deps.config.llm;
  const model = 'mode' in llm && llm.mode === 'llm' ? llm.timeoutMs : 0;
  return model + 30_000;
}

/** The TurnResult of a message that was already answered, rebuilt from what the journal stored. */
export async function storedResult(deps: AppDeps, songId: string, userMessage: Message, reply: Message): Promise<TurnResult> {
  const meta = reply.meta;
  const version = meta.versionId ? await getVersion(deps.db, meta.versionId).catch(() => null) : null;
  return {
    userMessage,
    reply,
    stage: meta.stage ?? '',
    suggestions: meta.suggestions ?? [],
    // The intention as it stands now: the first turn's, unless the musician has changed it since.
    intention: meta.crisis ? null : await currentIntention(deps.db, songId),
    proposedIntention: meta.proposedIntention ?? null,
    version,
    changes: version?.changes ?? [],
    fallback: meta.fallback ?? null,
    crisis: meta.crisis ?? false,
    crisisResources: meta.crisisResources ?? null,
    // The reply was written in the musician's language, so it says which one the turn answered in.
    language: meta.crisis ? 'en' : detectLanguage(reply.text),
  };
}

export interface AnswerOnce {
  /** Answer the message (the caller's usual path); called at most once, holding the lease. */
  answer(): Promise<TurnResult>;
  /** Told the stored answer's text when this request did not make it (for the SSE `delta`). */
  onDelta?: (text: string) => void | Promise<void>;
}

/**
 * Answer `message` unless another request is answering or has answered it: then wait for that
 * answer and return it. CONFLICT when the first request is still at work after waitLimitMs.
 */
export async function answerOnce(deps: AppDeps, songId: string, message: Message, how: AnswerOnce): Promise<TurnResult> {
  const deadline = Date.now() + waitLimitMs(deps);
  for (;;) {
    const reply = await replyOf(deps.db, message.id);
    if (reply) {
      await how.onDelta?.(reply.text);
      return storedResult(deps, songId, message, reply);
    }
    if (await claimAnswer(deps.db, message.id, STALE_MS)) {
      // The first request may have stored its reply and let go between our two reads: never answer twice.
      const late = await replyOf(deps.db, message.id);
      if (!late) return answerHolding(deps, message, how.answer);
      await releaseAnswer(deps.db, message.id);
      await how.onDelta?.(late.text);
      return storedResult(deps, songId, message, late);
    }
    if (Date.now() > deadline) throw new ServiceError('CONFLICT', 'This message is still being answered; ask again in a moment.');
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}

/** Answer while holding the lease; give it back when the answer fails, so Retry can try at once. */
export async function answerHolding(deps: AppDeps, message: Message, answer: () => Promise<TurnResult>): Promise<TurnResult> {
  let renewing: Promise<void> = Promise.resolve();
  const beat = setInterval(() => (renewing = renewAnswer(deps.db, message.id).catch(() => {})), RENEW_MS);
  beat.unref?.();
  // The lease is given back whether the answer came or failed: a stored reply is what marks a message
  // answered, so a reply lost later (erased, or never written) leaves it free for Retry at once.
  // An answer stores its reply with appendMessage, which gives the lease back in the same statement
  // (one statement fewer per turn); a failed one gives it back here.
  const release = async (answered: boolean) => {
    clearInterval(beat);
    await renewing; // a renewal landing after the release would hold Retry off for STALE_MS
    if (!answered) await releaseAnswer(deps.db, message.id).catch(() => {});
  };
  try {
    const result = await answer();
    await release(true); // its reply is stored (answerTurn, answerCrisis), the lease with it
    return result;
  } catch (error) {
    await release(false);
    throw error;
  } finally {
    clearInterval(beat);
  }
}

/** The first message stored under `key`; CONFLICT when the repeat carries other words than the first. */
export async function firstWithKey(deps: AppDeps, songId: string, key: string, text: string): Promise<Message> {
  const first = await messageByKey(deps.db, songId, key);
  // The unique index said it exists; a song deleted in between is simply gone.
  if (!first) throw new ServiceError('NOT_FOUND', 'No song with that id.');
  if (first.text !== text) throw new ServiceError('CONFLICT', 'This Idempotency-Key was already used for a different message; make a new key for new words.');
  return first;
}
