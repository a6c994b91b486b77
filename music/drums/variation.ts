/**
 * A drummer's own take on a groove, chosen by the song's seed: extra kicks that push the bar,
 * ghost notes on the snare, a different hi-hat figure. The groove's backbone — the downbeat kick
 * and the backbeat (or the clave, the cross-stick) — is never touched, so the groove stays the
 * one the facts name. A chorus opens up: its hi-hat moves to the ride, with an open hat at the
 * end of the bar. Pure: one variation per song, drawn from the drums stream the seed forks.
 */
import type { Rng } from '../rng.ts';
import type { Pattern } from './grooves.ts';

export interface GrooveVariation {
  /** Step positions (mod the bar) where a soft kick is added when free. */
  kicks: number[];
  /** Step positions where a ghost snare is added when free. */
  ghosts: number[];
  /** Hi-hat figure: as written, thinned to quarters, or filled with sixteenth pairs at the end of beats. */
  hats: 'as written' | 'quarters' | 'pushed';
}

/** Draw one song's variation for a bar of `steps` steps grouped in beats of `perBeat` steps. */
export function drawVariation(steps: number, perBeat: number, rng: Rng): GrooveVariation {
  const offbeats = Array.from({ length: steps }, (_, i) => i).filter((i) => i % perBeat !== 0);
  const pick = (n: number) => Array.from({ length: n }, () => rng.pick(offbeats));
  return {
    kicks: [...new Set(pick(rng.int(1, 2)))].sort((a, b) => a - b),
    ghosts: [...new Set(pick(rng.int(0, 3)))].sort((a, b) => a - b),
    hats: rng.pick(['as written', 'quarters', 'pushed'] as const),
  };
}

const setAt = (s: string, i: number, c: string) => (i < s.length && s[i] === '.' ? s.slice(0, i) + c + s.slice(i + 1) : s);

/** Apply a variation to one pattern (the strings stay the groove's length). */
export function varyPattern(pattern: Pattern, v: GrooveVariation, perBeat: number, perBar: number, opensUp: boolean): Pattern {
  const out: Pattern = { ...pattern };
  const len = Math.max(...Object.values(pattern).map((s) => s?.length ?? 0));
  // Patterns longer than a bar (two-bar clave figures) take the variation in every bar.
  const bar = (i: number) => Array.from({ length: Math.ceil(len / Math.max(1, perBar)) }, (_, k) => i + k * perBar);
  if (out.kick) for (const k of v.kicks) for (const i of bar(k)) out.kick = setAt(out.kick, i, 'o');
  if (out.snare || out.rim) {
    const voice = out.snare ? 'snare' : 'rim';
    for (const g of v.ghosts) for (const i of bar(g)) out[voice] = setAt(out[voice] ?? '', i, '-');
  }
  const hat = out.closedHat;
  if (hat && v.hats === 'quarters') out.closedHat = [...hat].map((c, i) => (i % perBeat === 0 && c === '.' ? 'o' : i % perBeat === 0 ? c : '.')).join('');
  else if (hat && v.hats === 'pushed') out.closedHat = [...hat].map((c, i) => (i % perBeat === perBeat - 1 && c === '.' ? '-' : c)).join('');
  if (opensUp && out.closedHat && !out.ride) {
    out.ride = out.closedHat;
    delete out.closedHat;
    out.openHat = setAt(out.openHat ?? '.'.repeat(len), len - Math.max(1, perBeat / 2), 'o');
  }
  return out;
}
