/**
 * Answering a stored user message (not a crisis): the offline guide decides the step; a sketch or
 * revision becomes a new version; the reply is phrased by the language model when one is
 * configured (streamed), else by the offline guide. Any LLM failure falls back to the offline path
 * and says so — a turn never fails because a model did.
 */
import type { AppDeps } from '../deps.ts';
import {
  firstSketchReply,
  guideStep,
  guideText,
  intentionForSketch,
  isShortcut,
  notUnderstoodReply,
  absentSectionReply,
  offlineSummary,
  parseState,
  summaryWithIntention,
  type GuideState,
  type GuideStep,
} from '../guide/index.ts';
import { detectLanguage, type Language } from '../i18n/language.ts';
import { checkedRevisionReply } from './revision-reply.ts';
import {
  appendMessage,
  createVersion,
  currentIntention,
  latestVersion,
  listMessages,
  setIntention,
} from '../journal/index.ts';
import type { Conversation, Intention, Message, Version } from '../journal/shapes.ts';
import { LlmFailure, llmSettings, withTurnDeadline } from '../llm/client.ts';
import { clipSummary, splitWindow, summariseWithLlm } from '../llm/context.ts';
import { fallbackNotice } from '../llm/fallback.ts';
import { guideReplyWithLlm } from '../llm/guide.ts';
import { interpretWithLlm, reviseWithLlm } from '../llm/interpret.ts';
import { addUsage, NO_USAGE } from '../llm/tokens.ts';
import { remakeAfterCorrection } from './correct.ts';
import { withSongLock } from './song-lock.ts';
import { record, sameMusic, type Spend } from './spend.ts';
import type { TurnResult } from './shapes.ts';
import { withTemplateConstraint } from '../templates/constraint.ts';
import { withTemplateLines } from '../templates/lines.ts';
import { keepWordsUnlessAsked } from '../interpret/scope-lyrics.ts';
import { missingSections } from '../interpret/index.ts';
import { MAX_MESSAGE_CHARS } from '../journal/limits.ts';

export interface TurnHooks {
  /** Streamed reply text, as it arrives. */
  onDelta?: (text: string) => void | Promise<void>;
  /** The page's language (the web app's switch or Accept-Language): a prior for short messages. */
  language?: Language | null;
  /** When the turn began (epoch ms): the model's one deadline counts from here. */
  startedAt?: number;
}

// The newest message always fits, however long (a pasted lyric sheet is read, not skipped).
const INTERPRET_MAX_CHARS = MAX_MESSAGE_CHARS + 2000; // + the longest intention

/**
 * "All user messages + intention" for the first sketch: their own words first (so the rationale
 * quotes them), the intention last, shortcuts ("yes", "skip") left out, newest kept when too long.
 */
function conversationText(messages: Message[], intention: string | null): string {
  const said = messages
    .filter((m) => m.role === 'user' && !m.meta['crisis'] && !isShortcut(m.text))
    .map((m) => m.text.trim());
  const kept: string[] = [];
  let room = INTERPRET_MAX_CHARS - (intention?.length ?? 0);
  for (const text of said.reverse()) {
    if (text.length > room) break;
    kept.unshift(text);
    room -= text.length + 1;
  }
  return [...kept, intention].filter(Boolean).join('\n');
}

/** What the turn knew before the guide moved: its state, and the song's stored intention (maybe edited by hand). */
interface Before {
  state: GuideState;
  intention: Intention | null;
}

/** Make the first sketch, a revision, or a version after a changed answer; returns the version (or null) and the offline reply describing it. */
async function makeMusic(deps: AppDeps, songId: string, step: GuideStep, messages: Message[], summary: string, spend: Spend, before: Before) {
  const { db } = deps;
  const action = step.action;
  const t = guideText(step.language);
  if (action.kind === 'correct') return remakeAfterCorrection(deps, songId, step, action, messages, spend);
  let intention: Intention | null = before.intention;
  if (action.kind === 'sketch') {
    // An intention the musician wrote or edited on the card wins over a proposal the guide made
    // before the edit (its replies at the intention stage say when it last proposed).
    const proposedAt = messages.findLast((m) => m.role === 'assistant' && m.meta['stage'] === 'intention')?.createdAt ?? null;
    const said = messages.findLast((m) => m.role === 'user')?.text ?? '';
    const chosen = intentionForSketch(before.state, action, before.intention, said, proposedAt);
    if (chosen.store && chosen.text) intention = await setIntention(db, { songId, text: chosen.text, confirmed: chosen.confirmed });
  }

  // The newest version with its sketch: the reply says only what the new notes show against it.
  const latest = action.kind === 'revise' ? await latestVersion(db, songId) : null;
  if (action.kind === 'revise' && latest) {
    const revised = await reviseWithLlm(spend.settings ?? deps.config, latest.params, action.request, { summary });
    record(spend, revised);
    // The words are the musician's: a revision not about them keeps every line as it was.
    revised.params = keepWordsUnlessAsked(latest.params, revised.params, action.request);
    if (sameMusic(revised.params, latest.params)) {
      const absent = missingSections(action.request, latest.params);
      return { version: null, intention, draft: absent.length ? absentSectionReply(absent, latest.params, t) : notUnderstoodReply(action.request, t) };
    }
    const version = await createVersion(db, { songId, params: revised.params, parentId: latest.id, request: action.request, ifLatest: true }, { parent: latest });
    // What the reply says is checked against the new notes (claims.ts), in the musician's language.
    return { version, intention, draft: checkedRevisionReply(latest, version, step.language, action.request) };
  }
  const interpreted = await interpretWithLlm(spend.settings ?? deps.config, conversationText(messages, intention?.text ?? null), { lang: step.language });
  record(spend, interpreted);
  const params = withTemplateLines(withTemplateConstraint(interpreted.params, step.state.template), step.state.template, step.state.answers);
  const version = await createVersion(db, { songId, params, request: 'first sketch' });
  return { version, intention, draft: firstSketchReply(version, intention?.text ?? null, t, step.listen) };
}

/** Answer `userMessage` and store the reply; the caller has stored the message and checked for crisis. */
export async function answerTurn(deps: AppDeps, conversation: Conversation, userMessage: Message, hooks: TurnHooks = {}): Promise<TurnResult> {
  const { db, log } = deps;
  const songId = conversation.songId;
  // One deadline for every model call in this turn (summary, interpret, repair, guide).
  const settings = llmSettings(deps.config);
  const spend: Spend = { settings: settings ? withTurnDeadline(settings, hooks.startedAt) : null, usage: NO_USAGE, failure: null };
  const state = parseState(conversation.state);
  const step = guideStep(state, userMessage.text, { page: hooks.language ?? null });
  // Two reads that do not depend on each other: on PostgreSQL they travel at once.
  const [stored, messages] = await Promise.all([currentIntention(db, songId), listMessages(db, songId)]);

  // Bounded context: fold older turns into the running summary before anything is sent.
  let summary = conversation.summary;
  let summaryUpTo = conversation.summaryUpTo;
  const { fold, recent } = splitWindow(messages, summaryUpTo, userMessage.seq);
  if (fold.length) {
    summaryUpTo = fold.at(-1)!.seq;
    summary = offlineSummary(step.state, stored?.text ?? null);
    if (spend.settings) {
      try {
        const folded = await summariseWithLlm(spend.settings, conversation.summary, fold);
        summary = folded.summary;
        spend.usage = addUsage(spend.usage, folded.usage);
      } catch (error) {
        // A lost summary update is not worth a fallback notice: the offline extract stands in.
        log.info('summary fell back to the offline extract', { reason: error instanceof LlmFailure ? error.reason : String(error) });
      }
    }
  }

  // The card's edit is the intention later turns (and the model reading the summary) see.
  summary = summaryWithIntention(summary, stored?.text ?? null);

  let version: Version | null = null;
  let intention: Intention | null = stored;
  let draft = step.reply;
  if (step.action.kind !== 'ask') {
    // One song's music is made one turn at a time, each on the newest version (song-lock.ts).
    ({ version, intention, draft } = await withSongLock(songId, () => makeMusic(deps, songId, step, messages, summary, spend, { state, intention: stored })));
  }

  let text = draft;
  let streamed = false;
  // The first reply says plainly what the guide is, whoever phrases the rest (never left to a model).
  const prefix = step.preface ? `${step.preface}\n\n` : '';
  let prefixSent = false;
  if (spend.settings && !spend.failure) {
    try {
      if (prefix) {
        await hooks.onDelta?.(prefix);
        prefixSent = true;
      }
      const input = { step: step.step, draft, summary: clipSummary(summary), recent, message: userMessage.text, language: step.language };
      const phrased = await guideReplyWithLlm(spend.settings, input, (d) => {
        streamed = true;
        return hooks.onDelta?.(d);
      });
      // A reply in another language than the musician's is not used: the offline draft (in theirs) stands in.
      if (detectLanguage(phrased.text, { previous: step.language }) !== step.language) {
        throw new LlmFailure('wrong language', `the reply was not in ${step.language}`, undefined, phrased.usage);
      }
      text = phrased.text;
      spend.usage = addUsage(spend.usage, phrased.usage);
    } catch (error) {
      spend.failure = error instanceof LlmFailure ? error : new LlmFailure('unexpected error', String(error));
      spend.usage = addUsage(spend.usage, spend.failure.usage);
    }
  }
  // The first reply says plainly what the guide is, whoever phrased the rest (never left to a model).
  text = [step.preface, text].filter(Boolean).join('\n\n');
  // After a cut stream the deltas already sent are partial: `done` carries the whole reply either way.
  if (!streamed) await hooks.onDelta?.(text);
  if (spend.failure) log.info('turn fell back to the offline guide', { songId, reason: spend.failure.reason, detail: spend.failure.message });

  // Said in the musician's language (English keeps the shared wording of fallbackNotice).
  const fallback = spend.failure ? (step.language === 'en' ? fallbackNotice(spend.failure.reason) : guideText(step.language).lines.fallback.replace('{reason}', spend.failure.reason)) : null;
  const provider = spend.settings && !spend.failure ? spend.settings.model : 'offline';
  const reply = await appendMessage(db, {
    songId,
    role: 'assistant',
    text,
    meta: {
      suggestions: step.suggestions,
      stage: step.state.stage,
      provider,
      ...(fallback ? { fallback } : {}),
      ...(version ? { versionId: version.id } : {}),
      // Kept so a retried turn (same Idempotency-Key) gets the whole first result back.
      ...(step.proposedIntention ? { proposedIntention: step.proposedIntention } : {}),
    },
    promptTokens: spend.settings ? spend.usage.promptTokens : null,
    completionTokens: spend.settings ? spend.usage.completionTokens : null,
    replyTo: userMessage.id,
  }, { state: step.state, summary, summaryUpTo });

  return {
    userMessage,
    reply,
    stage: step.state.stage,
    suggestions: step.suggestions,
    intention,
    proposedIntention: step.proposedIntention,
    version,
    changes: version?.changes ?? [],
    fallback,
    crisis: false,
    crisisResources: null,
    language: step.language,
  };
}
