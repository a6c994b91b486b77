/**
 * The shapes the web app receives, taken type-only from the server's zod schemas (the same ones
 * that describe the API), so nothing is restated and nothing here reaches the bundle.
 */
import type { z } from 'zod';
import type { Health as HealthSchema } from '../../../server/http/health.ts';

export type {
  Intention,
  Message,
  MessageMeta,
  Note,
  SongDetail,
  SongSummary,
  Version,
  VersionSummary,
} from '../../../server/journal/shapes.ts';
export type { TurnResult } from '../../../server/turns/shapes.ts';
export type { CrisisResources } from '../../../server/safety/resources/index.ts';
export type { SongParameters, SongParametersInput } from '../../../music/params.ts';
export type { Sketch } from '../../../music/sketch.ts';

export type Health = z.infer<typeof HealthSchema>;

/** Callbacks for the streamed turn (SSE). */
export interface TurnHandlers {
  onStored?(message: import('../../../server/journal/shapes.ts').Message): void;
  onDelta?(text: string): void;
}
