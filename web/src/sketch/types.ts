/** Shapes the sketch panel receives (docs/API.md), taken from the app's API types, never restated. */
export type { Version, VersionSummary } from '../lib/types.ts';
export type { Sketch, SongParameters } from '../../../music/index.ts';
