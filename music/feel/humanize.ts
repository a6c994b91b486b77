/**
 * Humanisation: small seeded drifts of timing and velocity so the sketch breathes like players,
 * bounded so no note starts before 0, lasts less than a tick, or rings past the song's end.
 */
import type { Note } from '../sketch.ts';
import type { Rng } from '../rng.ts';
import { clampVelocity } from './dynamics.ts';

/** Largest timing drift at humanize = 1, in ticks (about a 64th note at PPQ 480). */
const MAX_DRIFT = 14;
/** Largest relative velocity drift at humanize = 1. */
const MAX_VEL = 0.14;

/**
 * Clip every note to [0, totalTicks) with duration ≥ 1; drops notes that start at or after the end.
 * A note already inside is passed on as it is (no copy: most are, and copying them all is half the
 * allocation of a sketch).
 */
export function clip(notes: readonly Note[], totalTicks: number): Note[] {
  const out: Note[] = [];
  for (const n of notes) {
    if (n.start >= totalTicks) continue;
    const start = Math.max(0, n.start);
    const duration = Math.max(1, Math.min(n.duration, totalTicks - start));
    out.push(start === n.start && duration === n.duration ? n : { ...n, start, duration });
  }
  return out;
}

/**
 * Humanise one section's notes inside the section: the section's downbeat stays put (every
 * section starts together), no note drifts out of [from, to), none rings past `to`. Each note's
 * drift comes from a stream named by its place in the section, so it depends on nothing but the
 * note itself: a repeated section drifts the same way, and a change later in a section leaves the
 * drift of the notes before it alone.
 */
export function humanizeWithin(notes: readonly Note[], amount: number, from: number, to: number, rng: Rng): Note[] {
  // Nothing to drift: the notes as they are (no stage changes a note in place, so no copy is needed).
  if (amount <= 0) return notes.slice();
  const out: Note[] = [];
  for (const n of notes) {
    // Named by the note's place, rng.at(`${n.start - from}:${n.pitch}:${n.duration}:t`), hashed once
    // for both numbers and without building that label (the labels were a quarter of a sketch's allocation).
    const place = rng.place(n.start - from, n.pitch, n.duration);
    const drift = n.start > from ? Math.round((rng.after(place, 't') * 2 - 1) * amount * MAX_DRIFT) : 0;
    const start = Math.max(from, Math.min(to - 1, n.start + drift));
    const end = Math.min(to, Math.max(start + 1, n.start + n.duration + drift));
    const velocity = clampVelocity(n.velocity * (1 + (rng.after(place, 'v') * 2 - 1) * amount * MAX_VEL));
    out.push(n.lyric ? { pitch: n.pitch, start, duration: end - start, velocity, lyric: n.lyric } : { pitch: n.pitch, start, duration: end - start, velocity });
  }
  return out;
}
