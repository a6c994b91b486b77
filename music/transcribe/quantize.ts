/**
 * Heard notes (seconds, fractional pitch) → notes on the song's grid (ticks, MIDI pitch). The
 * musician chooses how strictly: strictness 0 keeps their timing and the nearest semitone they
 * sang; 1 puts every onset and end on the grid and every pitch in the key. In between, onsets move
 * part of the way to the grid and a pitch is pulled into the key only when it was sung near it.
 */
import { PPQ, type Note } from '../sketch.ts';
import type { ScaleInfo } from '../theory/scale.ts';
import { inScale } from '../theory/scale.ts';
import type { HeardNote } from './segment.ts';

export interface QuantizeOptions {
  tempo: number;
  /** Grid in ticks: 120 = sixteenths, 240 = eighths, 480 = quarters. */
  grid: number;
  /** 0 (as sung) … 1 (on the grid, in the key). */
  strictness: number;
  /** The key the pitches are pulled into; absent → semitones only. */
  scale?: ScaleInfo;
}

/** The semitone sung, pulled into the key when it was sung close enough to a key tone. */
export function snapPitch(pitch: number, strictness: number, scale?: ScaleInfo): number {
  const nearest = Math.round(pitch);
  if (!scale || inScale(scale, nearest)) return nearest;
  // Neighbouring key tones; an out-of-key semitone always has one a semitone away in a 7-note key.
  const below = [1, 2].map((d) => nearest - d).find((p) => inScale(scale, p));
  const above = [1, 2].map((d) => nearest + d).find((p) => inScale(scale, p));
  const candidates = [below, above].filter((p): p is number => p !== undefined).sort((a, b) => Math.abs(pitch - a) - Math.abs(pitch - b));
  const target = candidates[0];
  if (target === undefined) return nearest;
  // strictness 1 accepts any key tone within 1.5 semitones; 0 only one closer than the semitone itself (never).
  return Math.abs(pitch - target) <= 0.5 + strictness ? target : nearest;
}

/**
 * Put heard notes on the grid. Onsets count from the first note (it lands on tick 0).
 * @example quantizeNotes(heard, { tempo: 100, grid: 120, strictness: 1 })[1].start // 480
 */
export function quantizeNotes(heard: readonly HeardNote[], options: QuantizeOptions): Note[] {
  if (!heard.length) return [];
  const ticksPerSecond = (options.tempo / 60) * PPQ;
  const origin = heard[0]!.start;
  const s = Math.max(0, Math.min(1, options.strictness));
  const toGrid = (tick: number) => Math.round(tick / options.grid) * options.grid;
  const pull = (tick: number) => Math.round(tick + s * (toGrid(tick) - tick));
  const placed = heard.map((h) => {
    const rawStart = (h.start - origin) * ticksPerSecond;
    const rawEnd = (h.end - origin) * ticksPerSecond;
    const start = pull(rawStart);
    const minLength = s >= 1 ? options.grid : 1;
    const end = Math.max(start + minLength, pull(rawEnd));
    return { pitch: snapPitch(h.pitch, s, options.scale), start, end, velocity: Math.round((0.45 + 0.5 * h.level) * 100) / 100 };
  });
  // One voice: two notes on one grid point cannot both start there; the later moves to the next
  // free point when it still has room, else it was an artefact of the split and goes.
  const notes: Note[] = [];
  for (const n of placed) {
    const previous = notes[notes.length - 1];
    let start = n.start;
    if (previous && start <= previous.start) start = previous.start + (s >= 1 ? options.grid : 1);
    if (start >= n.end) {
      if (n.end - n.start <= 0) continue;
      if (start >= n.end + options.grid) continue;
    }
    const end = Math.max(n.end, start + (s >= 1 ? options.grid : 1));
    if (previous && previous.start + previous.duration > start) previous.duration = start - previous.start;
    notes.push({ pitch: Math.max(0, Math.min(127, n.pitch)), start, duration: end - start, velocity: n.velocity });
  }
  return notes;
}

/**
 * The tempo that puts the onsets nearest an eighth-note grid, leaning towards a moderate pace
 * (doubling or halving a tempo always fits as well, so the lean breaks the tie).
 * @example estimateTempo([0, 0.6, 1.2, 1.5, 1.8]) // 100
 */
export function estimateTempo(onsets: readonly number[], range: [number, number] = [60, 180]): number {
  if (onsets.length < 3) return 100;
  const origin = onsets[0]!;
  let best = 100;
  let bestCost = Infinity;
  for (let bpm = range[0]; bpm <= range[1]; bpm++) {
    const eighth = 30 / bpm;
    let err = 0;
    for (const t of onsets) {
      const x = (t - origin) / eighth;
      err += (x - Math.round(x)) ** 2;
    }
    const cost = err / onsets.length + 0.08 * Math.log2(bpm / 100) ** 2;
    if (cost < bestCost - 1e-9) {
      bestCost = cost;
      best = bpm;
    }
  }
  return best;
}
