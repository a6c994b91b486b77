/** Jam takes of a version: list them, save a new one, rename or delete one. */
import { createRoute, z } from '@hono/zod-openapi';
import { JamTake } from '../../../music/jam/take.ts';
import type { AppDeps } from '../../deps.ts';
import { createRouter } from '../../http/router.ts';
import { JamTakeEntry } from '../shapes.ts';
import { deleteTake, listTakes, renameTake, saveTake } from '../takes.ts';
import { body, errors, json, VersionParams } from './common.ts';

const SaveTakeBody = z.object({ name: z.string().trim().min(1).max(100).optional(), take: JamTake });
const RenameTakeBody = z.object({ name: z.string().trim().min(1).max(100) });
const TakeParams = VersionParams.extend({ tid: z.string().min(1).max(100).openapi({ param: { name: 'tid', in: 'path' } }) });

const tags = ['jam'];

/** The jam takes sub-app, mounted at /api. */
export function takeRoutes({ db }: AppDeps) {
  return createRouter()
    .openapi(
      createRoute({ method: 'get', path: '/versions/{vid}/takes', tags, request: { params: VersionParams }, responses: { 200: json(z.object({ takes: z.array(JamTakeEntry) }), 'Oldest first'), ...errors } }),
      async (c) => c.json({ takes: await listTakes(db, c.req.valid('param').vid) }, 200),
    )
    .openapi(
      createRoute({
        method: 'post',
        path: '/versions/{vid}/takes',
        tags,
        summary: 'Save a jam take',
        description: 'The pad path recorded over this version\'s jam loop (at most 2,000 points; 100 takes a version). Named "Take N" unless `name` is given.',
        request: { params: VersionParams, body: body(SaveTakeBody) },
        responses: { 201: json(JamTakeEntry, 'The saved take'), ...errors },
      }),
      async (c) => c.json(await saveTake(db, { versionId: c.req.valid('param').vid, ...c.req.valid('json') }), 201),
    )
    .openapi(
      createRoute({
        method: 'patch',
        path: '/versions/{vid}/takes/{tid}',
        tags,
        summary: 'Rename a jam take',
        description: 'A new name, 1–100 characters after trimming. 404 when this version has no take with that id.',
        request: { params: TakeParams, body: body(RenameTakeBody) },
        responses: { 200: json(JamTakeEntry, 'The renamed take'), ...errors },
      }),
      async (c) => {
        const { vid, tid } = c.req.valid('param');
        return c.json(await renameTake(db, { versionId: vid, takeId: tid, name: c.req.valid('json').name }), 200);
      },
    )
    .openapi(
      createRoute({
        method: 'delete',
        path: '/versions/{vid}/takes/{tid}',
        tags,
        summary: 'Delete a jam take',
        request: { params: TakeParams },
        responses: { 204: { description: 'Deleted' }, 404: errors[404] },
      }),
      async (c) => {
        const { vid, tid } = c.req.valid('param');
        await deleteTake(db, vid, tid);
        return c.body(null, 204);
      },
    );
}
