/**
 * A style or blend described in a musician's words, for explanations and the teaching layer:
 * describeStyle('bossa nova').summary → "bossa nova: Brazilian, soft and cool: …".
 */
import { findTemplate } from './templates.ts';
import { acceptedModes } from './modes.ts';
import { SCALE_WORDS, WORLD_FEEL_WORDS } from './words.ts';
import { approachFor } from '../harmony/approach.ts';

export interface StyleDescription {
  name: string;
  summary: string;
  /** Melodic habits, tempo range, groove and scale, one line each. */
  details: string[];
}

const FEEL_TEXT: Record<string, string> = { ...WORLD_FEEL_WORDS, straight: 'straight eighths', swing: 'swung eighths', 'half-time': 'a half-time backbeat', shuffle: 'a shuffle' };

/** Describe a template (and an optional blend partner), or null for an unknown name. */
export function describeStyle(name: string, blend?: { with: string; amount: number }): StyleDescription | null {
  const a = findTemplate(name);
  if (!a) return null;
  const b = blend ? findTemplate(blend.with) : undefined;
  const details = [
    `melody: ${a.habits}`,
    `tempo: usually ${a.tempo[0]}–${a.tempo[1]} bpm in ${a.meter}${a.meterGrouping ? ` (${a.meterGrouping})` : ''}`,
    `groove: ${FEEL_TEXT[a.feel] ?? a.feel}`,
    a.modes.major.join() === a.modes.minor.join() ? `modes: always ${a.modes.major.join(' or ')}` : `modes: ${a.modes.major.join(' or ')} for a bright song, ${a.modes.minor.join(' or ')} for a dark one`,
  ];
  for (const mode of acceptedModes(a)) {
    const words = SCALE_WORDS[mode];
    if (words) details.push(`scale: ${mode} — ${words}`);
    const approach = approachFor(mode);
    if (approach) details.push(`harmony: ${approach.words}`);
  }
  if (a.harmony.form === 'twelve-bar') details.push('form: twelve-bar choruses, I7–IV7–V7');
  if (b && blend) {
    const pct = Math.round(blend.amount * 100);
    details.push(`blended with ${b.name} (${pct}%): ${b.description}`);
    return { name: `${a.name} meets ${b.name}`, summary: `${a.name} with ${pct}% ${b.name}: ${a.description}; ${b.description}`, details };
  }
  return { name: a.name, summary: `${a.name}: ${a.description}`, details };
}
