/**
 * Swing: off-beat eighths are delayed towards the triplet position. The map is monotonic, so
 * applying it to note starts and ends keeps order and never makes notes overlap.
 */
import type { Note } from '../sketch.ts';
import type { SongParameters } from '../params.ts';
import { PPQ } from '../sketch.ts';
import type { MeterInfo } from '../theory/meter.ts';

const HALF = PPQ / 2;
/** Full swing puts the off-beat on the last triplet eighth: 240 → 320 ticks into the beat. */
const FULL_SHIFT = PPQ / 6;

/**
 * Grooves played dead straight in their tradition: a blend's swing (bossa meets lo-fi) must not
 * drag a bossa rim-click or a clave off its sixteenth grid, or the pattern stops being itself.
 */
const STRAIGHT_FEELS: ReadonlySet<string> = new Set(['bossa', 'clave-son-3-2', 'clave-son-2-3', 'rumba-3-2', 'rumba-2-3', 'afrobeat', 'bhangra']);

/** Effective swing 0 … 1: the swing amount, or a default lilt when the feel asks for it. */
export function swingAmount(params: SongParameters, meter: MeterInfo): number {
  if (meter.compound || meter.meter === '7/8') return 0;
  if (STRAIGHT_FEELS.has(params.rhythm.feel)) return 0;
  const feelDefault = params.rhythm.feel === 'swing' || params.rhythm.feel === 'shuffle' ? 0.66 : 0;
  return Math.max(params.rhythm.swing, feelDefault);
}

/** Move a tick by the swing map: swingTick(240, 1) → 320; beats stay put. */
export function swingTick(t: number, amount: number): number {
  if (amount <= 0) return t;
  const shift = amount * FULL_SHIFT;
  const beat = Math.floor(t / PPQ) * PPQ;
  const p = t - beat;
  const moved = p <= HALF ? (p * (HALF + shift)) / HALF : HALF + shift + ((p - HALF) * (HALF - shift)) / HALF;
  return beat + Math.round(moved);
}

/**
 * Swing every note's start and end. Without swing the notes are passed on as they are: notes are
 * values no stage changes in place (each writes new ones), so a copy would only cost allocation.
 */
export function applySwing(notes: readonly Note[], amount: number): Note[] {
  if (amount <= 0) return notes.slice();
  return notes.map((n) => {
    const start = swingTick(n.start, amount);
    const end = swingTick(n.start + n.duration, amount);
    return { ...n, start, duration: Math.max(1, end - start) };
  });
}
