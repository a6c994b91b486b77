/**
 * The music engine as the journal uses it. Loaded lazily so the journal (messages, songs …) keeps
 * working even while an engine module fails to load; only making or exporting a version needs it.
 */
import type { SongParameters } from '../../music/params.ts';
import type { Sketch } from '../../music/sketch.ts';

/** Generate the sketch for (params, seed) — deterministic. */
export async function generate(params: SongParameters, seed: number): Promise<Sketch> {
  const { generateSketch } = await import('../../music/generate.ts');
  return generateSketch(params, seed);
}

/** What changed between two versions, in a musician's words. */
export async function diff(before: { params: SongParameters; sketch: Sketch }, after: { params: SongParameters; sketch: Sketch }): Promise<string[]> {
  const [{ diffVersions }, { lyricChangeLabels }] = await Promise.all([import('../../music/diff.ts'), import('../lyrics/diff.ts')]);
  // Edited words are changes too: the journal lists them with the music's.
  return [...lyricChangeLabels(before.params, after.params), ...diffVersions(before, after)];
}

/** Standard MIDI file bytes of a sketch. */
export async function midi(sketch: Sketch, title: string): Promise<Uint8Array> {
  const { sketchToMidi } = await import('../../music/midi/export.ts');
  return sketchToMidi(sketch, { title });
}
