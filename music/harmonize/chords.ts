/**
 * Chords written around a given melody. The harmonic rhythm is the song's (params.harmony.chordsPerBar);
 * a slot whose strong-beat notes no single chord holds is split at its strong beat. Each section is
 * harmonised on its own (a best path through candidate chords, by dynamic programming), from its
 * own notes and its own planned chords, so a change in one section leaves the others' chords alone.
 * Sections whose chords the musician gave (or played in) keep them exactly.
 */
import type { SongParameters } from '../params.ts';
import type { Note } from '../sketch.ts';
import type { MeterInfo } from '../theory/meter.ts';
import type { SectionPlan } from '../theory/form.ts';
import type { ScaleInfo } from '../theory/scale.ts';
import { diatonicChord, isDiatonic, romanToChord, withSeventh, type ChordInfo } from '../theory/chord.ts';
import { cadenceKind, type ChordSlot, type HarmonyPlan } from '../harmony/progression.ts';

/** The chords a slot may take: the mode's own triads (diminished ones last), and a minor key's major V. */
export function candidateChords(params: SongParameters, scale: ScaleInfo): ChordInfo[] {
  const triads = [1, 2, 3, 4, 5, 6, 7].map((d) => diatonicChord(scale, d, false));
  if (scale.family === 'minor' && scale.heptatonic) triads.push(romanToChord(scale, 'V'));
  const seen = new Set<string>();
  const unique = triads.filter((c) => !seen.has(c.symbol) && (seen.add(c.symbol), true));
  return params.harmony.extensions ? unique.map((c) => withSeventh(scale, c)) : unique;
}

/** The note sounding at a tick. */
function at(notes: readonly Note[], tick: number): Note | undefined {
  let found: Note | undefined;
  for (const n of notes) if (n.start <= tick && tick < n.start + n.duration && (!found || n.start >= found.start)) found = n;
  return found;
}

/** Strong beats inside [from, to). */
function strongTicks(meter: MeterInfo, from: number, to: number): number[] {
  const out: number[] = [];
  const firstBar = Math.floor(from / meter.ticksPerBar);
  for (let bar = firstBar; bar * meter.ticksPerBar < to; bar++) {
    for (const i of meter.strong) {
      const t = bar * meter.ticksPerBar + (meter.beats[i] ?? 0);
      if (t >= from && t < to) out.push(t);
    }
  }
  return out;
}

const STRONG = 4;
const IS_DIM = /dim|°|ø/;

/** How well a chord sits under the melody in [from, to): strong-beat notes count most, long notes more than short. */
function fitScore(chord: ChordInfo, notes: readonly Note[], meter: MeterInfo, from: number, to: number): number {
  let score = 0;
  for (const t of strongTicks(meter, from, to)) {
    const n = at(notes, t);
    if (n) score += chord.chromas.includes(n.pitch % 12) ? STRONG : -STRONG;
  }
  for (const n of notes) {
    const overlap = Math.min(n.start + n.duration, to) - Math.max(n.start, from);
    if (overlap <= 0) continue;
    const beats = overlap / (meter.beats[1] ?? meter.ticksPerBar);
    score += chord.chromas.includes(n.pitch % 12) ? beats : -0.5 * beats;
  }
  return score;
}

/** Slots cut at their strong beats when no one chord holds all the strong-beat notes in them. */
function refineSlots(slots: readonly ChordSlot[], notes: readonly Note[], meter: MeterInfo, candidates: readonly ChordInfo[]): ChordSlot[] {
  return slots.flatMap((slot) => {
    const end = slot.start + slot.duration;
    const strong = strongTicks(meter, slot.start, end);
    const pitches = strong.map((t) => at(notes, t)?.pitch).filter((p): p is number => p !== undefined);
    if (pitches.length < 2 || candidates.some((c) => pitches.every((p) => c.chromas.includes(p % 12)))) return [slot];
    const cuts = [slot.start, ...strong.filter((t) => t > slot.start), end];
    return cuts.slice(0, -1).map((start, i) => ({ ...slot, start, duration: cuts[i + 1]! - start, bar: Math.floor(start / meter.ticksPerBar) }));
  });
}

/**
 * Root motion a musician hears as a progression moving: down a fifth most, by step or third too.
 * Kept small beside the melody's fit, so a tune that sits on one chord keeps it.
 */
function motion(a: ChordInfo, b: ChordInfo): number {
  const interval = (b.root - a.root + 12) % 12;
  if (interval === 0) return a.symbol === b.symbol ? -0.15 : -0.05;
  if (interval === 5) return 0.25;
  return 0.05;
}

/** Best chord path for one section's slots (Viterbi over candidates). */
function harmonizeSection(
  slots: readonly ChordSlot[],
  notes: readonly Note[],
  meter: MeterInfo,
  candidates: readonly ChordInfo[],
  scale: ScaleInfo,
  section: SectionPlan,
  planned: (start: number) => ChordInfo | undefined,
): ChordInfo[] {
  const local = (slot: ChordSlot, i: number, c: ChordInfo) => {
    let s = fitScore(c, notes, meter, slot.start, slot.start + slot.duration);
    if (planned(slot.start)?.symbol === c.symbol) s += 0.5; // keep the song's own choice when it fits as well
    if (IS_DIM.test(c.symbol)) s -= 1.5;
    if (i === 0 && c.root === scale.tonicChroma && section.index === 0) s += 0.5;
    if (i === slots.length - 1 && section.isLast && c.root === scale.tonicChroma) s += 1.5;
    return s;
  };
  let best = candidates.map((c) => ({ score: local(slots[0]!, 0, c), path: [c] }));
  for (let i = 1; i < slots.length; i++) {
    const slot = slots[i]!;
    best = candidates.map((c) => {
      let pick = best[0]!;
      let pickScore = -Infinity;
      for (const prev of best) {
        const s = prev.score + motion(prev.path[prev.path.length - 1]!, c);
        if (s > pickScore) {
          pickScore = s;
          pick = prev;
        }
      }
      return { score: pickScore + local(slot, i, c), path: [...pick.path, c] };
    });
  }
  return best.reduce((a, b) => (b.score > a.score ? b : a)).path;
}

/**
 * The song's harmony rewritten around the melody; `planned` is what the engine would have played
 * without one (its slots, and its chords as a tie-breaker).
 */
export function harmonizeMelody(
  notes: readonly Note[],
  params: SongParameters,
  scale: ScaleInfo,
  meter: MeterInfo,
  form: readonly SectionPlan[],
  planned: HarmonyPlan,
): HarmonyPlan {
  const candidates = candidateChords(params, scale);
  const plannedAt = (start: number) => planned.slots.find((s) => s.start <= start && start < s.start + s.duration)?.chord;
  const slots: ChordSlot[] = [];
  const cadences: HarmonyPlan['cadences'] = [];
  for (const section of form) {
    const own = planned.slots.filter((s) => s.sectionIndex === section.index);
    const end = section.startTick + section.ticks;
    const sectionNotes = notes.filter((n) => n.start < end && n.start + n.duration > section.startTick);
    // The musician's own progression, or a section the melody does not reach, keeps its planned chords.
    if (section.chords.length || !sectionNotes.length) {
      slots.push(...own);
    } else {
      const refined = refineSlots(own, sectionNotes, meter, candidates);
      const chords = harmonizeSection(refined, sectionNotes, meter, candidates, scale, section, plannedAt);
      refined.forEach((slot, i) => {
        const chord = chords[i]!;
        slots.push({ ...slot, chord, chromatic: !isDiatonic(scale, chord) });
      });
    }
    const tail = slots.filter((s) => s.sectionIndex === section.index).slice(-2).map((s) => s.chord);
    if (tail.length === 2) cadences.push({ sectionIndex: section.index, kind: cadenceKind(tail, scale), romans: tail.map((c) => c.roman) });
  }
  return { slots, cadences };
}
