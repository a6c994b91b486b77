/** The care reply shown when the safety check finds crisis language (text in prompts/crisis.md). */
import { loadPrompt } from '../llm/prompts.ts';

/** The crisis reply: care, no diagnosis, where to find help now. */
export function crisisReply(): string {
  return loadPrompt('crisis').user;
}

/** Chips after a crisis reply: nothing that pushes back towards the music. */
export const CRISIS_SUGGESTIONS: string[] = [];
