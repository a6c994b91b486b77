/**
 * A part played section by section: the notes a part generator wrote are cut at the section
 * marks, and each section is arranged (its own density, register, level, mute), swung and
 * humanised with streams named by the part and the section. Nothing carries from one section to
 * the next, so a change scoped to one section leaves every other section's notes identical, and
 * a repeated section with the same settings plays the same.
 */
import type { Note, Track } from '../sketch.ts';
import type { PartId, SectionArrangement, SongParameters } from '../params.ts';
import type { Rng } from '../rng.ts';
import type { MeterInfo } from '../theory/meter.ts';
import type { SectionPlan } from '../theory/form.ts';
import { applySwing } from '../feel/swing.ts';
import { humanizeWithin } from '../feel/humanize.ts';
import { gmProgram } from '../instruments.ts';
import { arrangePart } from './arrange.ts';

export interface PartContext {
  params: SongParameters;
  meter: MeterInfo;
  form: readonly SectionPlan[];
  /** Effective swing 0 … 1 for the parts that swing. */
  swing: number;
  /** Ticks where a chord starts (the harmony plan's slots). */
  chordStarts: ReadonlySet<number>;
  rng: Rng;
  /**
   * Per section index, what the style's arrangement template plays before the section's own
   * arrangement (arrange/orchestra.ts templateStages); absent when the song is played as written.
   */
  templates?: readonly (SectionArrangement | undefined)[];
  /** The song's final downbeat when the song lands there (craft/ending.ts): density leaves that bar alone. */
  landing?: number;
}

/** Notes by the section they start in (form is in time order and covers the song). */
export function splitBySection(notes: readonly Note[], form: readonly SectionPlan[]): Note[][] {
  const out = form.map((): Note[] => []);
  for (const n of notes) {
    // The last section starting at or before the note (the first when none does), by halving
    // rather than walking back from the end: a long song has dozens of sections.
    let lo = 1;
    let hi = form.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((form[mid]?.startTick ?? 0) <= n.start) lo = mid + 1;
      else hi = mid;
    }
    out[lo - 1]?.push(n);
  }
  return out;
}

/** One part's finished notes: playPart('drums', raw, ctx, (i) => !grooves[i].swung) swings only the sections whose groove swings. */
export function playPart(part: PartId, raw: readonly Note[], ctx: PartContext, swingIt: (sectionIndex: number) => boolean): Note[] {
  const { params, meter, form, rng } = ctx;
  const amount = params.rhythm.humanize;
  const bySection = splitBySection(raw, form);
  // One array for the whole part (a flatMap of per-section arrays copied every note once more).
  const out: Note[] = [];
  for (let i = 0; i < form.length; i++) {
    const section = form[i]!;
    const notes = bySection[i] ?? [];
    const span = { from: section.startTick, to: section.startTick + section.ticks, chordStarts: ctx.chordStarts, landing: ctx.landing };
    const arrangement = params.sections[section.index]?.arrangement?.[part];
    // The template first, then the musician's own on what it left: their "sparser" thins what plays.
    const template = ctx.templates?.[section.index]?.[part];
    const underneath = template ? arrangePart(part, notes, template, meter, span, rng.fork(`orchestra:${part}:${section.key}`)) : notes;
    // Streams are forked only for a stage that plays (a fork is pure, so one not taken changes nothing).
    const arranged = arrangement ? arrangePart(part, underneath, arrangement, meter, span, rng.fork(`arrange:${part}:${section.key}`)) : underneath;
    const swung = swingIt(section.index) ? applySwing(arranged, ctx.swing) : arranged;
    if (amount <= 0) for (const n of swung) out.push(n);
    else for (const n of humanizeWithin(swung, amount, span.from, span.to, rng.fork(`humanize:${part}:${section.key}`))) out.push(n);
  }
  return out;
}

/**
 * Program changes for a part whose instrument changes in some sections: one at the start of each
 * section that sounds another instrument than the one before it (back to the song's at the end).
 */
export function programChanges(part: Exclude<PartId, 'drums'>, params: SongParameters, form: readonly SectionPlan[]): NonNullable<Track['programChanges']> {
  const base = params.instruments[part];
  const out: NonNullable<Track['programChanges']> = [];
  let current: string = base;
  for (const section of form) {
    const wanted = params.sections[section.index]?.arrangement?.[part]?.instrument ?? base;
    if (wanted !== current) out.push({ tick: section.startTick, program: gmProgram(wanted), instrument: wanted });
    current = wanted;
  }
  return out;
}
