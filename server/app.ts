/**
 * The HTTP app: typed sub-apps joined with app.route(), one onError, body limits, request logs,
 * the OpenAPI document, and the built web app. `createApp(deps)` builds it over any database and
 * any LLM endpoint, so tests call `app.request()` without a network.
 */
import { adminRoutes, authMiddleware, authRoutes, shareRoutes } from './auth/index.ts';
import type { AppDeps } from './deps.ts';
import { notFound, onError } from './http/errors.ts';
import { healthRoutes } from './http/health.ts';
import { bodyLimits } from './http/limits.ts';
import { requestLog } from './http/logging.ts';
import { createRouter } from './http/router.ts';
import { compressAnswers } from './http/compress.ts';
import { originGuard } from './http/origin.ts';
import { noStore, securityHeaders, strictTransport, turnRateLimit } from './http/security.ts';
import { webRoutes } from './http/web.ts';
import { archiveRoutes } from './journal/routes/archive.ts';
import { songRoutes } from './journal/routes/songs.ts';
import { takeRoutes } from './journal/routes/takes.ts';
import { versionRoutes } from './journal/routes/versions.ts';
import { captureRoutes } from './capture/routes.ts';
import { privacyRoutes } from './privacy/routes.ts';
import { sampleRoutes } from './samples.ts';
import { soundBankRoutes } from './soundbankRoutes.ts';
import { turnRoutes } from './turns/routes.ts';
import { exportRoutes } from './exports/routes.ts';
import { safetyRoutes } from './safety/routes.ts';
import { templateRoutes } from './templates/routes.ts';
import { lyricRoutes } from './lyrics/routes.ts';
import { ENGINE_VERSION } from '../music/version.ts';

export interface AppOptions {
  /** Folder of the built web app; defaults to web/dist. */
  webDist?: string;
}

/** Build the Innerchord app: `const app = createApp({ db, config, log })`. */
export function createApp(deps: AppDeps, options: AppOptions = {}) {
  const app = createRouter();
  app.onError(onError(deps.log));
  app.use('*', requestLog(deps.log, deps.config.log));
  app.use('*', securityHeaders, strictTransport);
  app.use('*', originGuard(deps.config));
  app.use('/api/*', noStore);
  // JSON answers (a sketch is ~50 kB) go gzip-compressed when the client accepts it, off the request
  // thread (server/http/compress.ts); the built web app is served precompressed instead
  // (server/http/web.ts), and SSE streams are left alone.
  app.use('/api/*', compressAnswers());
  app.use('/api/*', bodyLimits);
  app.use('/api/*', ...authMiddleware(deps));
  app.use('/api/*', turnRateLimit(deps.config));

  const api = app
    .route('/api', healthRoutes(deps))
    .route('/api', songRoutes(deps))
    .route('/api', versionRoutes(deps))
    .route('/api', takeRoutes(deps))
    .route('/api', captureRoutes(deps))
    .route('/api', archiveRoutes(deps))
    .route('/api', turnRoutes(deps))
    .route('/api', exportRoutes(deps))
    .route('/api', authRoutes(deps))
    .route('/api', shareRoutes(deps))
    .route('/api', adminRoutes(deps))
    .route('/api', privacyRoutes(deps))
    .route('/api', templateRoutes(deps))
    .route('/api', safetyRoutes(deps))
    .route('/api', lyricRoutes(deps))
    .route('/samples', sampleRoutes())
    .route('/soundbank', soundBankRoutes());

  api.doc31('/api/openapi.json', {
    openapi: '3.1.0',
    info: { title: 'Innerchord API', version: ENGINE_VERSION, description: 'Guided, reflective songwriting: the journal, versions and the conversation.' },
  });
  api.notFound((c) => (c.req.path.startsWith('/api/') ? notFound(c) : c.text('Not found', 404)));
  api.route('/', webRoutes(options.webDist));
  return api;
}

/** The typed API for `hc<AppType>` in the web app. */
export type AppType = ReturnType<typeof createApp>;
