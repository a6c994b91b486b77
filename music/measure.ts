/**
 * What a sketch actually plays, measured per section × part: note counts, onsets per bar, mean
 * velocity, mean pitch and range, the instrument sounding, and the chords. Claims a reply makes
 * about a revision are checked against these numbers, never against the parameters. Pure and
 * linear in the number of notes (one pass per track).
 */
import type { Note, Sketch, Track, TrackId } from './sketch.ts';
import { TRACK_IDS } from './tracks.ts';

/** One part in one section, as played. */
export interface PartStats {
  notes: number;
  /** Distinct note starts per bar (a chord hit counts once). */
  onsetsPerBar: number;
  /** 0 … 1; 0 when the part plays nothing here. */
  meanVelocity: number;
  /** MIDI pitch; 0 when the part plays nothing here. */
  meanPitch: number;
  low: number;
  high: number;
  /** The instrument sounding at the section's start ("drums" for drums, "" when the song has no such part). */
  instrument: string;
}

export interface SectionStats {
  name: string;
  index: number;
  /** 0 for the first section of this name, 1 for the second … */
  occurrence: number;
  startTick: number;
  startBar: number;
  bars: number;
  energy: number;
  /** Chord symbols in order. */
  chords: string[];
  parts: Record<TrackId, PartStats>;
}

export interface SketchStats {
  tempo: number;
  key: string;
  mode: string;
  meter: string;
  bars: number;
  sections: SectionStats[];
}

const EMPTY = (instrument: string): PartStats => ({ notes: 0, onsetsPerBar: 0, meanVelocity: 0, meanPitch: 0, low: 0, high: 0, instrument });

/** The instrument of a track at a tick, following its program changes. */
export function instrumentAt(track: Track, tick: number): string {
  let name = track.instrument;
  for (const c of track.programChanges ?? []) if (c.tick <= tick) name = c.instrument;
  return name;
}

/** Index of the section a tick falls in (sections are in time order). */
function sectionOf(starts: readonly number[], tick: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((starts[mid] ?? 0) <= tick) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** Notes of a track bucketed by the section they start in. */
export function notesBySection(sketch: Sketch, track: Track): Note[][] {
  const starts = sketch.sections.map((s) => s.startTick);
  const out = sketch.sections.map((): Note[] => []);
  for (const n of track.notes) out[sectionOf(starts, n.start)]?.push(n);
  return out;
}

function stats(notes: readonly Note[], bars: number, instrument: string): PartStats {
  if (notes.length === 0) return EMPTY(instrument);
  let vel = 0;
  let pitch = 0;
  let low = 127;
  let high = 0;
  const onsets = new Set<number>();
  for (const n of notes) {
    vel += n.velocity;
    pitch += n.pitch;
    low = Math.min(low, n.pitch);
    high = Math.max(high, n.pitch);
    onsets.add(n.start);
  }
  const round = (x: number, d = 1000) => Math.round(x * d) / d || 0;
  return { notes: notes.length, onsetsPerBar: round(onsets.size / Math.max(1, bars), 100), meanVelocity: round(vel / notes.length), meanPitch: round(pitch / notes.length, 100), low, high, instrument };
}

/**
 * Measure a sketch per section × part.
 * @example measureSketch(sketch).sections[1].parts.drums.notes // → 112
 */
export function measureSketch(sketch: Sketch, buckets?: ReadonlyMap<TrackId, Note[][]>): SketchStats {
  const seen = new Map<string, number>();
  const byTrack = buckets ?? new Map(sketch.tracks.map((t) => [t.id, notesBySection(sketch, t)] as const));
  const sections = sketch.sections.map((s, i): SectionStats => {
    const key = s.name.trim().toLowerCase();
    const occurrence = seen.get(key) ?? 0;
    seen.set(key, occurrence + 1);
    const end = s.startTick + s.bars * sketch.ticksPerBar;
    const parts = {} as Record<TrackId, PartStats>;
    for (const id of TRACK_IDS) {
      const track = sketch.tracks.find((t) => t.id === id);
      parts[id] = track ? stats(byTrack.get(id)?.[i] ?? [], s.bars, instrumentAt(track, s.startTick)) : EMPTY('');
    }
    const chords = sketch.chords.filter((c) => c.start >= s.startTick && c.start < end).map((c) => c.symbol);
    return { name: s.name, index: s.index, occurrence, startTick: s.startTick, startBar: s.startBar, bars: s.bars, energy: s.energy, chords, parts };
  });
  return { tempo: sketch.tempo, key: sketch.key, mode: sketch.mode, meter: sketch.meter, bars: sketch.bars, sections };
}
