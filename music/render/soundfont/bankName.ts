/**
 * The name of the bank a sketch needs: its melodic GM programs and drum kits, sorted, e.g.
 * `gm-0.33.73-d0.sf3`. The browser asks the server for exactly this (GET /soundbank/:name), so
 * the first Play fetches only the presets the sketch plays. Pure.
 */
import type { Sketch } from '../../sketch.ts';

/** The subset's name for a set of programs: subsetName([73, 0, 33], [0]) → "gm-0.33.73-d0.sf3". */
export function subsetName(melodic: Iterable<number>, kits: Iterable<number>): string {
  const list = (xs: Iterable<number>) => [...new Set(xs)].sort((a, b) => a - b).join('.');
  return `gm-${list(melodic)}-d${list(kits)}.sf3`;
}

/** The programs a sketch plays: every track's program and program changes (drum kits apart). */
export function sketchPrograms(sketch: Pick<Sketch, 'tracks'>): { melodic: number[]; kits: number[] } {
  const melodic = new Set<number>();
  const kits = new Set<number>();
  for (const track of sketch.tracks) {
    if (track.notes.length === 0) continue;
    const into = track.id === 'drums' ? kits : melodic;
    into.add(track.program);
    for (const change of track.programChanges ?? []) into.add(change.program);
  }
  return { melodic: [...melodic], kits: [...kits] };
}

/** The bank name for a sketch: sketchBankName(sketch) → "gm-0.33.73-d0.sf3". */
export function sketchBankName(sketch: Pick<Sketch, 'tracks'>): string {
  const { melodic, kits } = sketchPrograms(sketch);
  return subsetName(melodic, kits);
}
