/**
 * A track whose instrument changes at some sections, as one track per instrument: what a player
 * with one voice per track (the browser player, the WAV render) needs to sound a per-section
 * instrument. MIDI export writes the program changes themselves instead.
 */
import type { Track } from '../sketch.ts';
import { instrumentAt } from '../measure.ts';

/**
 * One track per instrument the part uses, each holding the notes that start while it sounds.
 * @example byInstrument(chordsWithStringsInTheBridge).map((t) => t.instrument) // → ['piano', 'strings']
 */
export function byInstrument(track: Track): Track[] {
  if (!track.programChanges?.length) return [track];
  const lanes = new Map<string, Track>();
  for (const note of track.notes) {
    const instrument = instrumentAt(track, note.start);
    const program = instrument === track.instrument ? track.program : (track.programChanges.find((c) => c.instrument === instrument)?.program ?? track.program);
    const lane = lanes.get(instrument) ?? { ...track, instrument, program, notes: [], programChanges: undefined };
    lane.notes.push(note);
    lanes.set(instrument, lane);
  }
  return [...lanes.values()].map(({ programChanges: _, ...lane }) => lane);
}
