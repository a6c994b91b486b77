/**
 * Phrasing by the section's job: a verse speaks lower and sparser, a pre-chorus climbs, the
 * chorus sits higher and busier and holds the song's climax (its next-to-last phrase reaches for
 * the top of the range), a bridge steps aside. Syncopation follows the style: a bossa or a clave
 * pushes notes ahead of the beat far more often than a ballad does.
 */
import type { Feel, SongParameters } from '../params.ts';
import type { Role } from './roles.ts';

/** Density offset by role (0 … 1 scale of the melody's busyness). */
const DENSITY_LIFT: Record<Role, number> = { intro: -0.15, verse: -0.05, pre: 0.05, chorus: 0.12, bridge: 0, breakdown: -0.15, outro: -0.15, other: 0 };
/** Register offset by role, as a share of the melody's range. */
const REGISTER_LIFT: Record<Role, number> = { intro: -0.05, verse: -0.12, pre: 0.03, chorus: 0.1, bridge: 0.05, breakdown: -0.08, outro: -0.08, other: 0 };
/** How much higher the climax phrase aims, as a share of the range. */
const CLIMAX = 0.18;

/** Feels that live off the beat (anticipations are their nature), and how much. */
const FEEL_SYNCOPATION: Partial<Record<Feel, number>> = {
  swing: 0.2, shuffle: 0.2, 'half-time': -0.05,
  bossa: 0.35, 'clave-son-3-2': 0.4, 'clave-son-2-3': 0.4, 'rumba-3-2': 0.4, 'rumba-2-3': 0.4, 'one-drop': 0.3, afrobeat: 0.35, bhangra: 0.3,
};

/** The melody's density in a section: phraseDensity(0.5, 0.6, 'chorus') → ≈ 0.77. */
export function phraseDensity(base: number, drive: number, role: Role): number {
  return Math.max(0, Math.min(1, 0.25 + 0.6 * base + (drive - 0.45) + DENSITY_LIFT[role]));
}

/**
 * The register a phrase aims for: the contour's target moved by the section's role, and the
 * chorus's climax phrase (its next-to-last, or its only one) lifted toward the top.
 */
export function phraseRegister(target: number, range: { low: number; high: number }, role: Role, phrase: number, phrases: number): number {
  const span = range.high - range.low;
  const climax = role === 'chorus' && phrase === Math.max(0, phrases - 2) ? CLIMAX : 0;
  return Math.max(range.low, Math.min(range.high, target + span * (REGISTER_LIFT[role] + climax)));
}

/** Chance of an anticipation on a strong beat: syncopationFor(params with a bossa feel) → ≈ 0.5. */
export function syncopationFor(params: SongParameters): number {
  const drive = 0.3 * Math.max(0, params.arousal);
  return Math.max(0, Math.min(0.7, 0.15 + drive + (FEEL_SYNCOPATION[params.rhythm.feel] ?? 0)));
}
