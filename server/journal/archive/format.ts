/**
 * song.json — the portable form of one song (format "innerchord-song", formatVersion 1).
 * Everything the journal knows about the song, with its original ids so links survive; an
 * import gives every row a fresh id and remaps the links.
 */
import { z } from 'zod';
import { JamTake } from '../../../music/jam/take.ts';
import { SongParameters } from '../../../music/params.ts';
import { Sketch } from '../../../music/sketch.ts';
import { MessageMeta, Role } from '../shapes.ts';
import { MAX_NOTE_CHARS } from '../limits.ts';

const Iso = z.iso.datetime({ offset: true });
const Id = z.string().min(1).max(100);

export const FORMAT = 'innerchord-song';
export const FORMAT_VERSION = 1;

export const SongFile = z
  .object({
    format: z.literal(FORMAT),
    formatVersion: z.literal(FORMAT_VERSION),
    exportedAt: Iso,
    engineVersion: z.string(),
    song: z.object({ id: Id, title: z.string().min(1).max(200), createdAt: Iso, updatedAt: Iso, archived: z.boolean() }),
    conversation: z.object({
      summary: z.string().max(100_000),
      summaryUpTo: z.number().int().min(0),
      state: z.record(z.string(), z.unknown()),
      createdAt: Iso,
    }),
    messages: z
      .array(
        z.object({
          id: Id,
          seq: z.number().int().min(1),
          role: Role,
          text: z.string().max(100_000),
          meta: MessageMeta,
          promptTokens: z.number().int().min(0).nullable(),
          completionTokens: z.number().int().min(0).nullable(),
          createdAt: Iso,
        }),
      )
      .max(20_000),
    /** Oldest first; the last is the current intention. */
    intentions: z.array(z.object({ id: Id, text: z.string().min(1).max(2000), confirmed: z.boolean(), createdAt: Iso })).max(1000),
    versions: z
      .array(
        z.object({
          id: Id,
          number: z.number().int().min(1),
          parentId: Id.nullable(),
          request: z.string().max(4000),
          params: SongParameters,
          seed: z.number().int().min(0).max(2_147_483_647),
          engineVersion: z.string(),
          sketch: Sketch,
          changes: z.array(z.string()),
          rating: z.number().int().min(-2).max(2).nullable(),
          note: z.string().nullable(),
          createdAt: Iso,
        }),
      )
      .max(5000),
    notes: z.array(z.object({ id: Id, versionId: Id.nullable(), text: z.string().min(1).max(MAX_NOTE_CHARS), createdAt: Iso })).max(10_000),
    /** Jam takes, oldest first (absent in exports made before takes existed). */
    takes: z.array(z.object({ id: Id, versionId: Id, name: z.string().min(1).max(100), take: JamTake, createdAt: Iso })).max(2000).default([]),
  })
  .superRefine((file, ctx) => {
    // Links must point inside the file, and a parent must come before its child.
    const numbers = new Map(file.versions.map((v) => [v.id, v.number]));
    const unique = (values: unknown[]) => new Set(values).size === values.length;
    if (!unique(file.messages.map((m) => m.seq))) ctx.addIssue({ code: 'custom', message: 'message seq numbers repeat', path: ['messages'] });
    if (!unique(file.versions.map((v) => v.number))) ctx.addIssue({ code: 'custom', message: 'version numbers repeat', path: ['versions'] });
    if (numbers.size !== file.versions.length) ctx.addIssue({ code: 'custom', message: 'version ids repeat', path: ['versions'] });
    file.versions.forEach((v, i) => {
      if (v.parentId !== null && !((numbers.get(v.parentId) ?? Infinity) < v.number))
        ctx.addIssue({ code: 'custom', message: 'parentId must name an earlier version in this file', path: ['versions', i, 'parentId'] });
    });
    file.notes.forEach((n, i) => {
      if (n.versionId !== null && !numbers.has(n.versionId))
        ctx.addIssue({ code: 'custom', message: 'versionId must name a version in this file', path: ['notes', i, 'versionId'] });
    });
    file.takes.forEach((t, i) => {
      if (!numbers.has(t.versionId)) ctx.addIssue({ code: 'custom', message: 'versionId must name a version in this file', path: ['takes', i, 'versionId'] });
    });
  });

export type SongFile = z.infer<typeof SongFile>;
