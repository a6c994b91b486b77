/** The care reply shown when the safety check finds crisis language (text in prompts/crisis.md). */
import { fillTemplate, loadPrompt } from '../llm/prompts.ts';
import { renderResources, resourcesFor, type CrisisResources } from '../safety/resources/index.ts';

/** The crisis reply: care, no diagnosis, where to find help now (the resources chosen for the musician's locale). */
export function crisisReply(resources: CrisisResources = resourcesFor(null)): string {
  return fillTemplate(loadPrompt('crisis').user, { resources: renderResources(resources) }, 'prompts/crisis.md');
}

/** Chips after a crisis reply: nothing that pushes back towards the music. */
export const CRISIS_SUGGESTIONS: string[] = [];
