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
import { octavesThatFit } from './arrange.ts';

/** Field by field, the musician's setting wins over the template's. */
function under(template: PartArrangement | undefined, own: PartArrangement | undefined): PartArrangement | undefined {
  if (!template) return own;
  const merged: Record<string, unknown> = { ...template };
  for (const [k, v] of Object.entries(own ?? {})) if (v !== undefined) merged[k] = v;
  return merged as PartArrangement;
}

/**
 * A section's arrangement: the template's for its tier under the musician's own. The last section
 * never drops a part (the song ends with every part together, craft/ending.ts): there a
 * template's mute becomes the sparsest density instead.
 */
export function sectionArrangement(plan: TierPlan, own: SectionArrangement | undefined, isLast: boolean): SectionArrangement {
  const out: Record<string, PartArrangement | undefined> = {};
  for (const part of PART_IDS) {
    let t = plan.parts[part];
    if (t?.mute && isLast) t = { ...t, mute: undefined, density: -1 };
    const merged = under(t, own?.[part]);
    if (merged) out[part] = merged;
  }
  return out as SectionArrangement;
}

/** The params as played: every section's arrangement with its template's under it. The musician's params stay as they wrote them. */
export function orchestrate(params: SongParameters): SongParameters {
  const last = params.sections.length - 1;
  return {
    ...params,
    sections: params.sections.map((s, i) => ({ ...s, arrangement: sectionArrangement(tierPlan(params.style, s.energy), s.arrangement, i === last) })),
  };
}

/** The lowest a pad goes when it sits under the comp: C3, above the bass's octave. */
const PAD_FLOOR = 48;

/** Two notes on one channel at one pitch must not overlap (the first's note-off would cut the second). */
const clashes = (n: Note, others: readonly Note[]) => others.some((o) => o.pitch === n.pitch && o.start < n.start + n.duration && n.start < o.start + o.duration);

/**
 * The sustained layer: in each chord span, the comp's pitch classes held for the whole span,
 * voiced upward from just above the comp's top note, at most three, inside the instrument's
 * range and under the melody sounding in that span (a pad over the tune would cover it); when
 * there is no room there, under the comp down to C3.
 * padLayer(comp, [{ start: 0, duration: 1920 }], 'strings') holds the chord over the bar.
 */
export function padLayer(comp: readonly Note[], spans: readonly { start: number; duration: number }[], instrument: Instrument, melody: readonly Note[] = []): Note[] {
  const range = comfortableRange(instrument);
  const out: Note[] = [];
  for (const span of spans) {
    const tune = melody.filter((n) => n.start < span.start + span.duration && span.start < n.start + n.duration).map((n) => n.pitch);
    const ceiling = Math.min(range.high, tune.length ? Math.min(...tune) - 1 : range.high);
    const inSpan = comp.filter((n) => n.start >= span.start && n.start < span.start + span.duration);
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
      if (!clashes(n, comp)) out.push(n);
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
  return line.filter((n) => !clashes(n, others));
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

/** The notes a section's tier adds to the chords' track: its pad and its doubling, none when the chords are silent there. */
export function sectionLayers({ played, section, chords, melody, spans }: LayerInput): Note[] {
  const plan = tierPlan(played.style, section.energy);
  if (chords.length === 0) return [];
  const instrument = played.sections[section.index]?.arrangement?.chords?.instrument ?? played.instruments.chords;
  const end = section.startTick + section.ticks;
  const pad = plan.pad ? padLayer(chords, spans, instrument, melody).map((n) => ({ ...n, duration: Math.min(n.duration, end - n.start) })) : [];
  const doubled = plan.doubleMelody ? doubledLine(melody, plan.doubleMelody, instrument, [...chords, ...pad]) : [];
  return [...pad, ...doubled];
}
