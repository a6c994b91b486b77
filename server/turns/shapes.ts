/** The turn route's shapes, as docs/API.md names them (OpenAPI + typed client). */
import { z } from '@hono/zod-openapi';
import { Intention, Message, Version } from '../journal/shapes.ts';
import { CrisisResources } from '../safety/resources/index.ts';
import { formatLimit, MAX_MESSAGE_CHARS } from '../journal/limits.ts';

/** Longest message a musician can send in one turn (a whole lyric sheet fits; see limits.ts). */
export const MAX_TURN_CHARS = MAX_MESSAGE_CHARS;

/** The page's language as a BCP 47 tag ("de", "fr-CA"): a prior for reading short messages. */
export const PageLanguage = z
  .string()
  .trim()
  .regex(/^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*$/, 'a language tag such as "de" or "fr-CA"')
  .openapi({ description: "The page's language (the app's language switch); a prior for reading short messages. Unsupported languages are ignored; absent → Accept-Language.", example: 'de' });

export const TurnBody = z
  .object({
    text: z
      .string()
      .trim()
      .min(1, 'say something first')
      // Refused, never cut: the message names the limit and what to do instead.
      .max(MAX_TURN_CHARS, `a message can be at most ${formatLimit(MAX_TURN_CHARS)} characters; split it into parts, or keep it as a note`),
    language: PageLanguage.optional(),
  })
  .openapi('TurnBody');

export const RetryBody = z.object({ language: PageLanguage.optional() }).passthrough().openapi('RetryBody');

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
    /** The language the guide answered in (detected from the message, the conversation and the page). */
    language: z.string(),
  })
  .openapi('TurnResult');

export type TurnBody = z.infer<typeof TurnBody>;
export type TurnResult = z.infer<typeof TurnResult>;
