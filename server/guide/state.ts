/**
 * The guide's state, kept in the conversation row's `state` JSON (the server holds no memory
 * between requests). Parsed with zod on every turn; anything unreadable falls back to a fresh start
 * for that field rather than breaking the conversation.
 */
import { z } from 'zod';
import { MAX_MESSAGE_CHARS } from '../journal/limits.ts';

/** The conversation's stages, in order. `listening` is the loop after the first sketch. */
export const STAGES = ['about', 'feeling', 'message', 'images', 'audience', 'references', 'intention', 'listening'] as const;
export type Stage = (typeof STAGES)[number];

/** The stages whose answer is stored in `answers`. */
export const ANSWER_STAGES = ['about', 'feeling', 'message', 'images', 'audience', 'references'] as const;
export type AnswerStage = (typeof ANSWER_STAGES)[number];

// As long as a message may be: a lyric sheet given as an answer is kept, not dropped on reading.
const Answer = z.string().max(MAX_MESSAGE_CHARS).optional().catch(undefined);

/** Session templates (see template.ts): the questions a template asks, in its order. */
export const TemplateQuestion = z.object({
  stage: z.enum(ANSWER_STAGES),
  question: z.string().trim().min(1).max(500),
  /** Chips for "I don't know" at this question; the stage's usual options when absent. */
  options: z.array(z.string().trim().min(1).max(80)).max(6).optional(),
  /**
   * The answer is also a sung line of this section (fill-in-the-blank, parody): `text` with ___
   * filled by the answer, or the answer itself. See server/templates/lines.ts.
   */
  line: z
    .object({ section: z.string().trim().min(1).max(40), text: z.string().trim().min(1).max(200).optional() })
    .optional(),
});

export const TemplateConstraint = z.object({
  /** Keep the first sketch in this mode ("dorian"); a Tonal scale name. */
  mode: z.string().trim().min(1).max(40).optional(),
});

export const GuideTemplate = z.object({
  id: z.string().min(1).max(100),
  name: z.string().min(1).max(120),
  questions: z
    .array(TemplateQuestion)
    .min(1)
    .max(6)
    .refine((qs) => new Set(qs.map((q) => q.stage)).size === qs.length, { message: 'each stage can be asked only once' }),
  constraint: TemplateConstraint.default({}),
});

export type TemplateQuestion = z.infer<typeof TemplateQuestion>;
export type GuideTemplate = z.infer<typeof GuideTemplate>;

export const GuideState = z.object({
  stage: z.enum(STAGES).catch('about').default('about'),
  /** The musician's own words for each stage, as they wrote them. */
  answers: z
    .object({ about: Answer, feeling: Answer, message: Answer, images: Answer, audience: Answer, references: Answer })
    .catch({})
    .default({}),
  /** The intention statement last proposed, awaiting "yes" or their edit. */
  proposedIntention: z.string().max(2000).nullable().catch(null).default(null),
  /** Set after a crisis message: the music flow waits until the musician comes back to it. */
  paused: z.boolean().catch(false).default(false),
  /** Revision requests after listening, newest last (bounded: the summary quotes them). */
  requests: z.array(z.string().max(4000)).max(50).catch([]).default([]),
  /** The session template chosen when the song was made (a copy); null = the default flow. */
  template: GuideTemplate.nullable().catch(null).default(null),
  /** The conversation's language so far (a code under lang/); null until the first message. */
  language: z.string().max(10).nullable().catch(null).default(null),
  /** Stages whose question has been asked: never asked twice, answered or not. */
  asked: z.array(z.enum(ANSWER_STAGES)).catch([]).default([]),
  /** Stages that already had a gentle follow-up after a one-word answer. */
  followed: z.array(z.enum(ANSWER_STAGES)).catch([]).default([]),
  /** Stock sentences already used in this conversation ("reflect:2", "unsure:about:0"), so none comes twice. */
  used: z.array(z.string().max(60)).max(300).catch([]).default([]),
  /** The guide offered to just play something (after frustration): a "yes" now means a sketch. */
  offered: z.boolean().catch(false).default(false),
  /** The first reply said plainly what the guide is (an AI companion, not a therapist). */
  disclosed: z.boolean().catch(false).default(false),
});
export type GuideState = z.infer<typeof GuideState>;

/** Read the stored state: parseState({}) → a fresh conversation at the first stage. */
export function parseState(raw: unknown): GuideState {
  return GuideState.catch(GuideState.parse({})).parse(raw ?? {});
}

/** The stage after `stage` (listening is the last and loops). */
export function nextStage(stage: Stage): Stage {
  const i = STAGES.indexOf(stage);
  return STAGES[Math.min(i + 1, STAGES.length - 1)]!;
}

/** Keep the last `n` requests so the state (and the summary drawn from it) stays bounded. */
export function pushRequest(requests: string[], request: string, n = 8): string[] {
  return [...requests, request.slice(0, 400)].slice(-n);
}
