/**
 * Whole-arrangement revisions: "sparser" / "more space", "fuller", "shorter", "warmer sound".
 * Pure transforms (params, amount) → change; revisions.ts wires them to words.
 */
import type { SongParameters } from '../../music/params.ts';
import { clamp, edit, round2 } from './edit.ts';
import { moveEmotion } from './emotion-move.ts';
import { dropRepeat } from './requests-arrangement.ts';

type Result = { params: SongParameters; label: string } | null;

/** How far each density moves per step of "sparser" (-1) or "fuller" (+1). */
const TEXTURE_STEP = { drums: 0.2, melody: 0.15, level: 0.05 } as const;

/** Thin out (-1) or fill in (+1) drums, melody and overall level together. */
export function texture(name: string, direction: -1 | 1, k: number): (p: SongParameters) => Result {
  return (p) => {
    const move = (x: number, step: number) => round2(clamp(x + direction * step * k, 0, 1));
    const params = edit(p, (d) => {
      d.drums.density = move(p.drums.density, TEXTURE_STEP.drums);
      d.melody.density = move(p.melody.density, TEXTURE_STEP.melody);
      d.dynamics.level = move(p.dynamics.level, TEXTURE_STEP.level);
      if (direction < 0) d.drums.fills = false;
    });
    if (JSON.stringify(params) === JSON.stringify(p)) return null;
    return { params, label: `${name}: drum density ${p.drums.density} → ${params.drums.density}, melody density ${p.melody.density} → ${params.melody.density}` };
  };
}

const bars = (p: SongParameters) => p.sections.reduce((n, s) => n + s.bars, 0);

/** "shorter": drop the repeated verse and chorus; with nothing repeated, trim every section by a quarter. */
export function shorter(p: SongParameters): Result {
  const next = dropRepeat(p) ?? edit(p, (d) => { for (const s of d.sections) s.bars = Math.max(1, Math.round(s.bars * 0.75)); });
  return bars(next) < bars(p) ? { params: next, label: `shorter: ${bars(p)} → ${bars(next)} bars` } : null;
}

/** "warmer sound": a little brighter and calmer, seventh chords, the melody a step lower. */
export function warmer(p: SongParameters, k: number): Result {
  const moved = moveEmotion(p, 0.15 * k, -0.1 * k);
  const params = edit(moved.params, (d) => {
    d.harmony.extensions = true;
    if (d.melody.low - 2 >= 36) { d.melody.low -= 2; d.melody.high -= 2; }
  });
  const parts = [...moved.parts, ...(p.harmony.extensions ? [] : ['seventh chords'])];
  return { params, label: `warmer: ${parts.join(', ') || 'melody a step lower'}` };
}
