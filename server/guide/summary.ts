/**
 * The offline running summary: a deterministic extract of the key answers, the intention and the
 * latest requests, each quoted and clipped, so it stays the same size however long a song is
 * iterated. The language-model path replaces it with prompts/summary.md when available.
 */
import type { GuideState } from './state.ts';

const LABELS: [keyof GuideState['answers'], string][] = [
  ['about', 'About'],
  ['feeling', 'Feeling'],
  ['message', 'Message to keep'],
  ['images', 'Images'],
  ['audience', 'For'],
  ['references', 'References'],
];

const clip = (s: string, n: number) => {
  const t = s.replace(/\s+/g, ' ').trim();
  return t.length > n ? `${t.slice(0, n - 1)}…` : t;
};

/** Summarise what matters so far: offlineSummary(state, "A song for my sister …") → "About: “…”. …" */
export function offlineSummary(state: GuideState, intention: string | null, maxRequests = 5): string {
  const lines: string[] = [];
  for (const [key, label] of LABELS) {
    const answer = state.answers[key];
    if (answer) lines.push(`${label}: “${clip(answer, 160)}”.`);
  }
  if (intention) lines.push(`Intention: “${clip(intention, 200)}”.`);
  const requests = state.requests.slice(-maxRequests);
  if (requests.length) lines.push(`Recent requests after listening: ${requests.map((r) => `“${clip(r, 80)}”`).join(', ')}.`);
  return lines.join('\n');
}
