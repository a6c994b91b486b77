/**
 * Orchestration that follows the song (issue #17 item 4): each section takes its style family's
 * arrangement for its energy tier (music/styles/arrangements.json) under the musician's own
 * settings, and high-energy sections gain layers in the chords' track — a sustained pad over the
 * comp and the melody doubled an octave below — kept in the instrument's comfortable range.
 * Pure, and section-local: a section's plan and layers depend only on that section's energy, its
 * own notes and the song's style, so the property tests in music/arrange still hold.
 */
import type { Instrument, PartArrangement, SectionArrangement, SongParameters } from '../params.ts';
import { PART_IDS } from '../params.ts';
import type { Note } from '../sketch.ts';
import type { SectionPlan } from '../theory/form.ts';
import { clampVelocity } from '../feel/dynamics.ts';
import { comfortableRange, tierPlan, type TierPlan } from '../styles/arrangements.ts';
import { octavesThatFit, PART_RANGE } from './arrange.ts';

/** The sparsest a template leaves a part it would have muted in the last section (room below it for "sparser" still). */
export const LAST_SECTION_DENSITY = -0.7;

/** The musician asks for more of a part, or for it played another way: it should sound, whatever the template. */
const asksToHear = (own: PartArrangement & { pattern?: string }) =>
  (own.density ?? 0) > 0 || (own.level ?? 1) > 1 || own.instrument !== undefined || own.pattern !== undefined || (own.register ?? 0) !== 0;

/**
 * What a template plays in one section before the musician's own arrangement is applied on top:
 * its mute, density and level (its instrument goes to orchestrate). The musician's requests are
 * heard against what plays — "sparser" thins what the template left, "softer" is softer than the
 * template's level, never the reverse. Their explicit mute either way is theirs outright, a
 * template's mute gives way when they ask for more of the part or for it played another way
 * ("busier drums in the intro" brings the drums in), and the last section never drops a part (the
 * song ends with every part together, craft/ending.ts): there a mute becomes a sparse density.
 * templatePart({ mute: true }, { density: 0.4 }, false) → undefined.
 */
export function templatePart(template: PartArrangement | undefined, own: (PartArrangement & { pattern?: string }) | undefined, isLast: boolean): PartArrangement | undefined {
  if (!template) return undefined;
  const out: PartArrangement = {};
  if (template.level !== undefined) out.level = template.level;
  if (template.density !== undefined) out.density = template.density;
  if (template.mute) {
    if (own && (own.mute !== undefined || asksToHear(own))) return Object.keys(out).length ? out : undefined;
    if (isLast) return { ...out, density: LAST_SECTION_DENSITY };
    return { mute: true };
  }
  return Object.keys(out).length ? out : undefined;
}

/** Every section's template stage (templatePart per part), by section index: played before the sections' own arrangements (arrange/sections.ts). */
export function templateStages(params: SongParameters): (SectionArrangement | undefined)[] {
  const last = params.sections.length - 1;
  return params.sections.map((s, i) => {
    const plan = tierPlan(params.style, s.energy);
    const out: Record<string, PartArrangement> = {};
    for (const part of PART_IDS) {
      const t = templatePart(plan.parts[part], s.arrangement?.[part], i === last);
      if (t) out[part] = t;
    }
    return Object.keys(out).length ? (out as SectionArrangement) : undefined;
  });
}

/**
 * The params as played: each section's own arrangement, with the template's instrument for a part
 * the musician gave none (the rest of the template is its stage, templateStages). The musician's
 * params stay as they wrote them.
 */
export function orchestrate(params: SongParameters): SongParameters {
  return {
    ...params,
    sections: params.sections.map((s) => {
      const plan = tierPlan(params.style, s.energy);
      const arrangement: Record<string, PartArrangement> = { ...(s.arrangement ?? {}) } as Record<string, PartArrangement>;
      for (const part of PART_IDS) {
        const instrument = plan.parts[part]?.instrument;
        if (instrument && part !== 'drums' && arrangement[part]?.instrument === undefined) arrangement[part] = { ...arrangement[part], instrument };
      }
      return Object.keys(arrangement).length ? { ...s, arrangement: arrangement as SectionArrangement } : s;
    }),
  };
}

/** The lowest a pad goes when it sits under the comp: C3, above the bass's octave. */
const PAD_FLOOR = 48;

/**
 * Two notes on one channel at one pitch must not overlap (the first's note-off would cut the
 * second). The others are indexed by pitch once, so checking a layer costs what it adds, not
 * what the section holds: clashesWith(comp)(note) → true when a comp note of its pitch overlaps it.
 */
function clashesWith(others: readonly Note[]): (n: Note) => boolean {
  const byPitch = new Map<number, Note[]>();
  for (const o of others) {
    const list = byPitch.get(o.pitch);
    if (list) list.push(o);
    else byPitch.set(o.pitch, [o]);
  }
  return (n) => (byPitch.get(n.pitch) ?? []).some((o) => o.start < n.start + n.duration && n.start < o.start + o.duration);
}

type Span = { start: number; duration: number };

/** Index of the first span (sorted, not overlapping) that ends after `tick`. */
function firstEndingAfter(spans: readonly Span[], tick: number): number {
  let [lo, hi] = [0, spans.length];
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (spans[mid]!.start + spans[mid]!.duration <= tick) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Per span, the notes that start in it and the notes that sound in it, in one pass over each list. */
function perSpan(spans: readonly Span[], comp: readonly Note[], melody: readonly Note[]): { starting: Note[][]; sounding: Note[][] } {
  const starting = spans.map((): Note[] => []);
  const sounding = spans.map((): Note[] => []);
  for (const n of comp) {
    const i = firstEndingAfter(spans, n.start);
    if (i < spans.length && spans[i]!.start <= n.start) starting[i]!.push(n);
  }
  for (const n of melody) for (let i = firstEndingAfter(spans, n.start); i < spans.length && spans[i]!.start < n.start + n.duration; i++) sounding[i]!.push(n);
  return { starting, sounding };
}

/**
 * The sustained layer: in each chord span, the comp's pitch classes held for the whole span,
 * voiced upward from just above the comp's top note, at most three, inside the instrument's
 * range and under the melody sounding in that span (a pad over the tune would cover it); when
 * there is no room there, under the comp down to C3.
 * padLayer(comp, [{ start: 0, duration: 1920 }], 'strings') holds the chord over the bar.
 */
export function padLayer(comp: readonly Note[], spans: readonly Span[], instrument: Instrument, melody: readonly Note[] = []): Note[] {
  const range = comfortableRange(instrument);
  const out: Note[] = [];
  const clashes = clashesWith(comp);
  const ordered = [...spans].sort((a, b) => a.start - b.start);
  const { starting, sounding } = perSpan(ordered, comp, melody);
  for (const [i, span] of ordered.entries()) {
    const tune = sounding[i]!.map((n) => n.pitch);
    const ceiling = Math.min(range.high, tune.length ? Math.min(...tune) - 1 : range.high);
    const inSpan = starting[i]!;
    if (inSpan.length === 0) continue;
    const classes = [...new Set(inSpan.map((n) => n.pitch % 12))];
    const top = Math.max(...inSpan.map((n) => n.pitch));
    const velocity = clampVelocity(0.7 * (inSpan.reduce((s, n) => s + n.velocity, 0) / inSpan.length));
    const voiced: number[] = [];
    const want = Math.min(3, classes.length);
    for (let p = top + 1; p <= ceiling && voiced.length < want; p++) if (classes.includes(p % 12) && p >= range.low) voiced.push(p);
    // No room between the comp and the tune: under the comp instead, above the bass's octave (C3).
    const bottom = Math.min(...inSpan.map((n) => n.pitch));
    if (voiced.length === 0) for (let p = bottom - 1; p >= Math.max(range.low, PAD_FLOOR) && voiced.length < want; p--) if (classes.includes(p % 12)) voiced.push(p);
    for (const pitch of voiced) {
      const n = { pitch, start: span.start, duration: span.duration, velocity };
      if (!clashes(n)) out.push(n);
    }
  }
  return out;
}

/**
 * The melody doubled in another instrument: shifted by whole octaves (the asked shift, or the
 * nearest smaller one that keeps the whole section's line inside the instrument's range; none when
 * only unison fits), a little softer, and never on a pitch the other notes already hold.
 */
export function doubledLine(melody: readonly Note[], octaves: number, instrument: Instrument, others: readonly Note[]): Note[] {
  if (melody.length === 0 || octaves === 0) return [];
  const fit = octavesThatFit(melody.map((n) => n.pitch), octaves, comfortableRange(instrument));
  if (fit === 0) return [];
  const line = melody.map(({ pitch, start, duration, velocity }) => ({ pitch: pitch + 12 * fit, start, duration, velocity: clampVelocity(velocity * 0.8) }));
  const clashes = clashesWith(others);
  return line.filter((n) => !clashes(n));
}

export interface LayerInput {
  /** The params as played (after orchestrate). */
  played: SongParameters;
  section: SectionPlan;
  /** The section's finished chords and melody notes (starting inside it). */
  chords: readonly Note[];
  melody: readonly Note[];
  /** Chord spans (start, duration) starting inside the section. */
  spans: readonly { start: number; duration: number }[];
}

/**
 * The octaves a register request actually moved these (already moved) notes: the asked shift, or
 * the smaller one octavesThatFit settled for, found as the shift consistent with where they are now.
 */
function registerShift(pitches: readonly number[], asked: number): number {
  for (let o = asked; o !== 0; o -= Math.sign(o)) if (octavesThatFit(pitches.map((p) => p - 12 * o), asked, PART_RANGE.chords) === o) return o;
  return 0;
}

/**
 * The notes a section's tier adds to the chords' track: its pad and its doubling, none when the
 * chords are silent there. A register the musician set for the chords there moves the layers with
 * the comp: they are voiced against the comp where it would have been, then moved as it was, so
 * "the chords an octave lower" lowers every note of the track by exactly an octave.
 */
export function sectionLayers({ played, section, chords, melody, spans }: LayerInput): Note[] {
  const plan = tierPlan(played.style, section.energy);
  if (chords.length === 0 || (!plan.pad && !plan.doubleMelody)) return [];
  const own = played.sections[section.index]?.arrangement?.chords;
  const instrument = own?.instrument ?? played.instruments.chords;
  const lift = 12 * registerShift(chords.map((n) => n.pitch), own?.register ?? 0);
  const comp = lift ? chords.map((n) => ({ ...n, pitch: n.pitch - lift })) : chords;
  const end = section.startTick + section.ticks;
  const pad = plan.pad ? padLayer(comp, spans, instrument, melody).map((n) => ({ ...n, duration: Math.min(n.duration, end - n.start) })) : [];
  const doubled = plan.doubleMelody ? doubledLine(melody, plan.doubleMelody, instrument, [...comp, ...pad]) : [];
  const layers = [...pad, ...doubled];
  return lift ? layers.map((n) => ({ ...n, pitch: n.pitch + lift })) : layers;
}
