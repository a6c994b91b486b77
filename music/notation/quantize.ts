/**
 * The melody as a lead sheet writes it: one line (no overlaps), every start and end on the beat
 * grid (sixteenths, or eighth-note triplets where the figure is swung or a triplet), inside the song.
 */
import type { Sketch, Syllable } from '../sketch.ts';
import { beatAt, beatsOf, chooseTriplets, snap, unitOf, type Beat } from './grid.ts';

/** A written note: MIDI pitch, start and length in ticks on the grid. */
export interface GridNote {
  pitch: number;
  start: number;
  duration: number;
  /** The syllable sung on this note, when the melody has words. */
  lyric?: Syllable;
}

export interface QuantizedMelody {
  notes: GridNote[];
  beats: Beat[];
}

/**
 * Snap the melody track to the grid. Same-start notes keep the sung one, else the highest (the tune on top);
 * a note that would vanish keeps one grid unit if there is room, and ends are cut at the next start.
 * @example quantizeMelody(sketch).notes[0] // { pitch: 67, start: 0, duration: 1440 }
 */
export function quantizeMelody(sketch: Sketch): QuantizedMelody {
  const melody = sketch.tracks.find((t) => t.id === 'melody')?.notes ?? [];
  const beats = beatsOf(sketch);
  const inSong = melody.filter((n) => n.start < sketch.totalTicks);
  chooseTriplets(beats, inSong, sketch.ppq);
  const snapped = inSong
    .map((n) => ({
      pitch: n.pitch,
      lyric: n.lyric,
      start: snap(beats, n.start, sketch.ppq),
      end: Math.min(sketch.totalTicks, snap(beats, n.start + n.duration, sketch.ppq)),
    }))
    .filter((n) => n.start < sketch.totalTicks)
    .sort((a, b) => a.start - b.start || Number(!!b.lyric) - Number(!!a.lyric) || b.pitch - a.pitch);
  const notes: GridNote[] = [];
  snapped.forEach((n, i) => {
    const previous = notes.at(-1);
    if (previous && previous.start === n.start) return; // a chord tone under the tune
    const next = snapped.slice(i + 1).find((m) => m.start > n.start);
    const limit = Math.min(next?.start ?? sketch.totalTicks, sketch.totalTicks);
    let end = Math.min(n.end, limit);
    if (end <= n.start) end = Math.min(limit, n.start + unitOf(beats[beatAt(beats, n.start)]!, sketch.ppq));
    if (end > n.start) notes.push({ pitch: n.pitch, start: n.start, duration: end - n.start, ...(n.lyric ? { lyric: n.lyric } : {}) });
  });
  return { notes, beats };
}
