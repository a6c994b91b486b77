/**
 * The journal's JSON shapes, exactly as docs/API.md names them. One zod schema per shape: the
 * routes describe their responses with them (OpenAPI + typed client) and the services' return
 * types are inferred from them, never restated.
 */
import { z } from '@hono/zod-openapi';
import { JamTake } from '../../music/jam/take.ts';
import { SongParameters } from '../../music/params.ts';
import { Sketch } from '../../music/sketch.ts';
import { CrisisResources } from '../safety/resources/index.ts';

const Iso = z.string().openapi({ example: '2026-01-31T12:00:00.000Z' });

export const SongSummary = z
  .object({
    id: z.string(),
    title: z.string(),
    createdAt: Iso,
    updatedAt: Iso,
    archived: z.boolean(),
    intention: z.string().nullable(),
    versionCount: z.number().int(),
  })
  .openapi('SongSummary');

export const MessageMeta = z
  .object({
    suggestions: z.array(z.string()).optional(),
    fallback: z.string().optional(),
    stage: z.string().optional(),
    versionId: z.string().optional(),
    provider: z.string().optional(),
    /** The message took the crisis path (the musician's words, or the care reply to them). */
    crisis: z.boolean().optional(),
    /** On a crisis reply: the help lines it named, so the card can show them again on reopening. */
    crisisResources: CrisisResources.optional(),
    /** On a reply: the intention it proposed, so a turn repeated with its Idempotency-Key returns it too. */
    proposedIntention: z.string().optional(),
  })
  // Other helpers may record more facts about a turn; keep them rather than drop them.
  .catchall(z.unknown());

export const Role = z.enum(['user', 'assistant', 'system']);

export const Message = z
  .object({ id: z.string(), seq: z.number().int(), role: Role, text: z.string(), createdAt: Iso, meta: MessageMeta })
  .openapi('Message');

export const Intention = z
  .object({
    id: z.string(),
    text: z.string(),
    confirmed: z.boolean(),
    createdAt: Iso,
    /** Set when the intention was just stored: the song's title after it (an agreed intention names a song still called "Untitled song"). */
    songTitle: z.string().optional(),
  })
  .openapi('Intention');

export const Note = z
  .object({ id: z.string(), text: z.string(), versionId: z.string().nullable(), createdAt: Iso })
  .openapi('Note');

export const VersionSummary = z
  .object({
    id: z.string(),
    number: z.number().int(),
    parentId: z.string().nullable(),
    request: z.string(),
    seed: z.number().int(),
    engineVersion: z.string(),
    changes: z.array(z.string()),
    rating: z.number().int().nullable(),
    note: z.string().nullable(),
    createdAt: Iso,
    valence: z.number(),
    arousal: z.number(),
    key: z.string(),
    mode: z.string(),
    tempo: z.number().int(),
    meter: z.string(),
  })
  .openapi('VersionSummary');

export const Version = VersionSummary.extend({
  songId: z.string(),
  params: SongParameters,
  sketch: Sketch,
}).openapi('Version');

/** A recorded jam take of a version: the pad's path in ticks from its first barline. */
export const JamTakeEntry = z
  .object({ id: z.string(), versionId: z.string(), name: z.string(), createdAt: Iso, take: JamTake })
  .openapi('JamTake');

export const SongDetail = z
  .object({
    song: SongSummary,
    intention: Intention.nullable(),
    messages: z.array(Message),
    versions: z.array(VersionSummary),
    notes: z.array(Note),
  })
  .openapi('SongDetail');

export const Conversation = z.object({
  id: z.string(),
  songId: z.string(),
  summary: z.string(),
  summaryUpTo: z.number().int(),
  /** The guide's own state; it parses this with its schema. */
  state: z.record(z.string(), z.unknown()),
  createdAt: Iso,
});

export const ErrorBody = z
  .object({
    error: z.object({ code: z.string(), message: z.string(), field: z.string().optional() }),
  })
  .openapi('Error');

export type SongSummary = z.infer<typeof SongSummary>;
export type MessageMeta = z.infer<typeof MessageMeta>;
export type Role = z.infer<typeof Role>;
export type Message = z.infer<typeof Message>;
export type Intention = z.infer<typeof Intention>;
export type Note = z.infer<typeof Note>;
export type VersionSummary = z.infer<typeof VersionSummary>;
export type Version = z.infer<typeof Version>;
export type JamTakeEntry = z.infer<typeof JamTakeEntry>;
export type SongDetail = z.infer<typeof SongDetail>;
export type Conversation = z.infer<typeof Conversation>;
