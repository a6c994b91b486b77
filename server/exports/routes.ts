/**
 * Notation downloads of a stored version: GET /api/versions/:vid/musicxml (a lead sheet) and
 * /api/versions/:vid/chordpro (a chord chart). Unknown ids answer 404 through the one onError.
 */
import { createRoute, z } from '@hono/zod-openapi';
import type { AppDeps } from '../deps.ts';
import { createRouter } from '../http/router.ts';
import { getSong, getVersion } from '../journal/index.ts';
import { attachment, errors, VersionParams } from '../journal/routes/common.ts';
import { fileSafe } from '../journal/versions.ts';
import type { Database } from '../../db/client.ts';

const tags = ['versions'];

/** MusicXML's registered media type (uncompressed .musicxml). */
export const MUSICXML_TYPE = 'application/vnd.recordare.musicxml+xml';

/** The version's sketch, its song's title and a download name stem `<title>-v<N>`. */
async function exportable(db: Database, versionId: string) {
  const version = await getVersion(db, versionId);
  const song = await getSong(db, version.songId);
  return { sketch: version.sketch, title: song.title, stem: `${fileSafe(song.title)}-v${version.number}` };
}

const text = (type: string, description: string) => ({ content: { [type]: { schema: z.string() } }, description });

/** The exports sub-app, mounted at /api. */
export function exportRoutes({ db }: AppDeps) {
  return createRouter()
    .openapi(
      createRoute({
        method: 'get',
        path: '/versions/{vid}/musicxml',
        tags,
        summary: 'Lead sheet (melody, chord symbols, sections) as MusicXML 4.0',
        request: { params: VersionParams },
        responses: { 200: text(MUSICXML_TYPE, 'MusicXML 4.0 partwise lead sheet, as a download'), 404: errors[404] },
      }),
      async (c) => {
        const { sketch, title, stem } = await exportable(db, c.req.valid('param').vid);
        // Loaded on demand, as the journal loads the engine: only this download needs the notation code.
        const { sketchToMusicXml } = await import('../../music/notation/musicxml.ts');
        return c.body(sketchToMusicXml(sketch, { title }), 200, { 'Content-Type': MUSICXML_TYPE, 'Content-Disposition': attachment(`${stem}.musicxml`) });
      },
    )
    .openapi(
      createRoute({
        method: 'get',
        path: '/versions/{vid}/chordpro',
        tags,
        summary: 'Chord chart in ChordPro format',
        request: { params: VersionParams },
        responses: { 200: text('text/plain', 'ChordPro chart: title, key, tempo, time, one block per section, four bars a line'), 404: errors[404] },
      }),
      async (c) => {
        const { sketch, title, stem } = await exportable(db, c.req.valid('param').vid);
        const { sketchToChordPro } = await import('../../music/notation/chordpro.ts');
        return c.body(sketchToChordPro(sketch, { title }), 200, { 'Content-Type': 'text/plain; charset=utf-8', 'Content-Disposition': `inline; filename="${stem}.cho"` });
      },
    );
}
