/**
 * The lyric routes as the page calls them (docs/API.md, "Lyrics"), through the app's typed client,
 * so a route or body the server lacks is a compile error.
 */
import { call, client } from '../lib/api.ts';

const a = client.api;

export type AnalyzeBody = { sections: { name: string; bars: number; lines: string[] }[]; meter?: string; meterGrouping?: string; language?: string };

export const lyricsApi = {
  analyze: (body: AnalyzeBody) => call(() => a.lyrics.analyze.$post({ json: body as never })),
  rhymes: (word: string, language?: string) => call(() => a.lyrics.rhymes.$get({ query: { word, ...(language ? { language } : {}) } })),
  parody: (lines: string[], language: string) => call(() => a.lyrics.parody.$post({ json: { lines, language } })),
  help: (vid: string) => call(() => a.versions[':vid'].lyrics.help.$get({ param: { vid } })),
  drafts: (vid: string, section: number, request?: string) => call(() => a.versions[':vid'].lyrics.drafts.$post({ param: { vid }, json: { section, ...(request ? { request } : {}) } })),
  save: (vid: string, sections: { section: number; lines: string[] }[], language?: string) =>
    call(() => a.versions[':vid'].lyrics.$put({ param: { vid }, json: { sections, ...(language ? { language } : {}) } })),
  musicXmlUrl: (vid: string) => `/api/versions/${encodeURIComponent(vid)}/musicxml`,
  chordProUrl: (vid: string) => `/api/versions/${encodeURIComponent(vid)}/chordpro`,
};
