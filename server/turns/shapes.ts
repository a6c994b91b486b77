/** The turn route's shapes, as docs/API.md names them (OpenAPI + typed client). */
import { z } from '@hono/zod-openapi';
import { Intention, Message, Version } from '../journal/shapes.ts';
import { CrisisResources } from '../safety/resources/index.ts';

/** Longest message a musician can send in one turn. */
export const MAX_TURN_CHARS = 4000;

export const TurnBody = z
  .object({ text: z.string().trim().min(1, 'say something first').max(MAX_TURN_CHARS, `at most ${MAX_TURN_CHARS} characters`) })
  .openapi('TurnBody');

export const RetryBody = z.object({}).passthrough().openapi('RetryBody');

export const TurnResult = z
  .object({
    userMessage: Message,
    reply: Message,
    stage: z.string(),
    suggestions: z.array(z.string()),
    intention: Intention.nullable(),
    proposedIntention: z.string().nullable(),
    version: Version.nullable(),
    changes: z.array(z.string()),
    fallback: z.string().nullable(),
    crisis: z.boolean(),
    /** With a crisis reply: the emergency number and helplines chosen for the musician's locale; else null. */
    crisisResources: CrisisResources.nullable(),
  })
  .openapi('TurnResult');

export type TurnBody = z.infer<typeof TurnBody>;
export type TurnResult = z.infer<typeof TurnResult>;
