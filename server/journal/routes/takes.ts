/** Jam takes of a version: list them, save a new one. */
import { createRoute, z } from '@hono/zod-openapi';
import { JamTake } from '../../../music/jam/take.ts';
import type { AppDeps } from '../../deps.ts';
import { createRouter } from '../../http/router.ts';
import { JamTakeEntry } from '../shapes.ts';
import { listTakes, saveTake } from '../takes.ts';
import { body, errors, json, VersionParams } from './common.ts';

const SaveTakeBody = z.object({ name: z.string().trim().min(1).max(100).optional(), take: JamTake });

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
    );
}
