/**
 * `tsx server/main.ts` — read the environment, open the journal (migrating it), serve the app.
 * SIGTERM/SIGINT stop accepting connections, let in-flight requests finish, close the journal, exit 0.
 */
import { serve } from '@hono/node-server';
import { openDatabase } from '../db/client.ts';
import { loadConfig, type Config } from './config.ts';
import { createLogger } from './log.ts';

/** drizzle wraps driver errors ("Failed query: …"); the innermost cause says what is wrong. */
function rootCause(error: unknown): string {
  let e = error;
  while (e instanceof Error && e.cause instanceof Error) e = e.cause;
  const err = e as NodeJS.ErrnoException;
  return err instanceof Error ? err.message || err.code || String(err) : String(e);
}

async function main(): Promise<void> {
  let config: Config;
  try {
    config = loadConfig();
  } catch (error) {
    console.error(`innerchord: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
  const log = createLogger(config.log);
  // The app's modules (routes, engine, interpreter: ~1 s of loading) load while the journal opens
  // (PGlite compiles its WebAssembly and replays its log), rather than one after the other.
  const opening = openDatabase(config.databaseUrl ? { url: config.databaseUrl } : { dataDir: config.dataDir });
  opening.catch(() => {}); // handled below, once the modules are in
  const [{ createApp }, { setupCode, setupLine }, { startupLine }, { startRetention }] = await Promise.all([
    import('./app.ts'),
    import('./auth/invites.ts'),
    import('./http/banner.ts'),
    import('./privacy/retention.ts'),
  ]);
  let db;
  try {
    db = await opening;
  } catch (error) {
    const where = config.databaseUrl ? 'the PostgreSQL database in DATABASE_URL' : `the journal in ${config.dataDir}`;
    console.error(`innerchord: could not open ${where}: ${rootCause(error)}`);
    process.exit(1);
  }
  const app = createApp({ db, config, log });
  // Group mode starts invite-only: with no facilitator yet, print a one-time code for the first one.
  const setup = config.deployment === 'group' ? await setupCode(db).catch(() => null) : null;
  // Retention and session pruning: once now, then hourly (songs are kept forever unless configured).
  startRetention(db, { retentionDays: config.retentionDays ?? null, log });
  const server = serve({ fetch: app.fetch, hostname: config.host, port: config.port }, (info) => {
    console.log(startupLine(config, info.port));
    if (setup) console.log(setupLine(setup, info.port));
    // Once listening (health answers at once), warm the engine and interpreter in the background.
    // INNERCHORD_WARM_UP=0 skips it: a short-lived server (the crash tests kill theirs within seconds) need not pay for it.
    const warmFrom = performance.now();
    if (process.env['INNERCHORD_WARM_UP'] !== '0') setTimeout(() => void import('./warm.ts').then(({ warmUp }) => warmUp()).then(() => log.info('warmed up', { ms: Math.round(performance.now() - warmFrom) }), (error: unknown) => log.info('warm-up failed', { error: String(error) })), 0);
  });
  server.on('error', (error: NodeJS.ErrnoException) => {
    console.error(`innerchord: cannot listen on ${config.host}:${config.port}: ${error.code === 'EADDRINUSE' ? 'the port is in use (set PORT)' : error.message}`);
    void db.close().finally(() => process.exit(1));
  });

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info('shutting down', { signal });
    // close() stops accepting and calls back once in-flight requests are done; idle keep-alive
    // sockets would hold it open, so close those now.
    server.close(() => {
      void db.close().then(
        () => process.exit(0),
        () => process.exit(1),
      );
    });
    if ('closeIdleConnections' in server) server.closeIdleConnections();
    // A stream that never ends (an abandoned SSE turn) must not keep the process alive forever.
    setTimeout(() => {
      if ('closeAllConnections' in server) server.closeAllConnections();
    }, 10_000).unref();
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

await main();
