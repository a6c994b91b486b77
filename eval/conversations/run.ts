/**
 * Runs scripted conversations through the real turn route (POST /api/songs/:id/turns on an
 * offline app over an in-memory journal) and scores each with score.ts.
 */
import { createApp } from '../../server/app.ts';
import { loadConfig } from '../../server/config.ts';
import { createLogger } from '../../server/log.ts';
import type { Database } from '../../db/client.ts';
import type { TurnResult } from '../../server/turns/shapes.ts';
import { scoreConversation, type ConversationScore, type Turn } from './score.ts';
import type { Script } from './scripts.ts';

type App = ReturnType<typeof createApp>;

/** An offline app over `db` (the scorecard never calls a model). */
export const offlineApp = (db: Database): App => createApp({ db, config: loadConfig({ INNERCHORD_OFFLINE: '1', INNERCHORD_LOG: 'silent' }), log: createLogger('silent') });

async function post(app: App, path: string, body: unknown): Promise<Response> {
  return app.request(path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
}

/** Send one script turn by turn; returns what came back on each turn. */
export async function runScript(app: App, script: Script): Promise<Turn[]> {
  const made = await post(app, '/api/songs', { title: script.id });
  if (made.status !== 201) throw new Error(`creating a song answered ${made.status}`);
  const { id } = (await made.json()) as { id: string };
  const turns: Turn[] = [];
  for (const message of script.messages) {
    const res = await post(app, `/api/songs/${id}/turns`, { text: message, ...(script.page ? { language: script.page } : {}) });
    if (res.status !== 200) throw new Error(`${script.id}: "${message}" answered ${res.status}: ${await res.text()}`);
    const r = (await res.json()) as TurnResult;
    turns.push({ message, reply: r.reply.text, sketched: r.version !== null, intention: r.intention?.text ?? null });
  }
  return turns;
}

/** Run and score every script. */
export async function scoreScripts(app: App, scripts: Script[]): Promise<ConversationScore[]> {
  const scores: ConversationScore[] = [];
  for (const script of scripts) scores.push(scoreConversation(script, await runScript(app, script)));
  return scores;
}
