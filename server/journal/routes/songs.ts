/** /api/songs — list, create, read, rename/archive, delete; messages, intention and notes of a song. */
import { createRoute, z } from '@hono/zod-openapi';
import { ownerScope } from '../../auth/context.ts';
import type { AppDeps } from '../../deps.ts';
import { createRouter } from '../../http/router.ts';
import { IntentionText, setIntention } from '../intention.ts';
import { listMessages } from '../messages.ts';
import { addNote } from '../notes.ts';
import { formatLimit, MAX_NOTE_CHARS } from '../limits.ts';
import { getSongDetail } from '../detail.ts';
import { Intention, Message, Note, SongDetail, SongSummary } from '../shapes.ts';
import { createSong, deleteSong, listSongs, updateSong } from '../songs.ts';
import { actorOf } from '../../templates/routes.ts';
import { getTemplate } from '../../templates/service.ts';
import { startFromTemplate } from '../../templates/start.ts';
import { preferredLanguage } from '../../i18n/language.ts';
import { body, errors, json, SongParams } from './common.ts';

const ListQuery = z.object({
  q: z.string().max(200).optional().openapi({ description: 'Words to find in the title, the conversation, journal notes, notes on versions or the intention' }),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  cursor: z.string().max(200).optional(),
  archived: z.enum(['true', 'false']).default('false'),
});

const SongList = z.object({ songs: z.array(SongSummary), nextCursor: z.string().nullable() }).openapi('SongList');
const CreateSongBody = z.object({
  title: z.string().trim().min(1).max(200).optional(),
  /** A session template (GET /api/templates): its first question opens the conversation. */
  templateId: z.string().min(1).max(100).optional(),
});
const UpdateSongBody = z.object({ title: z.string().trim().min(1).max(200).optional(), archived: z.boolean().optional() });
const IntentionBody = z.object({ text: IntentionText, confirmed: z.boolean() });
const NoteBody = z.object({ text: z.string().trim().min(1).max(MAX_NOTE_CHARS, `a note can be at most ${formatLimit(MAX_NOTE_CHARS)} characters`), versionId: z.string().min(1).max(100).optional() });

const tags = ['songs'];

/** The songs sub-app, mounted at /api. */
export function songRoutes({ db }: AppDeps) {
  return createRouter()
    .openapi(
      createRoute({ method: 'get', path: '/songs', tags, request: { query: ListQuery }, responses: { 200: json(SongList, 'Songs, newest first'), 400: errors[400] } }),
      async (c) => {
        const q = c.req.valid('query');
        return c.json(await listSongs(db, { ...q, archived: q.archived === 'true' }, ownerScope(c)), 200);
      },
    )
    .openapi(
      createRoute({
        method: 'post',
        path: '/songs',
        tags,
        request: { body: { required: false, content: { 'application/json': { schema: CreateSongBody } } } },
        responses: { 201: json(SongSummary, 'The new song'), ...errors },
      }),
      async (c) => {
        const { templateId, ...input } = c.req.valid('json') ?? {};
        // Look the template up first, so an unknown id creates no song.
        const template = templateId ? await getTemplate(db, templateId, actorOf(c)) : null;
        const song = await createSong(db, input, ownerScope(c) ?? null);
        if (template) await startFromTemplate(db, song.id, template, preferredLanguage(c.req.header('accept-language')));
        return c.json(song, 201);
      },
    )
    .openapi(
      createRoute({ method: 'get', path: '/songs/{id}', tags, request: { params: SongParams }, responses: { 200: json(SongDetail, 'The song with everything in it'), ...errors } }),
      async (c) => c.json(await getSongDetail(db, c.req.valid('param').id), 200),
    )
    .openapi(
      createRoute({ method: 'patch', path: '/songs/{id}', tags, request: { params: SongParams, body: body(UpdateSongBody) }, responses: { 200: json(SongSummary, 'The changed song'), ...errors } }),
      async (c) => c.json(await updateSong(db, c.req.valid('param').id, c.req.valid('json')), 200),
    )
    .openapi(
      createRoute({ method: 'delete', path: '/songs/{id}', tags, request: { params: SongParams }, responses: { 204: { description: 'Deleted with everything in it' }, 404: errors[404] } }),
      async (c) => {
        await deleteSong(db, c.req.valid('param').id);
        return c.body(null, 204);
      },
    )
    .openapi(
      createRoute({ method: 'get', path: '/songs/{id}/messages', tags, request: { params: SongParams }, responses: { 200: json(z.object({ messages: z.array(Message) }), 'The conversation in order'), ...errors } }),
      async (c) => c.json({ messages: await listMessages(db, c.req.valid('param').id) }, 200),
    )
    .openapi(
      createRoute({ method: 'put', path: '/songs/{id}/intention', tags, request: { params: SongParams, body: body(IntentionBody) }, responses: { 200: json(Intention, 'The current intention'), ...errors } }),
      async (c) => c.json(await setIntention(db, { songId: c.req.valid('param').id, ...c.req.valid('json') }), 200),
    )
    .openapi(
      createRoute({ method: 'post', path: '/songs/{id}/notes', tags, request: { params: SongParams, body: body(NoteBody) }, responses: { 201: json(Note, 'The new note'), ...errors } }),
      async (c) => c.json(await addNote(db, { songId: c.req.valid('param').id, ...c.req.valid('json') }), 201),
    );
}
