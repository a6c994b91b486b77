/**
 * The offline guide: a deterministic, reflective conversation that adapts to what was said, in
 * the musician's language. It decides every turn (even when a language model phrases the reply):
 * which question comes next (the first topic still missing, in the session template's order when
 * there is one), when one answer covered several topics, when to propose the intention, when to
 * make the first sketch, and when a message is a revision. Its words come from lang/<code>/guide.json.
 */
import { detectLanguage, type Language } from '../i18n/language.ts';
import { correctionIn } from './corrections.ts';
import { composeIntention } from './intention.ts';
import { reflection, sayOnce } from './reflect.ts';
import { ANSWER_STAGES, pushRequest, STAGES, type AnswerStage, type GuideState, type Stage } from './state.ts';
import { templateQuestion } from './template.ts';
import { guideText, listed, type GuideText } from './text.ts';
import { covered, readTopics } from './topics.ts';
import { isAlmost, isCloser, isFrustrated, isFurther, isJustMake, isKeepTalking, isNo, isOneWord, isSkip, isUnsure, isYes } from './words.ts';

export type GuideAction =
  | { kind: 'ask' }
  | { kind: 'sketch'; intention: string | null; confirmed: boolean }
  | { kind: 'revise'; request: string }
  /** An earlier answer changed after a sketch: `previous` is the old answer, `intention` the one proposed from the new answers. */
  | { kind: 'correct'; stage: AnswerStage; answer: string; previous: string | null; intention: string | null };

/** One turn of the guide: the new state, the offline reply, chips, and what the turn must do. */
export interface GuideStep {
  state: GuideState;
  /** The offline reply; for sketch and revise it is empty and the caller describes what was made. */
  reply: string;
  suggestions: string[];
  action: GuideAction;
  /** Names this step for the guide prompt (prompts/guide.md explains each): "ask:feeling", "propose" … */
  step: string;
  proposedIntention: string | null;
  /** The language the reply is in (detected from the message, the conversation and the page). */
  language: Language;
  /** Said before the reply, whoever phrases it: the first reply's plain word on what the guide is. */
  preface: string;
  /** The listening question to end a sketch or revision reply with (a different one each time; "" once all were used). */
  listen: string;
}

/** Topics asked about in this order when no template says otherwise; references last, and optional. */
const ASK_ORDER: AnswerStage[] = ['about', 'feeling', 'message', 'images', 'audience', 'references'];
/** Stages where a one-word answer gets one gentle follow-up. */
const FOLLOW_UP: ReadonlySet<AnswerStage> = new Set(['about', 'feeling', 'message', 'images']);
/** After one message covering this many topics, the intention is proposed at once. */
const RICH = 3;

const join = (...parts: string[]) => parts.filter(Boolean).join(' ');
const firstSentence = (text: string) => (text.trim().split(/(?<=[.!?])\s+|\n/)[0] ?? '').replace(/[.!?]+$/, '').trim();
const isAnswerStage = (s: Stage): s is AnswerStage => (ANSWER_STAGES as readonly string[]).includes(s);

interface Ctx {
  t: GuideText;
  turn: number;
}

type Base = Omit<GuideStep, 'language' | 'preface' | 'listen'>;

/** The first stage still to ask about: unanswered and not asked before (the template's order when there is one). */
function nextMissing(state: GuideState): Stage {
  const order = state.template ? state.template.questions.map((q) => q.stage) : ASK_ORDER;
  return order.find((s) => !state.answers[s] && !state.asked.includes(s)) ?? 'intention';
}

const questionFor = (state: GuideState, stage: Stage, t: GuideText) => templateQuestion(state.template, stage)?.question ?? t.stages[stage].question;

function ask(state: GuideState, stage: Stage, ctx: Ctx, lead = '', step = `ask:${stage}`): Base {
  const chips = stage === 'listening' ? ctx.t.chips.listening : ctx.t.chips.asking;
  const asked = isAnswerStage(stage) && !state.asked.includes(stage) ? [...state.asked, stage] : state.asked;
  return { state: { ...state, stage, asked }, reply: join(lead, questionFor(state, stage, ctx.t)), suggestions: [...chips], action: { kind: 'ask' }, step, proposedIntention: null };
}

function propose(state: GuideState, ctx: Ctx, lead = ''): Base {
  const intention = composeIntention(state.answers, ctx.t);
  const next = { ...state, stage: 'intention' as const, proposedIntention: intention || null };
  if (!intention) return { state: next, reply: join(lead, ctx.t.lines.intentionAgain), suggestions: [...ctx.t.chips.asking], action: { kind: 'ask' }, step: 'ask:intention', proposedIntention: null };
  const said = sayOnce(ctx.t.lines.propose, 'propose', next.used, (v) => v.replace('{intention}', intention), ctx.turn);
  const confirm = sayOnce(ctx.t.lines.confirm, 'confirm', said.used);
  const reply = join(lead, said.text || `“${intention}”`, confirm.text || ctx.t.lines.confirm.at(-1)!);
  return { state: { ...next, used: confirm.used }, reply, suggestions: [...ctx.t.chips.proposing], action: { kind: 'ask' }, step: 'propose', proposedIntention: intention };
}

/** "I don't know": three concrete examples to choose from, in a line not said before; after every line was used, move on. */
function options(state: GuideState, ctx: Ctx): Base {
  const script = ctx.t.stages[state.stage];
  const own = templateQuestion(state.template, state.stage)?.options;
  const used = state.used.filter((u) => u.startsWith(`unsure:${state.stage}:`)).length;
  const pool = own ?? script.examples;
  const examples = [0, 1, 2].map((k) => pool[(used * 3 + k) % pool.length]!).filter((e, i, all) => all.indexOf(e) === i);
  const said = sayOnce(script.unsure, `unsure:${state.stage}`, state.used, (v) => v.replace('{examples}', listed(examples, 'or', ctx.t)));
  if (!said.text && isAnswerStage(state.stage)) return advance({ ...state, asked: state.asked.includes(state.stage) ? state.asked : [...state.asked, state.stage] }, ctx);
  return { state: { ...state, used: said.used }, reply: said.text, suggestions: [...pool], action: { kind: 'ask' }, step: `options:${state.stage}`, proposedIntention: null };
}

function advance(state: GuideState, ctx: Ctx, lead = ''): Base {
  const next = nextMissing(state);
  return next === 'intention' ? propose(state, ctx, lead) : ask(state, next, ctx, lead);
}

function sketch(state: GuideState, intention: string | null, confirmed: boolean, ctx: Ctx): Base {
  return {
    state: { ...state, stage: 'listening', proposedIntention: null, offered: false },
    reply: '',
    suggestions: [...ctx.t.chips.listening],
    action: { kind: 'sketch', intention, confirmed },
    step: 'sketch',
    proposedIntention: null,
  };
}

/** Re-ask where the conversation stands (after a pause or a correction). */
function resume(state: GuideState, ctx: Ctx, lead: string): Base {
  if (state.stage === 'intention') return propose(state, ctx, lead);
  if (state.stage === 'listening') return ask(state, 'listening', ctx, lead);
  return { ...ask(state, state.stage, ctx, lead), state: { ...state } };
}

/** After a sketch: store the changed answer, reflect it in their words, and let the turn update the intention and the music. */
function correctAfterSketch(state: GuideState, stage: AnswerStage, answer: string, ctx: Ctx): Base {
  const answers = { ...state.answers, [stage]: answer };
  const intention = composeIntention(answers, ctx.t) || null;
  const said = sayOnce(ctx.t.lines.corrected, 'corrected', state.used, (v) => v.replace('{q}', answer));
  return {
    state: { ...state, answers, used: said.used },
    reply: said.text,
    suggestions: [...ctx.t.chips.listening],
    action: { kind: 'correct', stage, answer, previous: state.answers[stage] ?? null, intention },
    step: 'corrected:sketch',
    proposedIntention: intention,
  };
}

/** Their own wording of the intention, kept exactly as they wrote it (only the ends trimmed). */
const ownIntention = (text: string) => text.trim().slice(0, 2000);

/** Merge the topics one answer covered into the answers so far (a topic already answered keeps its words and gains the new ones). */
function merged(answers: GuideState['answers'], found: Partial<Record<AnswerStage, string>>, replace: boolean): GuideState['answers'] {
  const out = { ...answers };
  for (const [stage, words] of Object.entries(found) as [AnswerStage, string][]) {
    const before = out[stage];
    out[stage] = !before || replace ? words : words.toLowerCase().includes(before.toLowerCase()) ? words : `${before}, ${words}`;
  }
  return out;
}

/** At the proposal: "yes" makes the sketch; "almost, but…" asks what to change; new words are woven in; their own sentence is kept. */
function atIntention(state: GuideState, text: string, ctx: Ctx): Base {
  const { t } = ctx;
  if (isYes(text, t) && state.proposedIntention) return sketch(state, state.proposedIntention, true, ctx);
  // "no, it's for my brother": what they name is woven in, whatever the lead-in.
  const found = readTopics(text, null, t);
  if (Object.keys(found).length > 0 && !t.patterns.opener.test(text.trim())) {
    const next = { ...state, answers: merged(state.answers, found, true) };
    const woven = sayOnce(t.lines.woven, 'woven', next.used, undefined, ctx.turn);
    return propose({ ...next, used: woven.used }, ctx, woven.text);
  }
  if (isAlmost(text, t) || isNo(text, t) || isYes(text, t)) {
    const said = sayOnce(t.lines.askChange, 'askChange', state.used, undefined, ctx.turn);
    return { state: { ...state, used: said.used }, reply: said.text || t.lines.intentionAgain, suggestions: [...t.chips.asking], action: { kind: 'ask' }, step: 'ask:change', proposedIntention: state.proposedIntention };
  }
  if (t.patterns.opener.test(text.trim())) return sketch(state, ownIntention(text), true, ctx);
  const said = sayOnce(t.lines.askChange, 'askChange', state.used, undefined, ctx.turn);
  return { state: { ...state, used: said.used }, reply: said.text || t.lines.intentionAgain, suggestions: [...t.chips.asking], action: { kind: 'ask' }, step: 'ask:change', proposedIntention: state.proposedIntention };
}

/** An answer to the question at `stage`: store every topic it covers, reflect it, and ask what is still missing. */
function answer(state: GuideState, text: string, ctx: Ctx): Base {
  const stage = state.stage as AnswerStage;
  const { t } = ctx;
  // A template's questions are the facilitator's plan: each answer belongs to the question asked, in its order.
  const found = state.template ? { [stage]: text } : readTopics(text, stage, t);
  // "A song for my grandmother, who died in spring" names the song itself: that sentence is what it is about.
  const opener = firstSentence(text);
  if (!state.template && stage === 'about' && t.patterns.opener.test(opener)) found.about = opener;
  const onlyThis = Object.keys(found).length === 1 && Boolean(found[stage]);
  // A template's question may ask for one word ("in one or two words"): no follow-up there.
  if (!state.template && FOLLOW_UP.has(stage) && isOneWord(text) && onlyThis && !state.followed.includes(stage)) {
    const word = text.trim().replace(/[.!?,;:]+$/, '');
    const said = sayOnce(t.stages[stage].followUp, `follow:${stage}`, state.used, (v) => v.replace('{q}', word), ctx.turn);
    const next = { ...state, answers: { ...state.answers, [stage]: word }, followed: [...state.followed, stage], used: said.used };
    if (said.text) return { state: next, reply: said.text, suggestions: [...t.chips.asking], action: { kind: 'ask' }, step: `follow:${stage}`, proposedIntention: null };
  }
  const answers = merged(state.answers, found, false);
  // Reflect what they answered; if the answer went to other topics, the first of those.
  const about = found[stage] ? stage : ((Object.keys(found)[0] as AnswerStage | undefined) ?? stage);
  const reflected = reflection(about, found[about] ?? text, t, state.used, ctx.turn, text);
  const next = { ...state, answers, used: reflected.used, asked: state.asked.includes(stage) ? state.asked : [...state.asked, stage] };
  // Said it all at once (a feeling among it): the intention comes now, so a sketch is one "yes" away.
  if (covered(found) >= RICH && found.feeling && !state.template) return propose(next, ctx, reflected.text);
  return advance(next, ctx, reflected.text);
}

function decide(state: GuideState, text: string, ctx: Ctx): Base {
  const { t } = ctx;
  if (state.paused) return { ...resume({ ...state, paused: false }, ctx, t.lines.resume), step: 'resume' };

  if (state.stage === 'listening') {
    if (isUnsure(text, t)) return options(state, ctx);
    if (isCloser(text, t) || isYes(text, t)) return { ...ask(state, 'listening', ctx), reply: t.lines.closer, step: 'closer' };
    // "almost, but the wording is muddled" after the sketch is about the intention's words, not the music.
    if (isAlmost(text, t) && t.patterns.almost.test(text.replace(/^\S+/, ''))) {
      const said = sayOnce(t.lines.askChange, 'askChange', state.used, undefined, ctx.turn);
      if (said.text) return { state: { ...state, used: said.used }, reply: said.text, suggestions: [...t.chips.listening], action: { kind: 'ask' }, step: 'ask:change', proposedIntention: null };
    }
    if (isFurther(text, t)) return { ...ask(state, 'listening', ctx), reply: t.lines.further, step: 'further' };
    const fix = correctionIn(text, t, { afterSketch: true });
    if (fix) return correctAfterSketch(state, fix.stage, fix.text, ctx);
    const next = { ...state, requests: pushRequest(state.requests, text) };
    return { state: next, reply: '', suggestions: [...t.chips.listening], action: { kind: 'revise', request: text }, step: 'revise', proposedIntention: null };
  }

  const proposal = () => state.proposedIntention ?? (composeIntention(state.answers, t) || null);
  if (isJustMake(text, t) || (state.offered && isYes(text, t))) return sketch(state, proposal(), false, ctx);
  if (state.offered && isKeepTalking(text, t)) return { ...advance({ ...state, offered: false }, ctx), step: 'keep-talking' };
  if (isFrustrated(text, t)) {
    const said = sayOnce(t.lines.frustration, 'frustration', state.used, undefined, ctx.turn);
    // Out of fresh words, the offer itself is the way forward: make the sketch.
    if (!said.text) return sketch(state, proposal(), false, ctx);
    return { state: { ...state, offered: true, used: said.used }, reply: said.text, suggestions: [...t.chips.offer], action: { kind: 'ask' }, step: 'frustration', proposedIntention: null };
  }
  const next = { ...state, offered: false };

  const fix = correctionIn(text, t);
  if (fix && STAGES.indexOf(fix.stage) < STAGES.indexOf(next.stage)) {
    const changed = { ...next, answers: { ...next.answers, [fix.stage]: fix.text } };
    const said = sayOnce(t.lines.corrected, 'corrected', changed.used, (v) => v.replace('{q}', fix.text));
    return { ...resume({ ...changed, used: said.used }, ctx, said.text), step: 'corrected' };
  }

  if (isSkip(text, t)) return next.stage === 'intention' ? sketch(next, next.proposedIntention, false, ctx) : advance({ ...next, asked: isAnswerStage(next.stage) && !next.asked.includes(next.stage) ? [...next.asked, next.stage] : next.asked }, ctx);
  if (next.stage === 'intention') return isUnsure(text, t) ? options(next, ctx) : atIntention(next, text, ctx);
  // "ok" or "no" to a question is not an answer to it: offer examples, as for "I don't know".
  if (isUnsure(text, t) || isYes(text, t) || isNo(text, t)) return options(next, ctx);
  return answer(next, text, ctx);
}

/**
 * Decide the guide's next move from its state and the musician's message. `page` is the page's
 * language (the web app's switch or Accept-Language), a prior for short messages.
 */
export function guideStep(state: GuideState, message: string, options: { page?: Language | null } = {}): GuideStep {
  const text = message.trim().replace(/’/g, "'");
  const language = detectLanguage(text, { previous: state.language, page: options.page ?? null });
  const t = guideText(language);
  const ctx: Ctx = { t, turn: state.used.length + state.asked.length };
  const base = decide({ ...state, language }, text, ctx);
  let s = base.state;
  const preface = s.disclosed ? '' : t.disclosure;
  s = { ...s, disclosed: true };
  let listen = '';
  if (base.action.kind === 'sketch' || base.action.kind === 'revise' || base.action.kind === 'correct') {
    const said = sayOnce(t.lines.listen, 'listen', s.used);
    listen = said.text;
    s = { ...s, used: said.used };
  }
  return { ...base, state: s, language, preface, listen };
}
