/** Serves the local piano samples (file names contain '#', which serveStatic 404s on). */
import { Hono } from 'hono';

// Placeholder until the player lands: mounted by server/app.ts at /samples.
export function sampleRoutes() {
  return new Hono();
}
