/**
 * Which pitches the melody and bass may use at a moment: the scale, except that under a chord
 * from outside the scale (a borrowed iv, the musician's own bVII) the chord's own tones replace
 * the scale tones they rub against — mode mixture, not wrong notes.
 */
import type { ScaleInfo } from '../theory/scale.ts';
import type { ChordSlot } from '../harmony/progression.ts';

const pc = (n: number) => ((n % 12) + 12) % 12;

/**
 * Pitch classes allowed under a chord slot. Under a chord from outside the scale, scale tones a
 * semitone from its outside tones are avoided; the bass (`colour`) also states those outside
 * tones, while the melody stays in the scale (keeping every tone when avoiding would leave too few
 * to move by step) and lets strong beats and long notes settle on safeTones.
 */
export function allowedChromas(scale: ScaleInfo, slot: ChordSlot | undefined, colour = false): number[] {
  if (!slot || !slot.chromatic) return [...scale.chromas];
  const outside = slot.chord.chromas.filter((c) => !scale.chromas.includes(c));
  const kept = scale.chromas.filter((s) => !outside.some((o) => pc(s - o) === 1 || pc(o - s) === 1));
  if (colour) return [...new Set([...kept, ...outside])].sort((a, b) => a - b);
  return kept.length >= 5 ? kept : [...scale.chromas];
}

/** Every MIDI pitch in [low, high] whose pitch class is allowed, low to high. */
export function ladder(chromas: readonly number[], low: number, high: number): number[] {
  const out: number[] = [];
  for (let p = low; p <= high; p++) if (chromas.includes(pc(p))) out.push(p);
  return out;
}

/** Index of the ladder rung nearest a pitch (ties go down). */
export function nearestIndex(rungs: readonly number[], pitch: number): number {
  let best = 0;
  for (let i = 1; i < rungs.length; i++) {
    if (Math.abs((rungs[i] ?? 0) - pitch) < Math.abs((rungs[best] ?? 0) - pitch)) best = i;
  }
  return best;
}

/** The chord slot sounding at a tick (slots are sorted and contiguous). */
export function slotAt(slots: readonly ChordSlot[], tick: number): ChordSlot | undefined {
  let lo = 0;
  let hi = slots.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((slots[mid]?.start ?? 0) <= tick) lo = mid;
    else hi = mid - 1;
  }
  return slots[lo];
}

/** Chord tones of a slot that the melody may land on (inside the allowed collection). */
export function chordTones(scale: ScaleInfo, slot: ChordSlot | undefined, stableOnly = false): number[] {
  if (!slot) return [scale.tonicChroma];
  const allowed = allowedChromas(scale, slot);
  const tones = (stableOnly ? slot.chord.chromas.slice(0, 3) : slot.chord.chromas).filter((c) => allowed.includes(c));
  return tones.length ? tones : [scale.tonicChroma].filter((c) => allowed.includes(c));
}

/**
 * Tones that may sit on a long or semi-strong note without clashing: chord tones plus colour
 * tones (a 9th, 6th …) — any allowed tone except one a semitone above a chord tone (the rub of
 * an "avoid note") or a tritone from the root.
 */
export function safeTones(scale: ScaleInfo, slot: ChordSlot | undefined): number[] {
  if (!slot) return [...scale.chromas];
  const chord = slot.chord.chromas;
  const safe = allowedChromas(scale, slot).filter(
    (c) => chord.includes(c) || (!chord.some((t) => pc(c - t) === 1 || pc(t - c) === 1) && pc(c - slot.chord.root) !== 6),
  );
  return safe.length ? safe : chordTones(scale, slot);
}
