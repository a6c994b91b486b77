/** Versions: list and create under a song, read / rate / revert / MIDI by version id. */
import { createRoute, z } from '@hono/zod-openapi';
import { SongParameters } from '../../../music/params.ts';
import type { AppDeps } from '../../deps.ts';
import { createRouter } from '../../http/router.ts';
import { Version, VersionSummary } from '../shapes.ts';
import { captureVersion } from '../capture.ts';
import { createVersion, getVersion, listVersions, rateVersion, Rating, revertVersion, Seed, versionMidi } from '../versions.ts';
import { attachment, body, errors, json, SongParams, VersionParams } from './common.ts';

const CreateVersionBody = z.object({
  params: SongParameters,
  seed: Seed.optional(),
  parentId: z.string().min(1).max(100).optional(),
  request: z.string().max(4000).optional(),
});
const CaptureBody = z.object({
  valence: z.number().min(-1).max(1),
  arousal: z.number().min(-1).max(1),
  from: z.string().trim().min(1).max(200).optional(),
});
const RateBody = z.object({ rating: Rating.nullable().optional(), note: z.string().max(10_000).nullable().optional() });

const tags = ['versions'];

/** The versions sub-app, mounted at /api. */
export function versionRoutes({ db }: AppDeps) {
  return createRouter()
    .openapi(
      createRoute({ method: 'get', path: '/songs/{id}/versions', tags, request: { params: SongParams }, responses: { 200: json(z.object({ versions: z.array(VersionSummary) }), 'Oldest first'), ...errors } }),
      async (c) => c.json({ versions: await listVersions(db, c.req.valid('param').id) }, 200),
    )
    .openapi(
      createRoute({ method: 'post', path: '/songs/{id}/versions', tags, request: { params: SongParams, body: body(CreateVersionBody) }, responses: { 201: json(Version, 'The new version with its sketch'), ...errors } }),
      async (c) => c.json(await createVersion(db, { songId: c.req.valid('param').id, ...c.req.valid('json') }), 201),
    )
    .openapi(
      createRoute({ method: 'get', path: '/versions/{vid}', tags, request: { params: VersionParams }, responses: { 200: json(Version, 'The version with params and sketch'), ...errors } }),
      async (c) => c.json(await getVersion(db, c.req.valid('param').vid), 200),
    )
    .openapi(
      createRoute({ method: 'patch', path: '/versions/{vid}', tags, request: { params: VersionParams, body: body(RateBody) }, responses: { 200: json(VersionSummary, 'The rated version'), ...errors } }),
      async (c) => c.json(await rateVersion(db, c.req.valid('param').vid, c.req.valid('json')), 200),
    )
    .openapi(
      createRoute({
        method: 'post',
        path: '/versions/{vid}/revert',
        tags,
        summary: 'Revert to a version',
        description:
          'A new version, numbered next, with parentId = this version, request "revert to vN", and its params, seed, sketch and engineVersion copied (not regenerated), so it sounds the same after engine upgrades. `changes` is the diff from the newest version.',
        request: { params: VersionParams },
        responses: { 201: json(Version, 'The new version, a copy of the one reverted to'), ...errors },
      }),
      async (c) => c.json(await revertVersion(db, c.req.valid('param').vid), 201),
    )
    .openapi(
      createRoute({
        method: 'post',
        path: '/versions/{vid}/capture',
        tags,
        summary: 'Capture a jam moment as a version of the whole song',
        description:
          'The pad point (valence, arousal in [-1, 1]) applied to this version\'s whole song: every section keeps its bars, chords, arc and arrangement (energy moved with arousal), the song its key, meter, instruments and style; mode, tempo, melody, rhythm, drums and dynamics follow the point as in the jam. Same seed; parentId = this version; request "jam capture (valence v, arousal a)" plus " from <from>" when given.',
        request: { params: VersionParams, body: body(CaptureBody) },
        responses: { 201: json(Version, 'The new version with its sketch'), ...errors },
      }),
      async (c) => c.json(await captureVersion(db, { versionId: c.req.valid('param').vid, ...c.req.valid('json') }), 201),
    )
    .openapi(
      createRoute({
        method: 'get',
        path: '/versions/{vid}/midi',
        tags,
        request: { params: VersionParams },
        responses: { 200: { content: { 'audio/midi': { schema: z.string().openapi({ format: 'binary' }) } }, description: 'Standard MIDI file' }, 404: errors[404] },
      }),
      async (c) => {
        const { bytes, filename } = await versionMidi(db, c.req.valid('param').vid);
        return c.body(bytes as Uint8Array<ArrayBuffer>, 200, { 'Content-Type': 'audio/midi', 'Content-Disposition': attachment(filename) });
      },
    );
}
