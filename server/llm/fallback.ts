/** The one sentence a musician sees when the language model failed and the offline path answered. */
import type { FailureReason } from './client.ts';

/**
 * fallbackNotice('timeout') → "The language model didn't answer (timeout), so the offline guide
 * answered this turn." `who` names the offline part that answered ("guide", "interpreter").
 */
export function fallbackNotice(reason: FailureReason, who = 'guide'): string {
  return who === 'guide'
    ? `The language model didn't answer (${reason}), so the offline guide answered this turn.`
    : `The language model didn't answer (${reason}), so the offline ${who} answered.`;
}
