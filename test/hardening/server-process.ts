/**
 * The real server as a child process (the compiled bundle `npm start` runs) on a free loopback port, for tests that
 * must kill it with SIGKILL, and a writer that hammers it with concurrent writes while recording
 * every id the server acknowledged.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer, type AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureCompiled, SERVER_ENTRY } from '../../scripts/compile.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Every server this module started and has not seen exit: a timed-out test must not leave one running. */
const live = new Set<ChildProcess>();

/** SIGKILL every server still running (call from afterAll). */
export function killAllServers(): void {
  for (const child of live) child.kill('SIGKILL');
  live.clear();
}

/** A port nobody listens on right now. */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

export interface ServerProcess {
  url: string;
  child: ChildProcess;
  /** Everything the process wrote to stderr (for failure messages). */
  stderr: () => string;
  /** SIGKILL: no shutdown handler runs, nothing is flushed by the app. */
  kill9(): Promise<void>;
  /** SIGTERM and wait for the exit code. */
  stop(): Promise<number | null>;
}

/** Start the compiled server (`node .build/server-bundle/main.js`, rebuilt first if a source changed) with `env` and wait for its "is running" line (or its exit). */
export async function startServerProcess(env: Record<string, string>, timeoutMs = 45_000): Promise<ServerProcess> {
  const port = await freePort();
  // The bundle `npm start` runs: one plain node process that SIGKILL reaches (tsx's own CLI would
  // run the server in a grandchild), and seconds faster to start than transpiling on the fly.
  await ensureCompiled('server');
  const child = spawn(process.execPath, [SERVER_ENTRY], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', HOST: '127.0.0.1', PORT: String(port), INNERCHORD_OFFLINE: '1', INNERCHORD_LOG: 'error', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  live.add(child);
  child.once('exit', () => live.delete(child));
  let out = '';
  let err = '';
  child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start in ${timeoutMs} ms: ${err}`)), timeoutMs);
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      if (out.includes('Innerchord is running at')) {
        clearTimeout(timer);
        resolve();
      }
    });
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code} before it was ready: ${err}`));
    });
  });
  return {
    url: `http://127.0.0.1:${port}`,
    child,
    stderr: () => err,
    async kill9() {
      child.kill('SIGKILL');
      await exited;
    },
    async stop() {
      child.kill('SIGTERM');
      return exited;
    },
  };
}

export interface Acknowledged {
  songs: string[];
  /** Message ids the server returned (the musician's and the guide's), with their song. */
  messages: { songId: string; id: string }[];
  /** Version ids the sketch and revision turns returned, with their song. */
  versions: { songId: string; id: string }[];
}

async function postJson(url: string, body: unknown): Promise<{ status: number; json: Record<string, unknown> }> {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body), signal: AbortSignal.timeout(20_000) });
  return { status: res.status, json: (await res.json()) as Record<string, unknown> };
}

/**
 * `workers` concurrent clients each create a song and take turns in it until `stop()` is true;
 * only ids from a complete 2xx response count as acknowledged. Errors after the kill are expected.
 */
export async function writeUntil(base: string, workers: number, stop: () => boolean, ack: Acknowledged): Promise<void> {
  const guided = ["It's about the quiet after the move.", 'Tender, a tight chest', 'For my sister', 'skip', 'yes', 'slower'];
  // Every fourth musician takes the shortcut straight to a sketch, so versions are written early too.
  const shortcut = ['just make something sad in D minor', 'slower', 'brighter'];
  await Promise.all(
    Array.from({ length: workers }, async (_, w) => {
      const texts = w % 4 === 0 ? shortcut : guided;
      try {
        while (!stop()) {
          const song = await postJson(`${base}/api/songs`, { title: `Crash ${w}` });
          if (song.status !== 201) throw new Error(`create answered ${song.status}`);
          const songId = song.json['id'] as string;
          ack.songs.push(songId);
          for (const text of texts) {
            if (stop()) return;
            const turn = await postJson(`${base}/api/songs/${songId}/turns`, { text });
            if (turn.status !== 200) throw new Error(`turn answered ${turn.status}`);
            for (const key of ['userMessage', 'reply']) ack.messages.push({ songId, id: (turn.json[key] as { id: string }).id });
            const version = turn.json['version'] as { id: string } | null;
            if (version) ack.versions.push({ songId, id: version.id });
          }
        }
      } catch {
        // The server was killed mid-request: whatever was not acknowledged does not count.
      }
    }),
  );
}

/** The acknowledged ids the restarted server cannot find (empty when nothing was lost). */
export async function missingAfterRestart(base: string, ack: Acknowledged): Promise<string[]> {
  const missing: string[] = [];
  const group = (rows: { songId: string; id: string }[]) => {
    const bySong = new Map<string, Set<string>>();
    for (const r of rows) (bySong.get(r.songId) ?? bySong.set(r.songId, new Set()).get(r.songId)!).add(r.id);
    return bySong;
  };
  const messages = group(ack.messages);
  const versions = group(ack.versions);
  for (const songId of new Set(ack.songs)) {
    // The song detail carries its messages and its versions: one read checks both.
    const res = await fetch(`${base}/api/songs/${songId}`);
    if (res.status !== 200) {
      missing.push(`song ${songId} (${res.status})`);
      continue;
    }
    const detail = (await res.json()) as { messages: { id: string }[]; versions: { id: string }[] };
    const haveMessages = new Set(detail.messages.map((m) => m.id));
    const haveVersions = new Set(detail.versions.map((v) => v.id));
    for (const id of messages.get(songId) ?? []) if (!haveMessages.has(id)) missing.push(`message ${id} of song ${songId}`);
    for (const id of versions.get(songId) ?? []) if (!haveVersions.has(id)) missing.push(`version ${id} of song ${songId}`);
  }
  return missing;
}
