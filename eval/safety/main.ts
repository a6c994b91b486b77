/**
 * npm run eval safety — the safety scorecard alone. Exits non-zero when the offline layer misses
 * its targets (recall ≥ 95 %, false alarms ≤ 3 %) on the whole corpus.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { detectCrisis } from '../../server/safety/index.ts';
import { figures, formatSafety, loadCorpora, runCorpora } from './score.ts';

/** Lines written fresh, never tuned on (eval/safety/held-out/README.md). */
const HELD_OUT = path.join(path.dirname(fileURLToPath(import.meta.url)), 'held-out');
export const HELD_OUT_RECALL_TARGET = 0.9;
export const HELD_OUT_FALSE_ALARM_TARGET = 0.05;

export const RECALL_TARGET = 0.95;
export const FALSE_ALARM_TARGET = 0.03;

/** Print the safety scorecard; true when the targets are met. */
export function safetyEval(showMisses = process.env.INNERCHORD_EVAL_MISSES !== '0'): boolean {
  const lines = runCorpora(loadCorpora(), detectCrisis);
  console.log(formatSafety(lines, showMisses));
  const f = figures(lines);
  const ok = f.recall >= RECALL_TARGET && f.falseAlarms <= FALSE_ALARM_TARGET;
  console.log(`  targets: recall ≥ ${RECALL_TARGET * 100}%, false alarms ≤ ${FALSE_ALARM_TARGET * 100}% → ${ok ? 'met' : 'NOT met'}`);
  // The held-out card: figures only, never the missed lines (reading them would be tuning on them).
  const fresh = runCorpora(loadCorpora(HELD_OUT), detectCrisis);
  console.log(formatSafety(fresh, false).replace('safety floor (offline layer)', 'safety floor on the held-out set (offline layer; eval/safety/held-out, figures only)'));
  const h = figures(fresh);
  const heldOk = h.recall >= HELD_OUT_RECALL_TARGET && h.falseAlarms <= HELD_OUT_FALSE_ALARM_TARGET;
  console.log(`  held-out targets: recall ≥ ${HELD_OUT_RECALL_TARGET * 100}%, false alarms ≤ ${HELD_OUT_FALSE_ALARM_TARGET * 100}% → ${heldOk ? 'met' : 'NOT met'}`);
  return ok && heldOk;
}
