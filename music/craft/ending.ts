/**
 * Endings that land: the song's last bar is one tonic chord on the downbeat, and every part
 * arrives there together and rings to the end instead of stopping mid-groove. Two pure steps:
 * landingSlots makes the harmony plan say so (so facts and chord symbols stay true of the notes),
 * land trims each part's written notes to the final downbeat (before the section's arrangement,
 * so a musician's "busier outro" still acts on them), and alignLanding puts the humanised notes
 * back on it.
 */
import type { Note } from '../sketch.ts';
import type { PartId } from '../params.ts';
import type { MeterInfo } from '../theory/meter.ts';
import type { SectionPlan } from '../theory/form.ts';
import type { ScaleInfo } from '../theory/scale.ts';
import { diatonicChord } from '../theory/chord.ts';
import { cadenceKind, type ChordSlot, type SectionCadence } from '../harmony/progression.ts';

/** Crash cymbal (General MIDI) for the final hit. */
const CRASH = 49;

/**
 * The final bar as a single tonic slot, when the engine chose the last section's chords (the
 * musician's own chords are left as written). A chord that sounded before the tonic inside the
 * final bar moves back to close the bar before, so the cadence keeps its approach.
 */
export function landingSlots(slots: readonly ChordSlot[], form: readonly SectionPlan[], meter: MeterInfo, scale: ScaleInfo): ChordSlot[] {
  const last = form[form.length - 1];
  if (!last || last.chords.length > 0 || last.bars < 2) return [...slots];
  const finalBar = last.startTick + last.ticks - meter.ticksPerBar;
  const inFinal = slots.filter((s) => s.start >= finalBar);
  // A slot that began earlier (two bars per chord) stops where the final bar begins.
  const before = slots.filter((s) => s.start < finalBar).map((s) => (s.start + s.duration > finalBar ? { ...s, duration: finalBar - s.start } : s));
  const closing = inFinal[inFinal.length - 1] ?? slots.find((s) => s.start < finalBar && s.start + s.duration > finalBar);
  if (!closing) return [...slots];
  const tonic = closing.chord.root === scale.tonicChroma ? closing : { ...closing, chord: diatonicChord(scale, 1, false), chromatic: false };
  const approach = inFinal.length > 1 ? inFinal[inFinal.length - 2] : undefined;
  const prev = before[before.length - 1];
  if (approach && prev && prev.sectionIndex === last.index && approach.chord.root !== scale.tonicChroma) {
    before[before.length - 1] = { ...prev, chord: approach.chord, chromatic: approach.chromatic };
  }
  return [...before, { ...tonic, start: finalBar, duration: last.startTick + last.ticks - finalBar, bar: Math.floor(finalBar / meter.ticksPerBar) }];
}

/**
 * One part's notes with the ending landed: nothing starts after the final downbeat, what sounds
 * into it stops there, and what starts on it (within the humanising drift) rings to the end. The
 * chords gather their whole last voicing onto the downbeat (an arpeggio ends on a full chord);
 * the bass keeps its downbeat note; the drums end on a crash over what the groove plays on that downbeat.
 */
export function land(part: PartId, notes: readonly Note[], finalBar: number, end: number, drift = 24): Note[] {
  // One pass over the whole part (two filters and a map here were a few percent of a sketch).
  const before: Note[] = [];
  const tail: Note[] = [];
  for (let i = 0; i < notes.length; i++) {
    const n = notes[i]!;
    if (n.start < finalBar - drift) before.push(n.start + n.duration > finalBar ? { ...n, duration: Math.max(1, finalBar - n.start) } : n);
    else if (n.start >= finalBar - drift) tail.push(n);
  }
  if (tail.length === 0) return before;
  // Sung words are never cut: a melody carrying lyrics in its last bar keeps every syllable.
  if (part === 'melody' && tail.some((n) => n.lyric)) return [...notes];
  const ring = (n: Note): Note => ({ ...n, start: finalBar, duration: end - finalBar });
  // `before` is this function's own array: the landing is added to it rather than to a copy of the whole part.
  const onBeat = tail.filter((n) => n.start <= finalBar + drift);
  if (part === 'chords') {
    const loudest = Math.max(...tail.map((n) => n.velocity));
    const pitches = [...new Set(tail.map((n) => n.pitch))].sort((a, b) => a - b);
    for (const pitch of pitches) before.push(ring({ pitch, start: finalBar, duration: 1, velocity: loudest }));
    return before;
  }
  if (part === 'bass') {
    // The note on the downbeat is the root the bass line lands on; what follows it is walking on.
    const low = [...(onBeat.length ? onBeat : tail)].sort((a, b) => a.pitch - b.pitch)[0];
    if (low) before.push(ring(low));
    return before;
  }
  if (part === 'drums') {
    // What the groove plays on the downbeat rings out under a crash; nothing after it.
    const vel = Math.max(...tail.map((n) => n.velocity));
    const hits = onBeat.filter((n) => n.pitch !== CRASH).map(ring);
    for (const hit of hits) before.push(hit);
    before.push(ring({ pitch: CRASH, start: finalBar, duration: 1, velocity: vel }));
    return before;
  }
  const first = onBeat[0] ?? tail[0];
  if (first) before.push(ring(first));
  return before;
}

/** The cadences with the last section's named again from its landed chords (its last two slots). */
export function landedCadences(cadences: readonly SectionCadence[], slots: readonly ChordSlot[], scale: ScaleInfo): SectionCadence[] {
  const lastIndex = slots[slots.length - 1]?.sectionIndex;
  const tail = slots.filter((s) => s.sectionIndex === lastIndex).slice(-2).map((s) => s.chord);
  return cadences.map((c) =>
    c.sectionIndex === lastIndex && tail.length === 2 ? { sectionIndex: c.sectionIndex, kind: cadenceKind(tail, scale), romans: tail.map((t) => t.roman) } : c,
  );
}

/**
 * After the arrangement and humanising: what starts within the drift of the final downbeat starts
 * on it, and what ends within the drift of the song's end rings to it. Notes a section's
 * arrangement added after the downbeat ("busier in the outro") are kept: the musician asked.
 */
export function alignLanding(notes: readonly Note[], finalBar: number, end: number, drift = 24): Note[] {
  return notes.map((n) => {
    const start = Math.abs(n.start - finalBar) <= drift ? finalBar : n.start;
    // A note from before the last bar stops where it begins, wherever the drift moved its end.
    const early = n.start < finalBar - drift;
    const stop = early ? Math.min(n.start + n.duration, finalBar) : n.start + n.duration >= end - drift ? end : n.start + n.duration;
    return start === n.start && stop === n.start + n.duration ? n : { ...n, start, duration: Math.max(1, stop - start) };
  });
}
