/**
 * The offline guide: a deterministic, reflective conversation that adapts to what was said. It
 * decides every turn (even when a language model phrases the reply): which question comes next,
 * when to propose the intention, when to make the first sketch and when a message is a revision.
 */
import { CHIPS, LINES, SCRIPT } from './script.ts';
import { nextStage, pushRequest, STAGES, type AnswerStage, type GuideState, type Stage } from './state.ts';
import { nextTemplateStage, templateQuestion } from './template.ts';
import { correction } from './corrections.ts';
import { isCloser, isFurther, isJustMake, isNo, isSkip, isUnsure, isYes, keyPhrase, proposeIntention } from './words.ts';

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
}

const fill = (line: string, q: string) => line.replace('{q}', q);
const join = (...parts: string[]) => parts.filter(Boolean).join(' ');
/** The chosen session template's wording for a stage, else the default script's. */
const questionFor = (state: GuideState, stage: Stage) => templateQuestion(state.template, stage)?.question ?? SCRIPT[stage].question;

function ask(state: GuideState, stage: Stage, lead = '', step = `ask:${stage}`): GuideStep {
  const chips = stage === 'listening' ? CHIPS.listening : stage === 'references' ? ['skip', "I don't know", 'just make something'] : CHIPS.asking;
  return { state: { ...state, stage }, reply: join(lead, questionFor(state, stage)), suggestions: [...chips], action: { kind: 'ask' }, step, proposedIntention: null };
}

function propose(state: GuideState, lead = ''): GuideStep {
  const intention = proposeIntention(state.answers);
  const next = { ...state, stage: 'intention' as const, proposedIntention: intention || null };
  if (!intention) return { ...ask(next, 'intention', join(lead, LINES.intentionAgain), 'ask:intention'), reply: join(lead, LINES.intentionAgain) };
  const reply = join(lead, LINES.propose.replace('{intention}', intention), SCRIPT.intention.question);
  return { state: next, reply, suggestions: [...CHIPS.proposing], action: { kind: 'ask' }, step: 'propose', proposedIntention: intention };
}

function options(state: GuideState): GuideStep {
  const script = SCRIPT[state.stage];
  const own = templateQuestion(state.template, state.stage)?.options;
  return { state, reply: script.unsure, suggestions: [...(own ?? script.options)], action: { kind: 'ask' }, step: `options:${state.stage}`, proposedIntention: null };
}

function advance(state: GuideState, from: Stage, lead = ''): GuideStep {
  const next = state.template ? nextTemplateStage(state.template, from) : nextStage(from);
  return next === 'intention' ? propose(state, lead) : ask(state, next, lead);
}

function sketch(state: GuideState, intention: string | null, confirmed: boolean): GuideStep {
  return {
    state: { ...state, stage: 'listening', proposedIntention: null },
    reply: '',
    suggestions: [...CHIPS.listening],
    action: { kind: 'sketch', intention, confirmed },
    step: 'sketch',
    proposedIntention: null,
  };
}

/** Re-ask where the conversation stands (after a pause or a correction). */
function resume(state: GuideState, lead: string): GuideStep {
  return state.stage === 'intention' ? propose(state, lead) : ask(state, state.stage, lead);
}

/** After a sketch: store the changed answer, reflect it in their words, and let the turn update the intention and the music. */
function correctAfterSketch(state: GuideState, stage: AnswerStage, answer: string): GuideStep {
  const answers = { ...state.answers, [stage]: answer };
  const intention = proposeIntention(answers) || null;
  return {
    state: { ...state, answers },
    reply: fill(LINES.corrected, keyPhrase(answer)),
    suggestions: [...CHIPS.listening],
    action: { kind: 'correct', stage, answer, previous: state.answers[stage] ?? null, intention },
    step: 'corrected:sketch',
    proposedIntention: intention,
  };
}

/** Decide the guide's next move from its state and the musician's message. */
export function guideStep(state: GuideState, message: string): GuideStep {
  const text = message.trim();
  if (state.paused) return { ...resume({ ...state, paused: false }, LINES.resume), step: 'resume' };

  if (state.stage === 'listening') {
    if (isUnsure(text)) return options(state);
    if (isCloser(text)) return { ...ask(state, 'listening'), reply: LINES.closer, step: 'closer' };
    if (isFurther(text)) return { ...ask(state, 'listening'), reply: LINES.further, step: 'further' };
    const fix = correction(text, { afterSketch: true });
    if (fix) return correctAfterSketch(state, fix.stage, fix.text);
    const next = { ...state, requests: pushRequest(state.requests, text) };
    return { state: next, reply: '', suggestions: [...CHIPS.listening], action: { kind: 'revise', request: text }, step: 'revise', proposedIntention: null };
  }

  if (isJustMake(text)) return sketch(state, state.proposedIntention ?? (proposeIntention(state.answers) || null), false);

  const fix = correction(text);
  if (fix && STAGES.indexOf(fix.stage) < STAGES.indexOf(state.stage)) {
    const next = { ...state, answers: { ...state.answers, [fix.stage]: fix.text } };
    return { ...resume(next, fill(LINES.corrected, keyPhrase(fix.text))), step: 'corrected' };
  }

  if (isSkip(text)) return state.stage === 'intention' ? sketch(state, state.proposedIntention, false) : advance(state, state.stage);
  if (isUnsure(text)) return options(state);

  if (state.stage === 'intention') {
    if (isYes(text) && state.proposedIntention) return sketch(state, state.proposedIntention, true);
    if (isNo(text) || isYes(text)) return { ...ask(state, 'intention', LINES.intentionAgain, 'ask:intention'), reply: LINES.intentionAgain };
    // Anything else is their own wording of the intention: kept exactly as they said it.
    return sketch(state, text.slice(0, 2000), true);
  }

  const answered = { ...state, answers: { ...state.answers, [state.stage]: text } };
  return advance(answered, state.stage, fill(SCRIPT[state.stage].reflect, keyPhrase(text)));
}
