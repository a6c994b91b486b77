/** Shared pieces of the turn-route tests: an app over a real PGlite, song creation, turns, SSE reading. */
import { createApp } from '../../server/app.ts';
import { loadConfig } from '../../server/config.ts';
import { createLogger } from '../../server/log.ts';
import type { Database } from '../../db/client.ts';
import type { TurnResult } from '../../server/turns/shapes.ts';

/** The guide's answers for a whole conversation up to the intention proposal. */
export const ANSWERS = [
  "It's about the quiet after the move.",
  'Tender and a little hopeful, a tight chest',
  "You're not alone",
  'Boxes in the hallway, rain on the window',
  'For my sister',
  'skip',
];

/** An app in offline mode, or pointed at an OpenAI-compatible base URL. */
export function makeApp(db: Database, llmUrl?: string, timeoutMs = 500) {
  const env: Record<string, string> = { INNERCHORD_LOG: 'silent' };
  if (llmUrl) Object.assign(env, { OPENAI_BASE_URL: llmUrl, OPENAI_API_KEY: 'test', OPENAI_MODEL: 'fake-model', INNERCHORD_LLM_TIMEOUT_MS: String(timeoutMs) });
  else env['INNERCHORD_OFFLINE'] = '1';
  return createApp({ db, config: loadConfig(env), log: createLogger('silent') });
}
export type App = ReturnType<typeof makeApp>;

export const post = async (app: App, path: string, body: unknown, headers: Record<string, string> = {}): Promise<Response> =>
  app.request(path, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });

/** Create a song and return its id. */
export async function newSong(app: App): Promise<string> {
  const res = await post(app, '/api/songs', { title: 'Quiet house' });
  if (res.status !== 201) throw new Error(`creating a song answered ${res.status}`);
  return ((await res.json()) as { id: string }).id;
}

/** Take a JSON turn and return the TurnResult (throws on a non-200). */
export async function say(app: App, id: string, text: string): Promise<TurnResult> {
  const res = await post(app, `/api/songs/${id}/turns`, { text });
  if (res.status !== 200) throw new Error(`turn "${text}" answered ${res.status}: ${await res.text()}`);
  return (await res.json()) as TurnResult;
}

/** Parse a whole SSE body into events. */
export function sseEvents(body: string): { event: string; data: unknown }[] {
  return body
    .split(/\n\n/)
    .filter((block) => block.trim())
    .map((block) => {
      const event = /^event: (.*)$/m.exec(block)?.[1] ?? 'message';
      const data = block.split('\n').filter((l) => l.startsWith('data: ')).map((l) => l.slice(6)).join('\n');
      return { event, data: JSON.parse(data) as unknown };
    });
}
