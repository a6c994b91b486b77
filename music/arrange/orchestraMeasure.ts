/**
 * Measures of an orchestration, read from a sketch's notes alone (for the eval card and tests):
 * how many voices sound in each section, and which notes lie outside the comfortable range of
 * the instrument playing them at that moment.
 */
import type { Note, Sketch, Track } from '../sketch.ts';
import { INSTRUMENTS, type Instrument } from '../params.ts';
import { comfortableRange } from '../styles/arrangements.ts';
import { notesBySection } from '../measure.ts';

/**
 * Mean number of pitched notes sounding at each eighth of a section, plus one for the drums when
 * they play there: soundingVoices(sketch)[2] → 7.4 for a chorus with a pad over the comp.
 */
export function soundingVoices(sketch: Sketch): number[] {
  const step = sketch.ppq / 2;
  const pitched = sketch.tracks.filter((t) => t.id !== 'drums').map((t) => notesBySection(sketch, t));
  const drums = sketch.tracks.find((t) => t.id === 'drums');
  const drumsBy = drums ? notesBySection(sketch, drums) : [];
  return sketch.sections.map((s, i) => {
    const end = s.startTick + s.bars * sketch.ticksPerBar;
    let total = 0;
    let points = 0;
    for (let t = s.startTick; t < end; t += step, points++) for (const part of pitched) total += (part[i] ?? []).filter((n) => n.start <= t && t < n.start + n.duration).length;
    return total / Math.max(1, points) + ((drumsBy[i]?.length ?? 0) > 0 ? 1 : 0);
  });
}

/** The instrument a track sounds at a tick: its last program change at or before it, else its own. */
export function instrumentAt(track: Track, tick: number): string {
  let name = track.instrument;
  for (const c of track.programChanges ?? []) if (c.tick <= tick) name = c.instrument;
  return name;
}

const isInstrument = (name: string): name is Instrument => (INSTRUMENTS as readonly string[]).includes(name);

/** Pitched notes outside the comfortable range of the instrument playing them, by track id. */
export function outOfRange(sketch: Sketch): { track: string; note: Note; instrument: string }[] {
  const out: { track: string; note: Note; instrument: string }[] = [];
  for (const track of sketch.tracks) {
    if (track.id === 'drums') continue;
    for (const note of track.notes) {
      const instrument = instrumentAt(track, note.start);
      if (!isInstrument(instrument)) continue;
      const { low, high } = comfortableRange(instrument);
      if (note.pitch < low || note.pitch > high) out.push({ track: track.id, note, instrument });
    }
  }
  return out;
}
