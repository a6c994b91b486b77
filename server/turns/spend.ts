/** One turn's language-model spend, shared by the steps that make music. */
import type { SongParameters } from '../../music/params.ts';
import type { LlmFailure, LlmSettings } from '../llm/client.ts';
import { addUsage, type Usage } from '../llm/tokens.ts';

/** Mutable record of one turn's LLM use: tokens spent and the first failure (after which the offline path answers). */
export interface Spend {
  settings: LlmSettings | null;
  usage: Usage;
  failure: LlmFailure | null;
}

/** Add one call's usage, and keep the first failure. */
export function record(spend: Spend, result: { usage: Usage; failure: LlmFailure | null }) {
  spend.usage = addUsage(spend.usage, result.usage);
  spend.failure ??= result.failure;
}

/** The same music, whatever the reasons given for it. */
export const sameMusic = (a: SongParameters, b: SongParameters) => JSON.stringify({ ...a, rationale: [] }) === JSON.stringify({ ...b, rationale: [] });
