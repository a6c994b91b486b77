/**
 * Facts: true, machine-readable statements about what was generated, computed from the notes and
 * chords in the sketch (never from the engine's intentions), so explanations stay grounded.
 */
import type { Fact, Note, Sketch } from './sketch.ts';
import type { ScaleInfo } from './theory/scale.ts';
import { describeMode } from './theory/scale.ts';
import type { HarmonyPlan } from './harmony/progression.ts';
import type { Groove } from './drums/grooves.ts';
import { GM_DRUMS } from './drums/grooves.ts';

type Draft = Omit<Sketch, 'facts'>;

const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : NaN);

function notesIn(notes: readonly Note[], from: number, to: number): Note[] {
  return notes.filter((n) => n.start >= from && n.start < to);
}

function sectionRange(sketch: Draft, index: number): [number, number] {
  const s = sketch.sections[index];
  if (!s) return [0, 0];
  return [s.startTick, s.startTick + s.bars * sketch.ticksPerBar];
}

/** The first section whose name contains a word ("verse", "chorus"), by index. */
function findSection(sketch: Draft, word: string): number {
  return sketch.sections.findIndex((s) => s.name.toLowerCase().includes(word));
}

/** The verse/chorus pair to compare, or else the calmest and the most energetic sections. */
function contrastPair(sketch: Draft): [number, number] | null {
  const low = findSection(sketch, 'verse');
  const high = findSection(sketch, 'chorus');
  if (low >= 0 && high >= 0) return [low, high];
  const order = [...sketch.sections].sort((a, b) => a.energy - b.energy || a.index - b.index);
  const calm = order[0]?.index ?? -1;
  const lively = order[order.length - 1]?.index ?? -1;
  const same = sketch.sections[calm]?.name === sketch.sections[lively]?.name;
  return calm === lively || calm < 0 || same ? null : [calm, lively];
}

function melodyDensity(sketch: Draft, melody: readonly Note[]): Fact | null {
  const pair = contrastPair(sketch);
  if (!pair) return null;
  const [low, high] = pair;
  const rate = (i: number) => notesIn(melody, ...sectionRange(sketch, i)).length / (sketch.sections[i]?.bars ?? 1);
  const a = Math.round(rate(low) * 10) / 10;
  const b = Math.round(rate(high) * 10) / 10;
  const lowName = sketch.sections[low]?.name ?? '';
  const highName = sketch.sections[high]?.name ?? '';
  const comparison = b > a ? 'busier than' : b < a ? 'sparser than' : 'as busy as';
  return { kind: 'melody-density', section: highName, text: `the ${highName} melody is ${comparison} the ${lowName}: ${b} against ${a} notes per bar`, data: { from: lowName, to: highName, fromPerBar: a, toPerBar: b } };
}

function registerLift(sketch: Draft, melody: readonly Note[]): Fact | null {
  const pair = contrastPair(sketch);
  if (!pair) return null;
  const [low, high] = pair;
  const a = mean(notesIn(melody, ...sectionRange(sketch, low)).map((n) => n.pitch));
  const b = mean(notesIn(melody, ...sectionRange(sketch, high)).map((n) => n.pitch));
  if (Number.isNaN(a) || Number.isNaN(b)) return null;
  // `|| 0` because Math.round(-0.4) is -0, which JSON (and so the journal) stores as 0.
  const semitones = Math.round(b - a) || 0;
  const lowName = sketch.sections[low]?.name ?? '';
  const highName = sketch.sections[high]?.name ?? '';
  const where = semitones === 0 ? `sits at the same height as the ${lowName}` : `sits ${Math.abs(semitones)} semitone${Math.abs(semitones) === 1 ? '' : 's'} ${semitones > 0 ? 'higher' : 'lower'} than the ${lowName}`;
  return { kind: 'register-lift', section: highName, text: `${highName} melody ${where} (on average)`, data: { semitones, from: lowName, to: highName } };
}

function stepwise(melody: readonly Note[]): Fact | null {
  if (melody.length < 2) return null;
  const moves = melody.slice(1).map((n, i) => Math.abs(n.pitch - (melody[i]?.pitch ?? n.pitch)));
  const steps = moves.filter((m) => m <= 2).length / moves.length;
  const pct = Math.round(steps * 100);
  const lowest = Math.min(...melody.map((n) => n.pitch));
  const highest = Math.max(...melody.map((n) => n.pitch));
  return { kind: 'melody-motion', text: `${pct}% of melody moves are steps or repeats; the melody spans ${highest - lowest} semitones`, data: { stepPercent: pct, low: lowest, high: highest } };
}

function densest(sketch: Draft): Fact | null {
  // One pass over the notes, each counted in the section it starts in (a scan per section grew with length × sections).
  const ranges = sketch.sections.map((_, i) => sectionRange(sketch, i));
  const order = ranges.map((_, i) => i).sort((a, b) => ranges[a]![0] - ranges[b]![0]);
  const counts = ranges.map(() => 0);
  for (const t of sketch.tracks) {
    for (const n of t.notes) {
      // The last section starting at or before the note (sections do not overlap), if the note is inside it.
      let lo = 0;
      let hi = order.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (ranges[order[mid]!]![0] <= n.start) lo = mid + 1;
        else hi = mid;
      }
      const i = order[lo - 1];
      if (i !== undefined && n.start < ranges[i]![1]) counts[i]!++;
    }
  }
  let best = -1;
  let bestRate = -1;
  sketch.sections.forEach((s, i) => {
    const rate = counts[i]! / s.bars;
    if (rate > bestRate) {
      best = i;
      bestRate = rate;
    }
  });
  const s = sketch.sections[best];
  if (!s) return null;
  const perBar = Math.round(bestRate * 10) / 10;
  return { kind: 'densest-section', section: s.name, text: `the ${s.name} is the busiest section, with ${perBar} notes per bar across all parts`, data: { notesPerBar: perBar } };
}

/**
 * The groove of the first bar (from the second) where the drums play, read from its notes; the
 * section is named when sections play different grooves, so the sentence stays true of the bar.
 */
function grooveFact(sketch: Draft, grooves: readonly Groove[]): Fact | null {
  const drums = sketch.tracks.find((t) => t.id === 'drums');
  if (!drums) return null;
  const plays = (b: number) => drums.notes.some((n) => n.start >= b * sketch.ticksPerBar && n.start < (b + 1) * sketch.ticksPerBar);
  let b = Math.min(1, sketch.bars - 1);
  while (b < sketch.bars && !plays(b)) b++;
  if (b >= sketch.bars) return null;
  const bar = b * sketch.ticksPerBar;
  const section = [...sketch.sections].reverse().find((s) => s.startTick <= bar);
  const groove = grooves[section?.index ?? 0] ?? grooves[0];
  if (!groove) return null;
  const varies = grooves.some((g) => g.id !== groove.id);
  const half = sketch.ppq / 2;
  // Humanised hits sit a few ticks off the grid: read them to the nearest eighth.
  const eighths = (t: number) => Math.round(t / half);
  // The bar's notes, picked out of the whole part once for both readings.
  const inBar = notesIn(drums.notes, bar, bar + sketch.ticksPerBar);
  const beatsOf = (pitches: number[]) =>
    [...new Set(inBar
      .filter((n) => pitches.includes(n.pitch) && Math.abs(eighths(n.start - bar) * half - (n.start - bar)) <= 24)
      .map((n) => eighths(n.start - bar) / 2 + 1))].sort((a, b) => a - b);
  const backbeat = beatsOf([GM_DRUMS.snare, GM_DRUMS.rim]);
  const kick = beatsOf([GM_DRUMS.kick]);
  const unit = sketch.meter.endsWith('/8') ? 'quarter-note' : 'beat';
  const where = backbeat.length ? `; snare on ${unit} ${backbeat.join(', ')}` : '';
  const inSection = varies && section ? ` in the ${section.name}` : '';
  return { kind: 'drum-groove', ...(varies && section ? { section: section.name } : {}), text: `drums play a ${groove.label} groove${inSection} in ${sketch.meter}${where}`, data: { groove: groove.id, kicks: kick.join(' '), snares: backbeat.join(' ') } };
}

/** Every fact for a finished draft sketch. */
export function computeFacts(draft: Draft, scale: ScaleInfo, harmony: HarmonyPlan, grooves: readonly Groove[] | null): Fact[] {
  const facts: Fact[] = [];
  facts.push({ kind: 'mode', text: describeMode(scale.key, scale.mode), data: { key: scale.key, mode: scale.mode } });
  const seconds = Math.round((draft.totalTicks / draft.ppq) * (60 / draft.tempo));
  const clock = `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
  facts.push({ kind: 'tempo', text: `${draft.tempo} bpm in ${draft.meter}, ${draft.bars} bars (about ${clock})`, data: { tempo: draft.tempo, meter: draft.meter, bars: draft.bars, seconds } });
  for (const c of harmony.cadences) {
    const s = draft.sections[c.sectionIndex];
    if (!s || c.kind === 'open') continue;
    facts.push({ kind: 'cadence', section: s.name, text: `${c.kind} cadence ${c.romans.join('–')} at the end of the ${s.name}`, data: { cadence: c.kind, chords: c.romans.join('–') } });
  }
  const seen = new Set<string>();
  for (const slot of harmony.slots) {
    if (!slot.chromatic || seen.has(slot.chord.roman)) continue;
    seen.add(slot.chord.roman);
    const s = draft.sections[slot.sectionIndex];
    facts.push({ kind: 'borrowed-chord', section: s?.name, text: `${slot.chord.roman} (${slot.chord.symbol}) reaches outside ${scale.key} ${scale.mode}, first in the ${s?.name ?? 'song'} at bar ${slot.bar + 1}`, data: { roman: slot.chord.roman, symbol: slot.chord.symbol, bar: slot.bar + 1 } });
  }
  const melody = draft.tracks.find((t) => t.id === 'melody')?.notes ?? [];
  for (const f of [registerLift(draft, melody), melodyDensity(draft, melody), stepwise(melody), densest(draft), grooves ? grooveFact(draft, grooves) : null]) if (f) facts.push(f);
  return facts;
}
