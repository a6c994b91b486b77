/**
 * A conversation turn: check for crisis offline first, store the musician's message (so it
 * survives any later failure and is stored before any model sees it), then answer it. A retry re-answers the last stored message that has no reply.
 */
import type { AppDeps } from '../deps.ts';
import { ServiceError } from '../errors.ts';
import { CRISIS_SUGGESTIONS, crisisReply, parseState } from '../guide/index.ts';
import { appendMessage, getConversation, listMessages } from '../journal/index.ts';
import type { Conversation, Message } from '../journal/shapes.ts';
import { raiseAlert } from '../safety/alerts.ts';
import { type CrisisCheck } from '../safety/index.ts';
import { checkTurn, type SecondOpinionFn } from '../safety/turn.ts';
import { secondOpinion } from '../safety/second.ts';
import { llmSettings, withTurnDeadline } from '../llm/client.ts';
import { replyLanguage, resourcesForReply } from '../safety/reply.ts';
import { resourcesFor, type CrisisResources } from '../safety/resources/index.ts';
import { answerTurn, type TurnHooks } from './answer.ts';
import { isRepeatedKey, markCrisis, replyOf } from '../journal/answering.ts';
import { answerHolding, answerOnce, firstWithKey } from './idempotent.ts';
import type { TurnResult } from './shapes.ts';

export interface TakeTurnHooks extends TurnHooks {
  /** Called once the user's message is safely stored. */
  onStored?: (message: Message) => void | Promise<void>;
  /** The crisis resources for the musician's locale (from Accept-Language); absent → the international list. */
  resources?: CrisisResources;
  /** The request's Idempotency-Key: a repeat gets the first turn's result, never a second message or reply. */
  idempotencyKey?: string;
}

/** Care instead of music: pause the flow, say where help is, make no sketch, call no model. */
async function answerCrisis(deps: AppDeps, conversation: Conversation, userMessage: Message, check: CrisisCheck, hooks: TakeTurnHooks): Promise<TurnResult> {
  const state = { ...parseState(conversation.state), paused: true };
  // Severity picks the words and, for danger from someone else, which lines lead.
  const resources = resourcesForReply(hooks.resources ?? resourcesFor(null), check);
  // The language of the words; a second opinion names none: then the locale's (English without a pack for it).
  const language = replyLanguage(check.language ?? resources.locale?.slice(0, 2) ?? null);
  const text = crisisReply(resources, { ...check, language });
  // Group mode: a discreet flag for the facilitators (song and time only, never the words). A
  // check-in after negated words ("I'm not going to …") is between the musician and the page.
  if (check.severity !== 'check-in') await raiseAlert(deps.db, conversation.songId);
  await hooks.onDelta?.(text);
  const reply = await appendMessage(deps.db, {
    songId: conversation.songId,
    role: 'assistant',
    text,
    // The lines go with the stored reply too, so the card is still there when the song is reopened.
    meta: { suggestions: CRISIS_SUGGESTIONS, stage: state.stage, provider: 'offline', crisis: true, crisisResources: resources },
    replyTo: userMessage.id,
  }, { state });
  return {
    userMessage,
    reply,
    stage: state.stage,
    suggestions: CRISIS_SUGGESTIONS,
    intention: null,
    proposedIntention: null,
    version: null,
    changes: [],
    fallback: null,
    crisis: true,
    // The same resources the text names, as data, so the page's crisis card shows them too.
    crisisResources: resources,
    // The reply is written in the language of the words that raised it (lang/<code>/crisis.json).
    language,
  };
}

/**
 * Answer a stored message: the offline check already ran; the LLM's second opinion (when
 * configured) is asked now, after the words are safe in the journal, and may only add an alarm —
 * it is not asked when the offline layer fired. A message it flags is marked as crisis language,
 * so later prompts leave it out as they do the offline layer's.
 */
async function answer(deps: AppDeps, conversation: Conversation, message: Message, offline: CrisisCheck, hooks: TakeTurnHooks) {
  let check = offline;
  const second = offline.crisis ? undefined : secondOf(deps, hooks.startedAt);
  if (second) {
    const opinion = await second(message.text);
    if (opinion?.crisis) {
      check = opinion;
      await markCrisis(deps.db, message.id);
      message = { ...message, meta: { ...message.meta, crisis: true } };
    }
  }
  if (check.crisis) deps.log.info('crisis language detected; music paused', { songId: conversation.songId, severity: check.severity, signals: check.signals });
  return check.crisis ? answerCrisis(deps, conversation, message, check, hooks) : answerTurn(deps, conversation, message, hooks);
}

/** The LLM's second opinion on crisis language, when a model and INNERCHORD_SAFETY_SECOND_OPINION_MS are configured. */
function secondOf(deps: AppDeps, startedAt?: number): SecondOpinionFn | undefined {
  const s = llmSettings(deps.config);
  const ms = deps.config.safetySecondOpinionMs;
  // It counts against the turn's one deadline for the model, like every other call.
  return s && ms ? (text) => secondOpinion(withTurnDeadline(s, startedAt), text, ms) : undefined;
}

/** Take a turn: takeTurn(deps, songId, "it's about my sister") → TurnResult. NOT_FOUND for an unknown song. */
export async function takeTurn(deps: AppDeps, songId: string, text: string, hooks: TakeTurnHooks = {}): Promise<TurnResult> {
  hooks = { ...hooks, startedAt: hooks.startedAt ?? Date.now() };
  // The offline safety floor runs before anything else touches the message (no model is asked yet).
  const check = await checkTurn(deps.db, songId, text);
  const conversation = await getConversation(deps.db, songId);
  const key = hooks.idempotencyKey;
  let userMessage: Message;
  try {
    userMessage = await appendMessage(deps.db, { songId, role: 'user', text, meta: check.crisis ? { crisis: true } : {}, idempotencyKey: key, answering: true });
  } catch (error) {
    if (!key || !isRepeatedKey(error)) throw error;
    // Sent again (a dropped connection, a reload, a second tab): the first message and its answer.
    const first = await firstWithKey(deps, songId, key, text);
    await hooks.onStored?.(first);
    return answerOnce(deps, songId, first, { answer: async () => answer(deps, await getConversation(deps.db, songId), first, check, hooks), onDelta: hooks.onDelta });
  }
  await hooks.onStored?.(userMessage);
  return answerHolding(deps, userMessage, () => answer(deps, conversation, userMessage, check, hooks));
}

/** The last stored user message that has no reply; INVALID_INPUT when there is none, NOT_FOUND for an unknown song. */
export async function unansweredMessage(deps: AppDeps, songId: string): Promise<Message> {
  const messages = await listMessages(deps.db, songId);
  const last = messages.at(-1);
  if (last?.role === 'user') return last;
  // A second Retry that lost the race to the first: the newest reply answers the message before
  // it, so this retry gets that answer (answerOnce finds it) rather than a 400.
  const before = messages.at(-2);
  if (last?.role === 'assistant' && before?.role === 'user' && (await replyOf(deps.db, before.id))?.id === last.id) return before;
  throw new ServiceError('INVALID_INPUT', 'There is no unanswered message to retry.');
}

/** Re-answer the last stored user message that has no reply (found by unansweredMessage). */
export async function retryTurn(deps: AppDeps, songId: string, hooks: TakeTurnHooks = {}): Promise<TurnResult> {
  hooks = { ...hooks, startedAt: hooks.startedAt ?? Date.now() };
  const last = await unansweredMessage(deps, songId);
  const check = await checkTurn(deps.db, songId, last.text, last.id);
  await hooks.onStored?.(last);
  // Two Retry clicks, or a Retry while the first answer is still coming: answered once.
  return answerOnce(deps, songId, last, { answer: async () => answer(deps, await getConversation(deps.db, songId), last, check, hooks), onDelta: hooks.onDelta });
}
