/**
 * What the browser benches share: the app on a free port over a fresh journal, serving a given web
 * build, and a way to make a song with one version for the page to open.
 */
import type { AddressInfo } from 'node:net';
import { serve, type ServerType } from '@hono/node-server';
import { openDatabase } from '../db/client.ts';
import { createApp } from '../server/app.ts';
import { loadConfig } from '../server/config.ts';
import { createLogger } from '../server/log.ts';

export interface BenchApp {
  url: string;
  /** POST JSON to the app; the answer's id. */
  post(path: string, body: unknown): Promise<{ id: string }>;
  /** A new song with one version of `params` at `seed`. */
  songWith(title: string, params: unknown, seed: number): Promise<{ id: string }>;
  close(): Promise<void>;
}

export async function benchApp(dist: string): Promise<BenchApp> {
  const db = await openDatabase();
  const app = createApp({ db, config: loadConfig({ INNERCHORD_OFFLINE: '1', INNERCHORD_LOG: 'silent' }), log: createLogger('silent') }, { webDist: dist });
  const server: ServerType = await new Promise((resolve) => {
    const s = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s));
  });
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const post = async (p: string, body: unknown) =>
    (await (await fetch(url + p, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })).json()) as { id: string };
  return {
    url,
    post,
    async songWith(title, params, seed) {
      const song = await post('/api/songs', { title });
      await post(`/api/songs/${song.id}/versions`, { params, seed });
      return song;
    },
    async close() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await db.close();
    },
  };
}
