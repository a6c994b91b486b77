/**
 * A changed answer after a sketch ("actually I feel angry, not sad", "actually it's for my mother"):
 * update the intention, then make a version that follows the new answer. A changed feeling, story,
 * image or message re-interprets the conversation the way the first sketch was made; a changed
 * audience keeps the music and moves only the intention and the reasons that quoted the old one.
 */
import type { SongParameters } from '../../music/params.ts';
import type { AppDeps } from '../deps.ts';
import { correctedReply, guideText, intentionAfterCorrection, isJustMake, swapPhrase, type Changed, type GuideAction, type GuideStep } from '../guide/index.ts';
import { ANSWER_STAGES, type AnswerStage } from '../guide/state.ts';
import { createVersion, currentIntention, latestVersion, setIntention } from '../journal/index.ts';
import { checkedRevisionReply } from './revision-reply.ts';
import type { Intention, Message, Version } from '../journal/shapes.ts';
import { interpretWithLlm } from '../llm/interpret.ts';
import { withTemplateConstraint } from '../templates/constraint.ts';
import { keepHandWork } from './keep-work.ts';
import { record, sameMusic, type Spend } from './spend.ts';

type Correct = Extract<GuideAction, { kind: 'correct' }>;

/** Stages whose answer says who the song is for, not what it sounds like. */
const WORDS_ONLY: ReadonlySet<AnswerStage> = new Set(['audience']);
const MAX_CHARS = 4000;

/**
 * What the first sketch was made from, with the changed answer in place: their answers in stage
 * order, any "just make something …" request (it may name a key or style), and the intention.
 */
export function correctedText(answers: Partial<Record<AnswerStage, string>>, messages: Message[], intention: string | null): string {
  const said = ANSWER_STAGES.map((s) => answers[s]?.trim()).filter((a): a is string => Boolean(a));
  const asked = messages.filter((m) => m.role === 'user' && !m.meta['crisis'] && isJustMake(m.text)).map((m) => m.text.trim());
  const text = [...asked, ...said, intention].filter(Boolean).join('\n');
  return text.length > MAX_CHARS ? text.slice(-MAX_CHARS) : text;
}

/** The reasons with the old answer's phrase swapped for the new one ("for my sister" → "for my mother"). */
function retold(params: SongParameters, change: Changed, language: string): SongParameters {
  const swap = (s: string) => swapPhrase(s, change, guideText(language)) ?? s;
  return { ...params, rationale: params.rationale.map((r) => ({ ...r, because: swap(r.because), ...(r.quote ? { quote: swap(r.quote) } : {}) })) };
}

/** Update the intention and the music after a changed answer; returns the version (or null), the intention and the offline reply. */
export async function remakeAfterCorrection(deps: AppDeps, songId: string, step: GuideStep, action: Correct, messages: Message[], spend: Spend) {
  const { db } = deps;
  const change: Changed = { stage: action.stage, previous: action.previous, answer: action.answer, answers: step.state.answers };
  let intention: Intention | null = await currentIntention(db, songId);
  const t = guideText(step.language);
  // Their own wording (typed, or edited on the card) is never swapped for a proposal.
  const next = intentionAfterCorrection(intention, change, t);
  const updated = next !== null && next.text !== intention?.text;
  if (updated) intention = await setIntention(db, { songId, text: next.text, confirmed: next.kept && (intention?.confirmed ?? false) });

  let version: Version | null = null;
  const latest = await latestVersion(db, songId);
  if (latest) {
    let params: SongParameters;
    if (WORDS_ONLY.has(action.stage)) params = retold(latest.params, change, step.language);
    else {
      const interpreted = await interpretWithLlm(spend.settings ?? deps.config, correctedText(step.state.answers, messages, intention?.text ?? null), { lang: step.language });
      record(spend, interpreted);
      // The feelings are read again; a tempo, a key or a section change made by hand since stays.
      params = keepHandWork(latest.params, withTemplateConstraint(interpreted.params, step.state.template)).params;
    }
    const changed = !sameMusic(params, latest.params) || JSON.stringify(params.rationale) !== JSON.stringify(latest.params.rationale);
    const request = messages.filter((m) => m.role === 'user').at(-1)?.text ?? action.answer;
    if (changed) version = await createVersion(db, { songId, params, parentId: latest.id, request, ifLatest: true }, { parent: latest });
  }
  // New music is described by what its notes show against the version it replaces (claims.ts).
  const draft = version && latest && !sameMusic(version.params, latest.params)
    ? [step.reply, updated ? t.lines.intentionNow.replace('{intention}', intention!.text) : '', checkedRevisionReply(latest, version, step.language)].filter(Boolean).join(' ')
    : correctedReply(step.reply, updated ? intention!.text : null, version, t, step.listen);
  return { version, intention, draft };
}
