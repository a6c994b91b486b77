/**
 * Forms chosen from what the song is for: verse–chorus with or without a pre-chorus or a bridge,
 * AABA, strophic folk with a refrain, a through-composed ballad, a loop form for dancing. The
 * feeling weights the forms that suit it and the seed chooses among them; bar counts then stretch
 * or shrink so the song lasts about two to four minutes at its tempo. Pure: chooseForm is what the
 * interpreter calls, so the offline guide and the LLM path get the same forms.
 */
import type { Meter, Section } from '../params.ts';
import { createRng } from '../rng.ts';
import { METER_TABLE } from '../theory/meter.ts';
import { PPQ } from '../sketch.ts';
import { sectionRole } from './roles.ts';

/** name, bars, energy lift over the song's base, valence and arousal offsets. */
type Row = readonly [string, number, number, number, number];

export interface FormTemplate {
  id: string;
  /** How well the form suits a feeling (valence, arousal in −1 … 1): a non-negative weight. */
  suits: (v: number, a: number) => number;
  rows: readonly Row[];
}

const pos = (x: number) => Math.max(0, x);

/**
 * Repeated choruses share their energy and offsets, so the hook returns note for note; the lift
 * between verse and chorus is what the ear hears as the arc.
 */
export const FORMS: readonly FormTemplate[] = [
  {
    id: 'verse-chorus',
    suits: () => 1,
    rows: [['intro', 4, -0.15, 0, -0.2], ['verse', 8, 0, 0, -0.1], ['chorus', 8, 0.35, 0.1, 0.25], ['verse', 8, 0, 0, -0.1], ['chorus', 8, 0.35, 0.1, 0.25], ['outro', 4, -0.2, 0, -0.3]],
  },
  {
    id: 'verse-pre-chorus',
    suits: (v, a) => 0.4 + pos(a) * 1.5 + pos(v) * 0.5,
    rows: [['intro', 4, -0.15, 0, -0.2], ['verse', 8, 0, 0, -0.1], ['pre-chorus', 4, 0.15, 0, 0.1], ['chorus', 8, 0.35, 0.1, 0.25], ['verse', 8, 0, 0, -0.1], ['pre-chorus', 4, 0.15, 0, 0.1], ['chorus', 8, 0.35, 0.1, 0.25], ['outro', 4, -0.2, 0, -0.3]],
  },
  {
    id: 'verse-chorus-bridge',
    suits: (v, a) => 0.6 + (1 - Math.abs(v)) * 0.8 + pos(a + 0.3),
    rows: [['intro', 4, -0.15, 0, -0.2], ['verse', 8, 0, 0, -0.1], ['chorus', 8, 0.35, 0.1, 0.25], ['verse', 8, 0, 0, -0.1], ['chorus', 8, 0.35, 0.1, 0.25], ['bridge', 8, 0.15, -0.15, 0], ['chorus', 8, 0.35, 0.1, 0.25], ['outro', 4, -0.2, 0, -0.3]],
  },
  {
    id: 'aaba',
    suits: (v, a) => 0.2 + pos(v + 0.3) * pos(0.4 - a) * 2.5,
    rows: [['intro', 4, -0.15, 0, -0.2], ['verse', 8, 0, 0, 0], ['verse', 8, 0, 0, 0], ['bridge', 8, 0.25, -0.1, 0.15], ['verse', 8, 0, 0, 0], ['outro', 4, -0.2, 0, -0.3]],
  },
  {
    id: 'strophic',
    suits: (v, a) => 0.2 + pos(-a) * 1.6 + pos(0.5 - Math.abs(v)) * 0.6,
    rows: [['intro', 4, -0.15, 0, -0.2], ['verse', 8, 0, 0, -0.1], ['refrain', 4, 0.3, 0.1, 0.2], ['verse', 8, 0, 0, -0.1], ['refrain', 4, 0.3, 0.1, 0.2], ['verse', 8, 0, 0, -0.1], ['refrain', 4, 0.3, 0.1, 0.2], ['outro', 4, -0.2, 0, -0.3]],
  },
  {
    id: 'through-composed',
    suits: (v, a) => 0.1 + pos(-v) * pos(-a) * 3,
    rows: [['intro', 4, -0.15, 0, -0.2], ['part one', 8, 0, 0, -0.15], ['part two', 8, 0.15, -0.05, 0], ['part three', 8, 0.35, 0, 0.25], ['coda', 4, -0.2, 0, -0.3]],
  },
  {
    id: 'loop',
    suits: (v, a) => pos(a - 0.2) * 4 * (v > -0.2 ? 1 : 0.4),
    rows: [['intro', 8, -0.1, 0, -0.1], ['verse', 8, 0, 0, 0], ['chorus', 8, 0.35, 0.1, 0.25], ['breakdown', 8, -0.15, 0, -0.2], ['chorus', 8, 0.35, 0.1, 0.25], ['outro', 8, -0.1, 0, -0.1]],
  },
];

export interface FormChoiceInput {
  valence: number;
  /** The arousal that pace follows (sorrow pulls it down). */
  arousal: number;
  tempo: number;
  meter: Meter;
  /** Energy of a plain verse, 0 … 1; sections lift from it. */
  baseEnergy: number;
}

export interface FormChoice {
  id: string;
  sections: Section[];
  /** Seconds at the tempo. */
  seconds: number;
}

const round2 = (x: number) => Math.round(x * 100) / 100;
const clamp01 = (x: number) => Math.max(0, Math.min(1, x));

/** Length in seconds of a bar list at a tempo (quarter-note bpm) in a meter. */
export function formSeconds(bars: number, tempo: number, meter: Meter): number {
  return (bars * (METER_TABLE[meter].ticksPerBar / PPQ) * 60) / tempo;
}

/**
 * Choose and size a form: chooseForm({ valence: -0.6, arousal: -0.5, tempo: 70, meter: '4/4', baseEnergy: 0.35 }, 7).id
 * → one of the forms a sad, still song suits (often the through-composed ballad).
 */
export function chooseForm(input: FormChoiceInput, seed: number): FormChoice {
  const rng = createRng(seed).fork('form');
  const weights = FORMS.map((f) => f.suits(input.valence, input.arousal));
  const form = rng.weighted(FORMS, weights);
  // Stretch the body (not intro and outro) by whole phrases until the song lasts 2–4 minutes.
  const body = (scale: number) => form.rows.reduce((n, [name, bars]) => n + (isFrame(name) ? bars : bars * scale), 0);
  let scale = 1;
  while (scale < 4 && formSeconds(body(scale), input.tempo, input.meter) < 120) scale *= 2;
  while (scale > 0.5 && formSeconds(body(scale), input.tempo, input.meter) > 240) scale /= 2;
  const sections: Section[] = form.rows.map(([name, bars, lift, valenceOffset, arousalOffset]) => ({
    name,
    bars: isFrame(name) ? bars : Math.max(2, Math.round(bars * scale)),
    chords: [],
    energy: round2(clamp01(input.baseEnergy + lift)),
    valenceOffset,
    arousalOffset,
  }));
  return { id: form.id, sections, seconds: formSeconds(sections.reduce((n, s) => n + s.bars, 0), input.tempo, input.meter) };
}

function isFrame(name: string): boolean {
  const role = sectionRole(name);
  return role === 'intro' || role === 'outro';
}
