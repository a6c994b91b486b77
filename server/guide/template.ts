/**
 * A session template as the guide carries it in the conversation state: the ordered questions
 * (each answering one of the guide's answer stages, so proposing the intention still works) and
 * an optional musical constraint. A copy is stored at song creation, so editing or deleting the
 * template later never disturbs a conversation already under way.
 */
import type { AnswerStage, GuideTemplate, Stage, TemplateQuestion } from './state.ts';

export { GuideTemplate, TemplateConstraint, TemplateQuestion } from './state.ts';

/** The template's question for a stage, if it asks one there. */
export function templateQuestion(template: GuideTemplate | null, stage: Stage): TemplateQuestion | undefined {
  return template?.questions.find((q) => q.stage === stage);
}

/**
 * The stage after `from` in the template's own order, then the intention: with questions on
 * [feeling, images], nextTemplateStage(t, 'feeling') → 'images', (t, 'images') → 'intention'.
 */
export function nextTemplateStage(template: GuideTemplate, from: Stage): Stage {
  const order: Stage[] = template.questions.map((q) => q.stage);
  const i = order.indexOf(from);
  if (from === 'intention' || from === 'listening') return 'listening';
  if (i < 0) return order[0] ?? 'intention';
  return order[i + 1] ?? 'intention';
}

/** The first stage a template asks about. */
export const firstTemplateStage = (template: GuideTemplate): AnswerStage => template.questions[0]!.stage;
