/**
 * The Chords track: every chord voice-led from the last, then played in the comping style the
 * musician chose — block, broken (low voice then the rest), arpeggio or strum — with busier
 * rhythms as a section's drive rises.
 */
import type { Note } from '../sketch.ts';
import type { SongParameters } from '../params.ts';
import type { MeterInfo } from '../theory/meter.ts';
import type { SectionPlan } from '../theory/form.ts';
import { drive } from '../theory/form.ts';
import { voiceLead } from '../theory/voicing.ts';
import { PART_GAIN, clampVelocity, sectionVelocity } from '../feel/dynamics.ts';
import type { ChordSlot } from './progression.ts';

type Grid = 'hold' | 'strong' | 'beats' | 'eighths';
type Comping = SongParameters['harmony']['comping'];

/** Rhythm grid per comping style for low, middle and high drive. */
const COMP_RHYTHM: Record<Comping, readonly [Grid, Grid, Grid]> = {
  block: ['hold', 'strong', 'beats'],
  broken: ['strong', 'beats', 'eighths'],
  arpeggio: ['beats', 'eighths', 'eighths'],
  strum: ['hold', 'beats', 'eighths'],
};

/** Ticks between strummed strings: enough to hear the strum, not enough to smear the beat. */
const STRUM_SPREAD = 14;

/** Hit times [start, length] inside a chord slot for a rhythm grid, following the meter's beats. */
function hits(slot: ChordSlot, meter: MeterInfo, grid: Grid): [number, number][] {
  const end = slot.start + slot.duration;
  const points: number[] = [];
  for (let bar = Math.floor(slot.start / meter.ticksPerBar) * meter.ticksPerBar; bar < end; bar += meter.ticksPerBar) {
    const within =
      grid === 'hold'
        ? [0]
        : grid === 'strong'
          ? meter.strong.map((i) => meter.beats[i] ?? 0)
          : grid === 'beats'
            ? [...meter.beats]
            : Array.from({ length: meter.ticksPerBar / meter.pulse }, (_, i) => i * meter.pulse);
    for (const t of within) if (bar + t >= slot.start && bar + t < end) points.push(bar + t);
  }
  if (points[0] !== slot.start) points.unshift(slot.start);
  return points.map((t, i) => [t, (points[i + 1] ?? end) - t]);
}

/** Which voices sound on hit k for a style (indices into the voicing, low to high); read-only. */
function voicesFor(style: Comping, k: number, size: number): readonly number[] {
  const sets = voiceSets(size);
  if (style === 'broken') return k % 2 === 0 ? sets.bottom : sets.upper;
  if (style === 'arpeggio') return sets.cycle[k % sets.cycle.length] ?? sets.bottom;
  return sets.all;
}

interface VoiceSets {
  all: number[];
  bottom: number[];
  upper: number[];
  /** The arpeggio's one voice per hit: up through the voicing and back down, without repeating the ends. */
  cycle: number[][];
}

/** The voice index lists for a voicing of `size` notes, made once per size (every hit asked afresh). */
const voiceSetsBySize = new Map<number, VoiceSets>();
function voiceSets(size: number): VoiceSets {
  let sets = voiceSetsBySize.get(size);
  if (!sets) {
    const all = Array.from({ length: size }, (_, i) => i);
    const cycle = [...all, ...all.slice(1, -1).reverse()].map((v) => [v]);
    voiceSetsBySize.set(size, (sets = { all, bottom: [0], upper: all.slice(1), cycle }));
  }
  return sets;
}

/** Three voices for triads, four for sevenths; extended chords drop the fifth to stay at four. */
function compVoices(slot: ChordSlot): number[] {
  return slot.chord.chromas.length > 4 ? slot.chord.chromas.filter((_, i) => i !== 2).slice(0, 4) : slot.chord.chromas;
}

/** Level index 0/1/2 from a section's drive. */
function level(section: SectionPlan): 0 | 1 | 2 {
  const d = drive(section);
  return d < 0.4 ? 0 : d < 0.68 ? 1 : 2;
}

/** Notes of the Chords track for all slots: compChords(params, meter, form, slots)[0].pitch → 55. */
export function compChords(params: SongParameters, meter: MeterInfo, form: SectionPlan[], slots: ChordSlot[]): Note[] {
  const notes: Note[] = [];
  let previous: number[] | null = null;
  for (const slot of slots) {
    const section = form[slot.sectionIndex];
    if (!section) continue;
    // A section's first chord is voiced afresh near middle C, not led from the section before:
    // voicings then depend on this section's chords only, and a repeated chorus voices the same.
    if (slot.start === section.startTick) previous = null;
    const chromas = compVoices(slot);
    const voicing = voiceLead(chromas, previous);
    previous = voicing;
    // A section may comp in its own style ("strummed chords in the chorus").
    const style = params.sections[section.index]?.arrangement?.chords?.pattern ?? params.harmony.comping;
    const base = sectionVelocity(params.dynamics.level, section.energy) * PART_GAIN.chords;
    hits(slot, meter, COMP_RHYTHM[style][level(section)]).forEach(([start, length], k) => {
      const onBeat = meter.beats.includes(start % meter.ticksPerBar);
      const accent = start % meter.ticksPerBar === 0 ? 1.08 : onBeat ? 1 : 0.88;
      const voices = voicesFor(style, k, voicing.length);
      voices.forEach((v, order) => {
        const pitch = voicing[v];
        if (pitch === undefined) return;
        // Down-strokes on beats strum upwards, up-strokes off the beat come back down.
        const spread = style === 'strum' ? (onBeat ? order : voices.length - 1 - order) * STRUM_SPREAD : 0;
        const duration = length - spread - (style === 'block' && length > meter.pulse ? 20 : 0);
        if (duration < 1) return;
        notes.push({ pitch, start: start + spread, duration, velocity: clampVelocity(base * accent) });
      });
    });
  }
  return notes;
}
