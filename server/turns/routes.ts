/** Conversation turns: POST /api/songs/:id/turns (JSON or SSE) and /turns/retry. See docs/API.md. */
import { OpenAPIHono } from '@hono/zod-openapi';
import type { AppDeps } from '../deps.ts';

// Placeholder until the guide lands: mounted by server/app.ts under /api.
export function turnRoutes(_deps: AppDeps) {
  return new OpenAPIHono();
}
