/**
 * Call and response. When the player leaves a phrase (a rest of a beat or more), the engine
 * answers with a phrase of the same length, in the same key and feel (the call's rhythm and
 * dynamics), varied rather than copied (the contour turned, moved along the scale, or sung
 * backwards), ending on a tone of the tonic chord, and landing on the next phrase boundary: the
 * first barline the player has not yet been handed. Pure and seeded: notes in ticks in, notes out.
 */
import { Note, Scale } from 'tonal';
import { createRng } from '../rng.ts';
import type { DetectedKey, PlayedNote } from './follow.ts';

/** A phrase the player has left: its notes, where it started and ended, and when the rest was a beat long. */
export interface Phrase {
  notes: PlayedNote[];
  start: number;
  end: number;
  /** The tick a beat of silence after the phrase was complete: the call is over from here. */
  restAt: number;
}

/** Longest call answered, in bars (a longer run answers its last bars). */
export const MAX_CALL_BARS = 4;
/** Most notes in a call (a flurry is answered by its last notes). */
export const MAX_CALL_NOTES = 64;

/**
 * The phrase the player has just left, or null while they are still playing: no key is held and
 * at least `beat` ticks have passed since the last note ended. Only notes starting at or after
 * `since` count (what came before was answered already). A phrase is the run of notes back to
 * the previous rest of a beat or more.
 */
export function phraseLeft(notes: readonly PlayedNote[], held: number, nowTick: number, beat: number, ticksPerBar: number, since = 0): Phrase | null {
  if (held > 0) return null;
  const fresh = notes.filter((n) => n.start >= since).sort((a, b) => a.start - b.start || a.pitch - b.pitch);
  if (!fresh.length) return null;
  const end = Math.max(...fresh.map((n) => n.start + Math.max(1, n.duration)));
  if (nowTick - end < beat) return null;
  // Walk back to the previous rest of a beat or more: that is where this phrase began.
  let first = fresh.length - 1;
  let reach = fresh[first]!.start;
  for (let i = fresh.length - 2; i >= 0; i--) {
    const n = fresh[i]!;
    const laterStart = reach;
    const endsBy = Math.max(...fresh.slice(0, i + 1).map((m) => m.start + Math.max(1, m.duration)));
    if (laterStart - endsBy >= beat) break;
    first = i;
    reach = Math.min(reach, n.start);
  }
  let phrase = fresh.slice(first);
  const floor = end - MAX_CALL_BARS * ticksPerBar;
  phrase = phrase.filter((n) => n.start >= floor).slice(-MAX_CALL_NOTES);
  if (!phrase.length) phrase = [fresh.at(-1)!];
  return { notes: phrase, start: phrase[0]!.start, end, restAt: end + beat };
}

/**
 * Where the answer starts: the first barline at or after both the end of the rest and the first
 * tick not yet handed to the voices (`earliest`). answerBoundary(2880, 0, 1920) → 3840.
 */
export function answerBoundary(restAt: number, earliest: number, ticksPerBar: number): number {
  return Math.ceil(Math.max(restAt, earliest) / ticksPerBar) * ticksPerBar;
}

/** The ways an answer varies its call; the seed picks one. */
export const VARIATIONS = ['invert', 'sequence', 'retrograde'] as const;
export type Variation = (typeof VARIATIONS)[number];

export interface Answer {
  notes: PlayedNote[];
  variation: Variation;
}

/** The key's scale as MIDI pitch classes, ascending from the tonic. */
export function scaleChromas(key: Pick<DetectedKey, 'tonic' | 'mode'>): number[] {
  const scale = Scale.get(`${key.tonic} ${key.mode === 'minor' ? 'aeolian' : 'major'}`);
  if (scale.empty) throw new Error(`no scale for the key ${key.tonic} ${key.mode}`);
  return scale.notes.map((n) => Note.chroma(n) ?? 0);
}

/** Scale-step index of a pitch (nearest scale tone, ties downward) in a 7-tone ladder over all octaves. */
function toStep(pitch: number, scale: readonly number[]): number {
  let best = 0;
  let bestDist = Infinity;
  for (let step = -7; step <= 7 * 11; step++) {
    const d = Math.abs(fromStep(step, scale) - pitch);
    if (d < bestDist) {
      best = step;
      bestDist = d;
    }
  }
  return best;
}

/** MIDI pitch of a scale step: step 0 is the tonic in octave −1 (MIDI 0–11). */
function fromStep(step: number, scale: readonly number[]): number {
  const n = scale.length;
  const oct = Math.floor(step / n);
  const tonic = scale[0]!;
  const pc = scale[((step % n) + n) % n]!;
  return 12 * oct + tonic + ((pc - tonic + 12) % 12);
}

/**
 * Answer a call: same number of notes, the same rhythm (so the same length and feel), starting at
 * `at`; pitches on the key's scale, varied by the seed's choice of variation, the last one moved to
 * the nearest tone of the tonic chord (an answer comes home). Never the call's pitches again.
 * answerPhrase(call, { tonic: 'C', mode: 'major' }, 3840, 7).notes[0].start → 3840.
 */
export function answerPhrase(call: Phrase, key: Pick<DetectedKey, 'tonic' | 'mode'>, at: number, seed: number): Answer {
  const rng = createRng(seed).fork('answer');
  const scale = scaleChromas(key);
  const steps = call.notes.map((n) => toStep(n.pitch, scale));
  const variation = rng.pick(VARIATIONS);
  const first = steps[0]!;
  let moved: number[];
  if (variation === 'invert') moved = steps.map((s) => first - (s - first) + (steps.length === 1 ? 2 : 0));
  else if (variation === 'sequence') moved = steps.map((s) => s + rng.pick([-2, -1, 1, 2]));
  else moved = [...steps].reverse();
  // Home: the last note to the nearest tonic-chord step (degrees 1, 3, 5 of any octave).
  const last = moved.length - 1;
  moved[last] = nearestHome(moved[last]!);
  // The whole line moved by octaves into the call's register (a note at a time would leap).
  const centre = call.notes.reduce((a, n) => a + n.pitch, 0) / call.notes.length;
  const octaves = [-2, -1, 0, 1, 2].map((k) => moved.map((s) => s + 7 * k));
  moved = octaves.reduce((best, line) => (Math.abs(meanPitch(line, scale) - centre) < Math.abs(meanPitch(best, scale) - centre) ? line : best), moved);
  const low = Math.min(...call.notes.map((n) => n.pitch)) - 7;
  const high = Math.max(...call.notes.map((n) => n.pitch)) + 7;
  let pitches = moved.map((s) => fitRange(fromStep(s, scale), low, high));
  // Varied, not copied: a call the variation left unchanged (a repeated note, a palindrome) moves on a step.
  if (pitches.every((p, i) => p === call.notes[i]!.pitch)) {
    const shifted = moved.map((s, i) => (i === last ? nearestHome(s + 2) : s + 1));
    pitches = shifted.map((s) => fitRange(fromStep(s, scale), low, high));
    if (pitches.every((p, i) => p === call.notes[i]!.pitch)) pitches = shifted.map((s) => fitRange(fromStep(s - 2, scale), low, high));
  }
  const offset = at - call.start;
  const notes = call.notes.map((n, i) => ({
    pitch: Math.max(0, Math.min(127, pitches[i]!)),
    start: n.start + offset,
    duration: Math.max(1, n.duration),
    velocity: Math.round(Math.max(0.05, Math.min(1, n.velocity + rng.signed() * 0.05)) * 1000) / 1000,
  }));
  return { notes, variation };
}

const meanPitch = (steps: readonly number[], scale: readonly number[]) => steps.reduce((a, s) => a + fromStep(s, scale), 0) / steps.length;

/** The tonic-chord step (1, 3 or 5 of its octave, or the next tonic) nearest a step. */
function nearestHome(step: number): number {
  const oct = Math.floor(step / 7) * 7;
  const homes = [oct - 3, oct, oct + 2, oct + 4, oct + 7];
  return homes.reduce((b, h) => (Math.abs(h - step) < Math.abs(b - step) ? h : b), homes[0]!);
}

/** Octave-shift a pitch into [low, high] when it strayed out (keeps its pitch class, so still in key). */
function fitRange(pitch: number, low: number, high: number): number {
  let p = pitch;
  while (p > high && p - 12 >= 0) p -= 12;
  while (p < low && p + 12 <= 127) p += 12;
  return p;
}
