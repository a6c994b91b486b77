/**
 * Endings that land: the song's last bar is one tonic chord on the downbeat, and every part
 * arrives there together and rings to the end instead of stopping mid-groove. Two pure steps:
 * landingSlots makes the harmony plan say so (so facts and chord symbols stay true of the notes),
 * and land trims each finished part to the final downbeat.
 */
import type { Note } from '../sketch.ts';
import type { PartId } from '../params.ts';
import type { MeterInfo } from '../theory/meter.ts';
import type { SectionPlan } from '../theory/form.ts';
import type { ScaleInfo } from '../theory/scale.ts';
import { diatonicChord } from '../theory/chord.ts';
import type { ChordSlot } from '../harmony/progression.ts';

/** Crash cymbal and bass drum (General MIDI) for the final hit. */
const CRASH = 49;
const KICK = 36;

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
 * the bass keeps its downbeat note; the drums end on a crash with the kick.
 */
export function land(part: PartId, notes: readonly Note[], finalBar: number, end: number, drift = 24): Note[] {
  const before = notes
    .filter((n) => n.start < finalBar - drift)
    .map((n) => (n.start + n.duration > finalBar ? { ...n, duration: Math.max(1, finalBar - n.start) } : n));
  const tail = notes.filter((n) => n.start >= finalBar - drift);
  if (tail.length === 0) return before;
  const ring = (n: Note): Note => ({ ...n, start: finalBar, duration: end - finalBar });
  const onBeat = tail.filter((n) => n.start <= finalBar + drift);
  if (part === 'chords') {
    const loudest = Math.max(...tail.map((n) => n.velocity));
    const pitches = [...new Set(tail.map((n) => n.pitch))].sort((a, b) => a - b);
    return [...before, ...pitches.map((pitch) => ring({ pitch, start: finalBar, duration: 1, velocity: loudest }))];
  }
  if (part === 'bass') {
    // The note on the downbeat is the root the bass line lands on; what follows it is walking on.
    const low = [...(onBeat.length ? onBeat : tail)].sort((a, b) => a.pitch - b.pitch)[0];
    return low ? [...before, ring(low)] : before;
  }
  if (part === 'drums') {
    const vel = Math.max(...tail.map((n) => n.velocity));
    return [...before, ring({ pitch: CRASH, start: finalBar, duration: 1, velocity: vel }), ring({ pitch: KICK, start: finalBar, duration: 1, velocity: vel })];
  }
  const first = onBeat[0] ?? tail[0];
  return first ? [...before, ring(first)] : before;
}
