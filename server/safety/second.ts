/**
 * The LLM second opinion (layer c): when a model is configured and INNERCHORD_SAFETY_SECOND_OPINION_MS
 * is set, a message the offline layer let through is also shown to the model as a classification
 * (prompts/crisis.md). It may only add an alarm, never remove one — it is not asked at all when the
 * offline layer already fired — and it has its own short deadline: a slow, failing or nonsensical
 * answer counts as "no second opinion" and the turn goes on.
 */
import { z } from 'zod';
import { completeChat, type LlmSettings } from '../llm/client.ts';
import { buildPrompt } from '../llm/prompts.ts';
import { parseAnswer } from '../llm/structured.ts';
import type { CrisisCheck } from './index.ts';
import { Category } from './pack.ts';

export const SecondOpinion = z.object({
  crisis: z.boolean(),
  category: Category.optional(),
  severity: z.enum(['concern', 'high', 'immediate']).optional(),
});
export type SecondOpinion = z.infer<typeof SecondOpinion>;

/** A second opinion on one message; null when the model is slow, fails or answers out of shape. */
export async function secondOpinion(s: LlmSettings, text: string, timeoutMs: number): Promise<CrisisCheck | null> {
  const prompt = buildPrompt('crisis', { text: { data: text } });
  try {
    const answer = await completeChat({ ...s, timeoutMs }, [{ role: 'system', content: prompt.system }, { role: 'user', content: prompt.user }], { type: 'json_object' });
    const parsed = parseAnswer(SecondOpinion, answer.text);
    if (!parsed.ok || !parsed.value.crisis) return null;
    return { crisis: true, severity: parsed.value.severity ?? 'concern', signals: [parsed.value.category ?? 'ideation'], language: null };
  } catch {
    return null;
  }
}
