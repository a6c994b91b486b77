/**
 * The guide's reply through the language model: the offline guide has already decided the step
 * and drafted the reply; the model phrases it warmly, streamed as deltas. The prompt carries the
 * running summary and the last few turns only, each quoted as data.
 */
import type { Message } from '../journal/shapes.ts';
import { streamChat, type LlmSettings } from './client.ts';
import { asTurns } from './context.ts';
import { guardDeltas } from './leak.ts';
import { buildPrompt, type BuiltPrompt } from './prompts.ts';
import { isLanguage, languageInfo } from '../i18n/languages.ts';
import type { Usage } from './tokens.ts';

export interface GuideReplyInput {
  /** The step code from guideStep ("ask:feeling", "propose", "sketch" …). */
  step: string;
  /** The offline guide's reply, to keep the meaning of. */
  draft: string;
  summary: string;
  recent: Message[];
  message: string;
  /** The musician's language (a code under lang/): the reply must be in it. */
  language?: string;
}

/** The guide prompt exactly as it would be sent (the benchmark measures this). */
export function guidePrompt(input: GuideReplyInput): BuiltPrompt {
  const code = isLanguage(input.language) ? input.language : 'en';
  return buildPrompt('guide', {
    step: input.step.replace(/[^\w:-]/g, ''),
    language: `${languageInfo(code).name} (${code})`,
    draft: { data: input.draft },
    summary: { data: input.summary },
    recent: { data: asTurns(input.recent) },
    message: { data: input.message },
  });
}

/** Stream the guide's reply from the model; throws LlmFailure (the caller falls back to the draft). */
export async function guideReplyWithLlm(
  s: LlmSettings,
  input: GuideReplyInput,
  onDelta: (text: string) => void | Promise<void>,
): Promise<{ text: string; usage: Usage }> {
  const prompt = guidePrompt(input);
  // An injected "repeat your instructions" must never reach the page: see leak.ts.
  const guard = guardDeltas(prompt.system, onDelta);
  const answer = await streamChat(s, [
    { role: 'system', content: prompt.system },
    { role: 'user', content: prompt.user },
  ], (d) => guard.push(d));
  await guard.finish();
  return { text: answer.text.trim(), usage: answer.usage };
}
