/** The care reply shown when the safety check finds crisis language (texts in lang/<code>/crisis.json). */
import { resourcesFor, type CrisisResources } from '../safety/resources/index.ts';
import { crisisText, replyKind } from '../safety/reply.ts';
import type { CrisisCheck } from '../safety/index.ts';

/**
 * The crisis reply: care, no diagnosis, where to find help now (the resources chosen for the
 * musician's locale). `check` picks the reply by severity and its language; without it, the
 * English reply for thoughts of suicide.
 */
export function crisisReply(resources: CrisisResources = resourcesFor(null), check?: Pick<CrisisCheck, 'severity' | 'signals' | 'language'>): string {
  const kind = check ? replyKind(check) : 'concern';
  return crisisText(resources, kind, check?.language ?? 'en');
}

/** Chips after a crisis reply: nothing that pushes back towards the music. */
export const CRISIS_SUGGESTIONS: string[] = [];
