/**
 * Bounded context: a prompt carries the running summary plus the last few turns, never the whole
 * conversation, so the tokens sent per turn stay flat over 50+ turns. When more than FOLD_AT
 * turns wait outside the summary, the older ones are folded into it (by the model with
 * prompts/summary.md, or by the offline extract) and only the last WINDOW stay verbatim.
 */
import type { Message } from '../journal/shapes.ts';
import { completeChat, type LlmSettings } from './client.ts';
import { buildPrompt } from './prompts.ts';
import type { Usage } from './tokens.ts';

/** Turns sent verbatim after a fold. */
export const WINDOW = 6;
/** Fold once this many turns wait outside the summary (so the summary is rewritten every few turns, not every turn). */
export const FOLD_AT = 10;
/** Longest summary kept, whatever a model writes. */
export const SUMMARY_MAX_CHARS = 1500;
/** Longest single turn quoted in a prompt. */
export const TURN_MAX_CHARS = 1000;

export interface Turn {
  role: Message['role'];
  text: string;
}

/** Split the turns before `currentSeq` that the summary does not cover into those to fold and those to send. */
export function splitWindow(messages: Message[], summaryUpTo: number, currentSeq: number): { fold: Message[]; recent: Message[] } {
  // Crisis turns are not carried into later prompts: the music flow paused there.
  const pending = messages.filter((m) => m.seq > summaryUpTo && m.seq < currentSeq && !m.meta['crisis']);
  if (pending.length <= FOLD_AT) return { fold: [], recent: pending };
  return { fold: pending.slice(0, pending.length - WINDOW), recent: pending.slice(-WINDOW) };
}

/** Turns as quoted in a prompt: role and text, each text clipped. */
export function asTurns(messages: Message[]): Turn[] {
  return messages.map((m) => ({ role: m.role, text: m.text.length > TURN_MAX_CHARS ? `${m.text.slice(0, TURN_MAX_CHARS)}…` : m.text }));
}

/** Clip a summary to its bound. */
export function clipSummary(text: string): string {
  const t = text.trim();
  return t.length > SUMMARY_MAX_CHARS ? `${t.slice(0, SUMMARY_MAX_CHARS - 1)}…` : t;
}

/** Fold turns into the summary with the model (prompts/summary.md); throws LlmFailure. */
export async function summariseWithLlm(s: LlmSettings, summary: string, fold: Message[]): Promise<{ summary: string; usage: Usage }> {
  const prompt = buildPrompt('summary', { summary: { data: summary }, turns: { data: asTurns(fold) } });
  const answer = await completeChat(s, [
    { role: 'system', content: prompt.system },
    { role: 'user', content: prompt.user },
  ]);
  return { summary: clipSummary(answer.text), usage: answer.usage };
}
