/**
 * Layout for the sketch pictures: where each note, section and version point goes. Pure
 * arithmetic over what the sketch already says (no music theory), so it is tested in Node and
 * the components only draw what comes out.
 */
import type { Sketch, SectionMark, TrackId } from '../../../music/index.ts';

/** Piano-roll drawing space: x in ticks-scaled units 0…ROLL_WIDTH, y downwards 0…ROLL_HEIGHT. */
export const ROLL_WIDTH = 1000;
export const ROLL_HEIGHT = 200;
/** The strip at the bottom where drum hits are drawn (drums have no pitch height). */
const DRUM_BAND = 24;

export interface RollRect {
  track: TrackId;
  x: number;
  y: number;
  w: number;
  h: number;
}

/** Every note of the sketch as a rectangle: pitched tracks share one pitch axis, drums a band. */
export function rollRects(sketch: Sketch): RollRect[] {
  const pitched = sketch.tracks.filter((t) => t.id !== 'drums').flatMap((t) => t.notes.map((n) => n.pitch));
  const low = pitched.length ? Math.min(...pitched) - 1 : 48;
  const high = pitched.length ? Math.max(...pitched) + 1 : 72;
  const hasDrums = sketch.tracks.some((t) => t.id === 'drums' && t.notes.length > 0);
  const pitchHeight = ROLL_HEIGHT - (hasDrums ? DRUM_BAND + 4 : 0);
  const row = pitchHeight / (high - low + 1);
  const scale = ROLL_WIDTH / sketch.totalTicks;
  const rects: RollRect[] = [];
  for (const track of sketch.tracks) {
    for (const n of track.notes) {
      const x = n.start * scale;
      const w = Math.max(1.5, n.duration * scale);
      if (track.id === 'drums') {
        // Spread drum keys over the band so kick, snare and cymbals read as separate lines.
        const lane = (n.pitch % 6) / 6;
        rects.push({ track: track.id, x, y: ROLL_HEIGHT - DRUM_BAND + lane * DRUM_BAND, w: Math.min(w, 3), h: DRUM_BAND / 6 });
      } else {
        rects.push({ track: track.id, x, y: (high - n.pitch) * row, w, h: Math.max(1.2, row * 0.9) });
      }
    }
  }
  return rects;
}

/** A section as a share of the width (percentages, for HTML overlays on the roll). */
export interface SectionSpan {
  index: number;
  name: string;
  startTick: number;
  startBar: number;
  bars: number;
  left: number;
  width: number;
}

/** Sections as left/width percentages of the whole song. */
export function sectionSpans(sketch: Pick<Sketch, 'sections' | 'ticksPerBar' | 'totalTicks'>): SectionSpan[] {
  return sketch.sections.map((s: SectionMark) => ({
    index: s.index,
    name: s.name,
    startTick: s.startTick,
    startBar: s.startBar,
    bars: s.bars,
    left: (s.startTick / sketch.totalTicks) * 100,
    width: ((s.bars * sketch.ticksPerBar) / sketch.totalTicks) * 100,
  }));
}

/** Playhead position as a percentage of the song (clamped to 0…100). */
export function playheadPercent(tick: number, totalTicks: number): number {
  return Math.min(100, Math.max(0, (tick / totalTicks) * 100));
}

/** 1-based bar number at a tick. */
export function barAt(tick: number, ticksPerBar: number): number {
  return Math.floor(tick / ticksPerBar) + 1;
}

/** Emotion plane: valence left→right, arousal bottom→top, both −1…1, into a square of `size`. */
export function planePoint(valence: number, arousal: number, size: number, pad = 0): { x: number; y: number } {
  const clamp = (v: number) => Math.min(1, Math.max(-1, v));
  const span = size - 2 * pad;
  return { x: pad + ((clamp(valence) + 1) / 2) * span, y: pad + ((1 - clamp(arousal)) / 2) * span };
}

/** SVG path through each section's (valence, arousal), in song order. */
export function arcPath(sections: Pick<SectionMark, 'valence' | 'arousal'>[], size: number, pad = 0): string {
  return sections
    .map((s, i) => {
      const p = planePoint(s.valence, s.arousal, size, pad);
      return `${i === 0 ? 'M' : 'L'}${p.x.toFixed(1)},${p.y.toFixed(1)}`;
    })
    .join(' ');
}

/** "−0.40" style signed number for labels. */
export function signed(v: number): string {
  return `${v >= 0 ? '+' : '−'}${Math.abs(v).toFixed(2)}`;
}

/** One SVG path per track out of its note rectangles: a few DOM nodes instead of thousands. */
export function rollPaths(rects: RollRect[]): { track: TrackId; d: string }[] {
  const byTrack = new Map<TrackId, string[]>();
  for (const r of rects) {
    const parts = byTrack.get(r.track) ?? [];
    parts.push(`M${r.x.toFixed(1)} ${r.y.toFixed(1)}h${r.w.toFixed(1)}v${r.h.toFixed(1)}h${(-r.w).toFixed(1)}z`);
    byTrack.set(r.track, parts);
  }
  return [...byTrack].map(([track, parts]) => ({ track, d: parts.join('') }));
}

/** A labelled spot on the emotion plane; versions at the same place share one ("v1 · v2"). */
export interface VersionMark {
  x: number;
  y: number;
  label: string;
  current: boolean;
}

/** Version points on the plane, merging versions that land on the same spot. */
export function versionMarks(
  versions: { id: string; number: number; valence: number; arousal: number }[],
  currentId: string,
  size: number,
  pad = 0,
): VersionMark[] {
  const marks: (VersionMark & { numbers: number[] })[] = [];
  for (const v of [...versions].sort((a, b) => a.number - b.number)) {
    const p = planePoint(v.valence, v.arousal, size, pad);
    const same = marks.find((m) => Math.hypot(m.x - p.x, m.y - p.y) < 3);
    if (same) {
      same.numbers.push(v.number);
      same.current ||= v.id === currentId;
    } else {
      marks.push({ ...p, label: '', current: v.id === currentId, numbers: [v.number] });
    }
  }
  return marks.map(({ numbers, ...m }) => ({ ...m, label: numbers.map((n) => `v${n}`).join(' · ') }));
}
