/**
 * Loudness: a section's base velocity comes from the song's dynamics level and the section's
 * energy; parts add accents on strong beats. Velocities are 0 … 1 (MIDI velocity / 127).
 */

/** Part balance: the melody sits on top, drums and comping a little under it. */
export const PART_GAIN = { melody: 1, chords: 0.78, bass: 0.9, drums: 0.9 } as const;

/** Base velocity for a section: sectionVelocity(0.6, 0.75) → ≈ 0.63. */
export function sectionVelocity(level: number, energy: number): number {
  return clampVelocity(0.3 + 0.5 * level * (0.55 + 0.45 * energy) + 0.1 * energy);
}

/** Keep a velocity audible and legal. */
export function clampVelocity(v: number): number {
  return Math.max(0.05, Math.min(1, Math.round(v * 1000) / 1000));
}
