/** The one sentence a musician sees when the language model failed and the offline path answered. */
import type { FailureReason } from './client.ts';

/**
 * fallbackNotice('timeout') → "The language model didn't answer (timeout), so the offline guide
 * answered this turn." `who` names the offline part that answered ("guide", "interpreter").
 */
export function fallbackNotice(reason: FailureReason, who = 'guide'): string {
  // A runaway reply is cut off by us, so "didn't answer" would not be true.
  if (reason === 'too long') return `The language model's reply ran too long, so the offline ${who} answered${who === 'guide' ? ' this turn' : ''}.`;
  return who === 'guide'
    ? `The language model didn't answer (${reason}), so the offline guide answered this turn.`
    : `The language model didn't answer (${reason}), so the offline ${who} answered.`;
}
