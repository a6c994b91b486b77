/** The offline interpreter: words → SongParameters, and revision requests → changed parameters. */
export type { Interpretation, Revision, EmotionReading } from './types.ts';
export { interpretOffline } from './interpret.ts';
export { missingSections, reviseOffline } from './revise.ts';
export { readEmotion } from './emotion.ts';
