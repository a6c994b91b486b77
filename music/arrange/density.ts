/**
 * Busier or sparser, for one part in one section: a density shift of -1 … 1 thins or thickens the
 * notes the part generators wrote. Thinning drops the weakest onsets first (never a bar's
 * downbeat), and legato parts hold the note before over the gap, so a sparser melody has longer
 * notes rather than holes; thickening splits long notes on the grid (a repeated pitch, always in
 * the harmony) or adds hi-hat strokes where the groove left room. The amount is a fixed share of
 * what can move in each bar, so any shift other than 0 changes the count whenever there is room.
 * Every choice is made bar by bar from that bar's own notes: a repeated section whose bars match
 * up to its cadence plays them alike, however its last bars differ (the orchestration's density
 * shifts reach every repeated verse and chorus).
 */
import type { Note } from '../sketch.ts';
import type { PartId } from '../params.ts';
import type { Rng } from '../rng.ts';
import type { MeterInfo } from '../theory/meter.ts';
import { metricWeight } from '../melody/rhythm.ts';
import { GM_DRUMS } from '../drums/grooves.ts';
import { clampVelocity } from '../feel/dynamics.ts';

/** Share of the movable onsets that a full shift (±1) removes or adds. */
const SHARE = 0.7;

/** Drum voices that carry the groove: dropped last, after hats, shakers and ghost strokes. */
const BACKBONE = new Set<number>([GM_DRUMS.kick, GM_DRUMS.snare, GM_DRUMS.crash]);

export interface Span {
  from: number;
  to: number;
  /** Ticks where a new chord starts: a pitched part keeps its onset there, or it would hold the old chord over the new one. */
  chordStarts?: ReadonlySet<number>;
  /** The song's final downbeat when it falls in this span: the landing (craft/ending.ts) is left as it is, nothing added to it. */
  landing?: number;
}

/**
 * Notes starting together (a chord hit, a melody note) are one onset, keyed by their sixteenth:
 * a strum's strings, spread over a few ticks, stay one stroke.
 */
function onsets(notes: readonly Note[], meter: MeterInfo, span: Span): Map<number, Note[]> {
  const grid = meter.pulse / 2;
  const groups = new Map<number, Note[]>();
  for (const n of notes) {
    const key = n.start - ((n.start - span.from) % grid);
    const group = groups.get(key);
    if (group) group.push(n);
    else groups.set(key, [n]);
  }
  return groups;
}

/**
 * Order candidates by a score, ties broken by a number drawn for each candidate from a stream
 * named by its place: seeded, and the same for the same note whatever else the section holds.
 */
function ranked<T>(items: T[], score: (t: T) => number, place: (t: T) => string, rng: Rng): T[] {
  const keyed = items.map((t) => ({ t, s: score(t), r: rng.at(place(t)) }));
  return keyed.sort((a, b) => a.s - b.s || a.r - b.r).map((k) => k.t);
}

const howMany = (shift: number, room: number) => (room === 0 ? 0 : Math.min(room, Math.max(1, Math.ceil(Math.abs(shift) * SHARE * room))));

/** Candidates grouped by the bar of the section they fall in (keyed by the bar's first tick). */
function byBar<T>(items: readonly T[], at: (t: T) => number, meter: MeterInfo, span: Span): Map<number, T[]> {
  const bars = new Map<number, T[]>();
  for (const item of items) {
    const t = at(item);
    const bar = t - ((t - span.from) % meter.ticksPerBar);
    const group = bars.get(bar);
    if (group) group.push(item);
    else bars.set(bar, [item]);
  }
  return bars;
}

/** In every bar, its share of the candidates, best ranked first: the same bar's notes give the same choice wherever the bar sits. */
function chosenPerBar<T>(items: readonly T[], at: (t: T) => number, shift: number, meter: MeterInfo, span: Span, rank: (group: T[]) => T[]): Set<T> {
  const out = new Set<T>();
  for (const group of byBar(items, at, meter, span).values()) for (const t of rank(group).slice(0, howMany(shift, group.length))) out.add(t);
  return out;
}

/** Fewer onsets of a pitched part; the onset before a dropped one is held over the gap (to the next kept onset). Bar downbeats and chord changes stay. */
function thinPitched(notes: Note[], shift: number, meter: MeterInfo, span: Span, rng: Rng): Note[] {
  const groups = onsets(notes, meter, span);
  const starts = [...groups.keys()].sort((a, b) => a - b);
  const movable = starts.filter((t) => t !== span.from && (t - span.from) % meter.ticksPerBar !== 0 && !span.chordStarts?.has(t));
  const weight = (t: number) => metricWeight(meter, (t - span.from) % meter.ticksPerBar);
  const drop = chosenPerBar(movable, (t) => t, shift, meter, span, (group) => ranked(group, weight, (t) => `${t - span.from}`, rng));
  const out: Note[] = [];
  // Walk the onsets in time order; each kept onset holds on over the dropped ones after it, up to
  // the end of the last of them (and never past the next kept onset).
  for (let i = 0; i < starts.length; i++) {
    const t = starts[i]!;
    if (drop.has(t)) continue;
    let j = i + 1;
    let coveredEnd = 0;
    for (; j < starts.length && drop.has(starts[j]!); j++) for (const n of groups.get(starts[j]!) ?? []) coveredEnd = Math.max(coveredEnd, n.start + n.duration);
    const next = starts[j] ?? span.to;
    for (const n of groups.get(t) ?? []) {
      const end = Math.min(next, Math.max(n.start + n.duration, coveredEnd));
      out.push({ ...n, duration: Math.max(1, end - n.start) });
    }
  }
  return out;
}

/**
 * More onsets of a pitched part: the longest notes are split on the grid into two strokes. Chords
 * and bass restrike the same notes; a melody's second stroke anticipates the note that follows
 * (a move every pop melody makes), so a busier line also moves more.
 */
function thickenPitched(notes: Note[], shift: number, meter: MeterInfo, span: Span, rng: Rng, anticipate: boolean): Note[] {
  const groups = onsets(notes, meter, span);
  const order = [...groups.keys()].sort((a, b) => a - b);
  const after = new Map(order.map((t, i) => [t, order[i + 1]] as const));
  const following = (t: number) => groups.get(after.get(t) ?? -1)?.[0]?.pitch;
  const half = meter.pulse / 2;
  const longest = (t: number) => Math.max(...(groups.get(t) ?? []).map((n) => n.duration));
  // Anything from a detached eighth up can split: running eighths become sixteenth pairs.
  const movable = [...groups.keys()].filter((t) => longest(t) >= (meter.pulse * 3) / 4);
  const split = chosenPerBar(movable, (t) => t, shift, meter, span, (group) => ranked(group, (t) => -longest(t), (t) => `${t - span.from}`, rng));
  const out: Note[] = [];
  for (const [t, group] of groups) {
    if (!split.has(t)) {
      out.push(...group);
      continue;
    }
    const len = longest(t);
    // Split at the middle, snapped to the sixteenth grid, so the new onset lands on the beat grid.
    const at = t + Math.max(half, Math.round(len / 2 / half) * half);
    for (const n of group) {
      if (n.start + n.duration <= at) out.push(n);
      else {
        out.push({ ...n, duration: at - n.start });
        const pitch = anticipate ? (following(t) ?? n.pitch) : n.pitch;
        out.push({ ...n, pitch, start: at, duration: n.start + n.duration - at, velocity: clampVelocity(n.velocity * 0.92) });
      }
    }
  }
  return out;
}

/** Fewer drum hits: hats, shakers and weak strokes go first; the section's crash and downbeat kicks stay. */
function thinDrums(notes: Note[], shift: number, meter: MeterInfo, span: Span, rng: Rng): Note[] {
  const protectedHit = (n: Note) => n.start === span.from || (BACKBONE.has(n.pitch) && (n.start - span.from) % meter.ticksPerBar === 0);
  const movable = notes.filter((n) => !protectedHit(n));
  const score = (n: Note) => metricWeight(meter, (n.start - span.from) % meter.ticksPerBar) + (BACKBONE.has(n.pitch) ? 1 : 0);
  const drop = chosenPerBar(movable, (n) => n.start, shift, meter, span, (group) => ranked(group, score, (n) => `${n.start - span.from}:${n.pitch}`, rng));
  return notes.filter((n) => !drop.has(n));
}

/** More drum hits: closed hi-hat strokes on free eighths first, then free sixteenths. */
function thickenDrums(notes: Note[], shift: number, meter: MeterInfo, span: Span, rng: Rng): Note[] {
  const hats = new Set<number>([GM_DRUMS.closedHat, GM_DRUMS.openHat, GM_DRUMS.pedalHat, GM_DRUMS.ride]);
  const taken = new Set(notes.filter((n) => hats.has(n.pitch)).map((n) => n.start));
  const step = meter.pulse / 2;
  const free: number[] = [];
  for (let t = span.from; t < span.to; t += step) if (!taken.has(t)) free.push(t);
  const weight = (t: number) => -metricWeight(meter, (t - span.from) % meter.ticksPerBar);
  const added = chosenPerBar(free, (t) => t, shift, meter, span, (group) => ranked(group, weight, (t) => `${t - span.from}`, rng));
  // As loud as the bar's own strokes (a fill's accents in the last bar do not reach the first).
  const barNotes = byBar(notes, (n) => n.start, meter, span);
  const loudness = (t: number) => {
    const bar = barNotes.get(t - ((t - span.from) % meter.ticksPerBar)) ?? [];
    return bar.length ? bar.reduce((s, n) => s + n.velocity, 0) / bar.length : 0.5;
  };
  const fresh = [...added].map((t) => ({ pitch: GM_DRUMS.closedHat, start: t, duration: Math.min(step / 2, span.to - t), velocity: clampVelocity(loudness(t) * 0.75) }));
  return [...notes, ...fresh];
}

/**
 * Shift how busy one part is inside one section: reshapeDensity('drums', notes, -0.5, meter, { from, to }, rng).
 * `notes` all start inside the span; the result does too and never rings past it.
 */
export function reshapeDensity(part: PartId, notes: Note[], shift: number, meter: MeterInfo, span: Span, rng: Rng): Note[] {
  if (shift === 0 || notes.length === 0) return notes;
  const { landing } = span;
  if (landing !== undefined && landing > span.from && landing < span.to) {
    const held = notes.filter((n) => n.start >= landing);
    return [...reshapeDensity(part, notes.filter((n) => n.start < landing), shift, meter, { ...span, to: landing, landing: undefined }, rng), ...held];
  }
  if (part === 'drums') return shift < 0 ? thinDrums(notes, shift, meter, span, rng) : thickenDrums(notes, shift, meter, span, rng);
  return shift < 0 ? thinPitched(notes, shift, meter, span, rng) : thickenPitched(notes, shift, meter, span, rng, part === 'melody');
}
