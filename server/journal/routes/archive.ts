/** Export a song as a zip and import one back as a new song. */
import { createRoute, z } from '@hono/zod-openapi';
import { ownerScope } from '../../auth/context.ts';
import type { AppDeps } from '../../deps.ts';
import { createRouter } from '../../http/router.ts';
import { exportSong, importSong } from '../archive/index.ts';
import { SongSummary } from '../shapes.ts';
import { attachment, errors, json, SongParams } from './common.ts';

const Zip = z.string().openapi({ format: 'binary' });
const tags = ['export'];

/** The export/import sub-app, mounted at /api. */
export function archiveRoutes({ db }: AppDeps) {
  return createRouter()
    .openapi(
      createRoute({
        method: 'get',
        path: '/songs/{id}/export',
        tags,
        request: { params: SongParams },
        responses: { 200: { content: { 'application/zip': { schema: Zip } }, description: 'song.json, versions/v<N>.mid, journal.md' }, 404: errors[404] },
      }),
      async (c) => {
        const { bytes, filename } = await exportSong(db, c.req.valid('param').id);
        return c.body(bytes as Uint8Array<ArrayBuffer>, 200, { 'Content-Type': 'application/zip', 'Content-Disposition': attachment(filename) });
      },
    )
    .openapi(
      createRoute({
        method: 'post',
        path: '/import',
        tags,
        // Documented only: zod validates JSON bodies; the zip is checked by importSong.
        request: { body: { required: true, content: { 'application/zip': { schema: Zip } } } },
        responses: {
          201: json(SongSummary, 'The imported song (fresh ids)'),
          400: errors[400],
          413: { content: { 'application/json': { schema: errors[400].content['application/json'].schema } }, description: 'Larger than 20 MiB' },
        },
      }),
      async (c) => c.json(await importSong(db, new Uint8Array(await c.req.arrayBuffer()), ownerScope(c) ?? null), 201),
    );
}
