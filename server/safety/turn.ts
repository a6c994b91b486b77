/**
 * The safety check for a conversation turn, with context across turns: words that are no alarm
 * alone ("I've made up my mind", "it'll all be over soon") count when an earlier message in the
 * same song raised a signal. The earlier messages are read only when such words appear, so an
 * ordinary turn costs no extra query.
 */
import type { Database } from '../../db/client.ts';
import { listMessages } from '../journal/index.ts';
import { crisisSignals, summarise, type CrisisCheck } from './index.ts';

/** Another opinion on a message the offline layer let through (the LLM's, see second.ts); null → none. */
export type SecondOpinionFn = (text: string) => Promise<CrisisCheck | null>;

/** How many earlier messages of the musician's count as "earlier" for context. */
export const CONTEXT_TURNS = 8;

/** checkTurn(db, songId, "I've made up my mind") → a crisis when earlier turns held hopelessness; `skipId`: the message itself on a retry. */
export async function checkTurn(db: Database, songId: string, text: string, skipId?: string, second?: SecondOpinionFn): Promise<CrisisCheck> {
  const offline = await offlineCheck(db, songId, text, skipId);
  // The second opinion may only add an alarm: it is not even asked when the offline layer fired.
  if (offline.crisis || !second) return offline;
  return (await second(text)) ?? offline;
}

async function offlineCheck(db: Database, songId: string, text: string, skipId?: string): Promise<CrisisCheck> {
  const signals = crisisSignals(text);
  const alone = summarise(signals.filter((s) => !s.context), text);
  if (alone.crisis || !signals.some((s) => s.context)) return alone;
  const earlier = (await listMessages(db, songId)).filter((m) => m.role === 'user' && m.id !== skipId).slice(-CONTEXT_TURNS);
  const distress = earlier.some((m) => m.meta.crisis === true || crisisSignals(m.text).length > 0);
  return distress ? summarise(signals, text) : alone;
}
