/**
 * npm run eval safety — the safety scorecard alone. Exits non-zero when the offline layer misses
 * its targets (recall ≥ 95 %, false alarms ≤ 3 %) on the whole corpus.
 */
import { detectCrisis } from '../../server/safety/index.ts';
import { figures, formatSafety, loadCorpora, runCorpora } from './score.ts';

export const RECALL_TARGET = 0.95;
export const FALSE_ALARM_TARGET = 0.03;

/** Print the safety scorecard; true when the targets are met. */
export function safetyEval(showMisses = process.env.INNERCHORD_EVAL_MISSES !== '0'): boolean {
  const lines = runCorpora(loadCorpora(), detectCrisis);
  console.log(formatSafety(lines, showMisses));
  const f = figures(lines);
  const ok = f.recall >= RECALL_TARGET && f.falseAlarms <= FALSE_ALARM_TARGET;
  console.log(`  targets: recall ≥ ${RECALL_TARGET * 100}%, false alarms ≤ ${FALSE_ALARM_TARGET * 100}% → ${ok ? 'met' : 'NOT met'}`);
  return ok;
}
