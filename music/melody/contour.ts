/**
 * Melodic contour and register: where in the melody's range a moment should sit, from the
 * requested contour shape and the section's drive (a chorus sits higher than a verse).
 */
import type { SongParameters } from '../params.ts';

type Contour = SongParameters['melody']['contour'];

/** Shape functions over song position x ∈ [0, 1] → 0 (low) … 1 (high). */
const SHAPES: Record<Contour, (x: number) => number> = {
  arch: (x) => Math.sin(Math.PI * x),
  rising: (x) => x,
  falling: (x) => 1 - x,
  wave: (x) => 0.5 + 0.5 * Math.sin(2 * Math.PI * x - Math.PI / 2),
};

/** Target pitch: register centre from drive, bent by the contour: targetPitch(60, 76, 'arch', 0.5, 0.6) → ≈ 71. */
export function targetPitch(low: number, high: number, contour: Contour, x: number, sectionDrive: number): number {
  const range = high - low;
  const centre = low + range * (0.15 + 0.65 * sectionDrive);
  const swing = range * 0.22;
  const p = centre + (SHAPES[contour](Math.max(0, Math.min(1, x))) - 0.5) * 2 * swing;
  return Math.max(low, Math.min(high, p));
}
