/**
 * The built web app (web/dist) served from `/`, with index.html for client-side routes. When it was
 * not built yet, `/` says how to build it instead of a bare 404.
 *
 * Transfer: files are sent as the brotli or gzip twin the build wrote (web/precompress.ts) when the
 * browser accepts it. Vite names the files under /assets by their content hash, so they never
 * change and are cached for a year (`immutable`); everything else (index.html, the service worker)
 * is revalidated on every load (`no-cache`, with an ETag so an unchanged page is a 304).
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono, type Context } from 'hono';
import { etag } from 'hono/etag';

/** Where `vite build --config web/vite.config.ts` writes the app. */
export const WEB_DIST = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'web', 'dist');

/** Content-hashed build output: safe to keep for a year. */
export const IMMUTABLE = 'public, max-age=31536000, immutable';
/** Everything else: use the cached copy only after asking whether it changed. */
export const REVALIDATE = 'no-cache';

const NOT_BUILT = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Innerchord</title></head>
<body style="font-family: system-ui, sans-serif; max-width: 36rem; margin: 4rem auto; line-height: 1.5">
<h1>Innerchord</h1>
<p>The server is running, but the web app has not been built yet.</p>
<p>Run <code>npm run build</code> (or <code>npm start</code>, which builds first), then reload this page.</p>
<p>The API answers at <a href="/api/health">/api/health</a>.</p>
</body></html>`;

/** `/assets/index-3f2a9c1e.js` and the like: Vite's hashed output. */
const HASHED = /^\/assets\/.+[-.][A-Za-z0-9_-]{8,}\.[a-z0-9]+$/;

function cacheHeaders(c: Context): void {
  c.header('Cache-Control', HASHED.test(c.req.path) ? IMMUTABLE : REVALIDATE);
  // The same URL has several encodings: caches must key on Accept-Encoding.
  if (!c.res.headers.get('Vary')?.includes('Accept-Encoding')) c.header('Vary', 'Accept-Encoding', { append: true });
}

/** Routes for the web app; everything under /api and /samples is left to the API. */
export function webRoutes(dist: string = WEB_DIST) {
  const app = new Hono();
  const index = path.join(dist, 'index.html');
  if (!existsSync(index)) {
    app.get('/', (c) => c.html(NOT_BUILT));
    return app;
  }
  // ETags for what is revalidated; hashed assets are never asked about, so they skip the hashing.
  const tag = etag({ weak: true });
  app.use('/*', (c, next) => (HASHED.test(c.req.path) ? next() : tag(c, next)));
  app.use('/*', serveStatic({ root: dist, precompressed: true, onFound: (_path, c) => cacheHeaders(c) }));
  // Client-side routes (no file extension) get the app shell; missing assets stay 404.
  app.get('*', (c, next) => {
    const p = c.req.path;
    if (p.startsWith('/api/') || p.startsWith('/samples/') || path.extname(p)) return next();
    c.header('Cache-Control', REVALIDATE);
    return c.html(readFileSync(index, 'utf8'));
  });
  return app;
}
