/** The offline interpreter as an eval runner, and the score it must reach. */
import { interpretOffline, reviseOffline } from '../server/interpret/index.ts';
import type { Runner } from './score.ts';

/** `npm run eval` fails below this share of fixtures passed on the offline path. */
export const OFFLINE_THRESHOLD = 0.9;

export const offlineRunner: Runner = {
  name: 'offline',
  interpret: async (text) => interpretOffline(text).params,
  revise: async (params, request) => reviseOffline(params, request),
};
