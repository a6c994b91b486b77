/** Sing it: POST /api/versions/{vid}/melody — the musician's tune as the song's melody, a new version. */
import { createRoute, z } from '@hono/zod-openapi';
import { GivenNote } from '../../music/params.ts';
import type { AppDeps } from '../deps.ts';
import { createRouter } from '../http/router.ts';
import { Version } from '../journal/shapes.ts';
import { body, errors, json, VersionParams } from '../journal/routes/common.ts';
import { melodyVersion, MelodyUse } from './melody.ts';

const MelodyBody = z.object({
  notes: z.array(GivenNote).min(1).max(2000),
  use: MelodyUse,
  section: z.string().trim().min(1).max(40).optional(),
});

/** The capture sub-app, mounted at /api. */
export function captureRoutes({ db }: AppDeps) {
  return createRouter().openapi(
    createRoute({
      method: 'post',
      path: '/versions/{vid}/melody',
      tags: ['versions'],
      summary: 'Use a tune as the melody',
      description:
        'The notes (ticks at 480 per quarter, as transcribed from the microphone and corrected on the piano roll, or played in) become the melody of the whole song (`use: "whole"`, the form grows to hold them), of every section with the name `section` (`use: "section"`, those sections grow to hold them), or a motif of up to two bars opening every section (`use: "motif"`). Pitches, onsets (counted from the first note\'s bar) and lengths are kept exactly; the chords are written around them (≥ 80 % of strong-beat notes chord tones on the eval set), bass, drums and the rest follow the chords. The key becomes the tune\'s when the song\'s key does not hold it (≥ 85 % of its time in the scale). The melody is stored in the new version\'s params (`givenMelody`), so later revisions keep it. Same seed; parentId = this version; request "your tune (N notes) as …". 400 INVALID_INPUT for no notes, an unknown section or a tune that would pass the 512-bar limit.',
      request: { params: VersionParams, body: body(MelodyBody) },
      responses: { 201: json(Version, 'The new version, built around the tune'), ...errors },
    }),
    async (c) => c.json(await melodyVersion(db, { versionId: c.req.valid('param').vid, ...c.req.valid('json') }), 201),
  );
}
