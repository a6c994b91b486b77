/**
 * Start times for a voice that sounds one note at a time (Tone's MonoSynth, MembraneSynth,
 * MetalSynth, NoiseSynth). Tone throws "Start time must be strictly greater than previous start
 * time" when such a voice is started at or before its last start, which happens when two notes
 * fall on one instant (a jam swap hands over notes that are due, each clamped to now; two drum
 * hits of one lane on one tick; two keys within one audio render quantum). The later note then
 * starts `gap` seconds after the last one: a millisecond, below what an ear resolves as a delay.
 * Pure; one clock per voice.
 */
export const ONSET_GAP = 0.001;

/** A function that passes times through, moving any not after the last one to `gap` after it. */
export function strictlyIncreasing(gap = ONSET_GAP): (time: number) => number {
  let last = -Infinity;
  return (time) => {
    const at = time > last ? time : last + gap;
    last = at;
    return at;
  };
}
