/**
 * The built web app (web/dist) served from `/`, with index.html for client-side routes. When it was
 * not built yet, `/` says how to build it instead of a bare 404.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono } from 'hono';

/** Where `vite build --config web/vite.config.ts` writes the app. */
export const WEB_DIST = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'web', 'dist');

const NOT_BUILT = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Innerchord</title></head>
<body style="font-family: system-ui, sans-serif; max-width: 36rem; margin: 4rem auto; line-height: 1.5">
<h1>Innerchord</h1>
<p>The server is running, but the web app has not been built yet.</p>
<p>Run <code>npm run build</code> (or <code>npm start</code>, which builds first), then reload this page.</p>
<p>The API answers at <a href="/api/health">/api/health</a>.</p>
</body></html>`;

/** Routes for the web app; everything under /api and /samples is left to the API. */
export function webRoutes(dist: string = WEB_DIST) {
  const app = new Hono();
  const index = path.join(dist, 'index.html');
  if (!existsSync(index)) {
    app.get('/', (c) => c.html(NOT_BUILT));
    return app;
  }
  app.use('/*', serveStatic({ root: dist }));
  // Client-side routes (no file extension) get the app shell; missing assets stay 404.
  app.get('*', (c, next) => {
    const p = c.req.path;
    if (p.startsWith('/api/') || p.startsWith('/samples/') || path.extname(p)) return next();
    return c.html(readFileSync(index, 'utf8'));
  });
  return app;
}
