/**
 * Lyric routes: read a sheet back (syllables, stress, rhymes, room), rhymes for a word, the shape
 * of a known song for a parody, writing help and drafts for a version, and saving the words as a
 * new version. Drafts are answers, never stored; only PUT …/lyrics changes the song.
 */
import { createRoute, z } from '@hono/zod-openapi';
import type { AppDeps } from '../deps.ts';
import { createRouter } from '../http/router.ts';
import { preferredLanguage } from '../i18n/language.ts';
import { body, errors, json, VersionParams } from '../journal/routes/common.ts';
import { Version } from '../journal/shapes.ts';
import { AnalyzeInput, analyzeSheet, SectionReading } from './analyze.ts';
import { Draft } from './drafts.ts';
import { LyricHelp, lyricHelp, sectionDrafts } from './help.ts';
import { lyricsLang } from './lang.ts';
import { findRhymes } from './rhymes.ts';
import { parodyShape } from './scaffold.ts';
import { saveLyrics, SectionLines } from './sheet.ts';

const tags = ['lyrics'];
const Code = z.string().regex(/^[a-z]{2}$/);

const RhymeQuery = z.object({
  word: z.string().trim().min(1).max(60).openapi({ param: { name: 'word', in: 'query' }, example: 'home' }),
  language: Code.optional().openapi({ param: { name: 'language', in: 'query' }, example: 'en' }),
});
const Rhymes = z.object({ word: z.string(), perfect: z.array(z.string()), near: z.array(z.string()) });
const ParodyBody = z.object({ lines: z.array(z.string().max(200)).min(1).max(48), language: Code.default('en') });
const ParodyLine = z.object({ n: z.number().int(), count: z.number().int(), stress: z.string(), label: z.string() });
const DraftBody = z.object({ section: z.number().int().min(0).max(63), request: z.string().trim().max(500).optional() });
const SaveBody = z.object({ sections: z.array(SectionLines).min(1).max(64), language: Code.optional() });

const page = (header: string | undefined) => preferredLanguage(header);

/** The lyric sub-app, mounted at /api. */
export function lyricRoutes({ db, config }: AppDeps) {
  return createRouter()
    .openapi(
      createRoute({
        method: 'post',
        path: '/lyrics/analyze',
        tags,
        summary: 'Syllables, stress, line-end rhymes and room per line of a lyric sheet',
        description: 'Stateless: works on unsaved words. `room` is how many syllables fit the line (one per eighth note over its share of the section\'s bars, less a breath); `hint` says when a line has more.',
        request: { body: body(AnalyzeInput) },
        responses: { 200: json(z.object({ sections: z.array(SectionReading) }), 'Each section\'s lines, read back'), 400: errors[400] },
      }),
      async (c) => c.json({ sections: await analyzeSheet(c.req.valid('json')) }, 200),
    )
    .openapi(
      createRoute({
        method: 'get',
        path: '/lyrics/rhymes',
        tags,
        summary: 'Perfect and near rhymes for a word',
        description: 'English from the CMU Pronouncing Dictionary, common words first; German, French and Spanish by spelled endings over common words.',
        request: { query: RhymeQuery },
        responses: { 200: json(Rhymes, 'Rhymes, most common first'), 400: errors[400] },
      }),
      async (c) => {
        const q = c.req.valid('query');
        return c.json(await findRhymes(q.word, q.language ?? page(c.req.header('accept-language')) ?? 'en'), 200);
      },
    )
    .openapi(
      createRoute({
        method: 'post',
        path: '/lyrics/parody',
        tags,
        summary: 'The shape of a known song for a parody: syllables and stress per line, never its words',
        request: { body: body(ParodyBody) },
        responses: { 200: json(z.object({ intro: z.string(), lines: z.array(ParodyLine) }), 'One entry per non-empty line'), 400: errors[400] },
      }),
      async (c) => {
        const { lines, language } = c.req.valid('json');
        const { loadLyricResources } = await import('../../music/lyrics/index.ts');
        await loadLyricResources([language]);
        const lang = lyricsLang(language);
        return c.json({ intro: lang.parody.intro, lines: parodyShape(lines, language, lang) }, 200);
      },
    )
    .openapi(
      createRoute({
        method: 'get',
        path: '/versions/{vid}/lyrics/help',
        tags,
        summary: 'Writing help for a version: line prompts from the conversation, fill-in-the-blank lines, room per line',
        request: { params: VersionParams },
        responses: { 200: json(LyricHelp, 'Per section: what it does, prompts naming the musician\'s phrases, blanks, room, current lines'), 404: errors[404] },
      }),
      async (c) => c.json(await lyricHelp(db, c.req.valid('param').vid, page(c.req.header('accept-language'))), 200),
    )
    .openapi(
      createRoute({
        method: 'post',
        path: '/versions/{vid}/lyrics/drafts',
        tags,
        summary: 'Draft lines for one section (proposals, not saved)',
        description: 'With an LLM configured, drafts come from prompts/lyrics.md and are checked (one line, within the room, new to the section); otherwise, or when none pass, offline drafts from the musician\'s phrases, and `fallback` is true when the model failed.',
        request: { params: VersionParams, body: body(DraftBody) },
        responses: { 200: json(z.object({ drafts: z.array(Draft), fallback: z.boolean(), room: z.number().int() }), 'Proposals'), ...errors },
      }),
      async (c) => {
        const b = c.req.valid('json');
        return c.json(await sectionDrafts(db, config, { versionId: c.req.valid('param').vid, ...b, page: page(c.req.header('accept-language')) }), 200);
      },
    )
    .openapi(
      createRoute({
        method: 'put',
        path: '/versions/{vid}/lyrics',
        tags,
        summary: 'Save the words: a new version whose sections carry these lines',
        description: 'Only the sections listed change (an empty `lines` makes one instrumental). Parent = this version, same seed; request "words: <sections>". Nothing changed → 400.',
        request: { params: VersionParams, body: body(SaveBody) },
        responses: { 201: json(Version, 'The new version with its sketch'), ...errors },
      }),
      async (c) => c.json(await saveLyrics(db, { versionId: c.req.valid('param').vid, ...c.req.valid('json') }), 201),
    );
}
