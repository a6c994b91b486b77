/**
 * Requests scoped to sections and parts ("fewer drums in the verse", "no bass in the intro",
 * "the last chorus bigger", "an instrumental break after the second chorus"), in any language with
 * a vocabulary: they change sections[i].arrangement — or the form — and nothing else.
 */
import type { Instrument, PartArrangement, PartId, Section, SectionArrangement } from '../../music/params.ts';
import { PART_IDS, SongParameters } from '../../music/params.ts';
import { clamp, edit, ownSectionName, round2, trimToLimit } from './edit.ts';
import { NEW_SECTION, addSection } from './requests-arrangement.ts';
import { readScoped, type PartRef, type ScopedStep, type SectionRef } from './scope-read.ts';

/** How far one step of each change goes; "a bit" halves it, "much" doubles it. */
export const STEP = {
  /** Level multipliers per step: softer ×0.65, louder ×1.4. */
  softer: 0.65, louder: 1.4,
  /** Density shift per step (−1 … 1 on the schema's scale). */
  density: 0.45,
  /** "bigger"/"smaller": a level multiplier, a density shift and an energy shift for the whole section. */
  sizeLevel: 1.2, sizeDensity: 0.3, sizeEnergy: 0.15,
} as const;

type Change = { params: SongParameters; label: string };

/** Indices of the sections a reference names: every one with that name, or one instance. */
export function sectionIndices(p: SongParameters, ref: Pick<SectionRef, 'name' | 'nth'>): number[] {
  const name = ownSectionName(p, ref.name);
  const all = p.sections.map((s, i) => (s.name === name ? i : -1)).filter((i) => i >= 0);
  if (ref.nth === 0) return all;
  const one = ref.nth < 0 ? all.at(ref.nth) : all[ref.nth - 1];
  return one === undefined ? [] : [one];
}

/** Which parts a reference means in section i: "piano" is whichever part plays a piano there, else its usual part. */
function partsFor(p: SongParameters, i: number, ref: PartRef): PartId[] {
  if (!('plays' in ref)) return [ref.part];
  const playing = (['melody', 'chords', 'bass'] as const).filter((part) => ref.plays.includes(p.sections[i]!.arrangement?.[part]?.instrument ?? p.instruments[part]));
  return playing.length ? playing : [ref.part];
}

/** Parts a change without a named part touches: the whole section, or the tune for "lower"/"higher". */
const DEFAULT_PARTS: Record<string, PartId[]> = { register: ['melody'], level: [...PART_IDS], density: [...PART_IDS], size: [...PART_IDS], mute: [] };

function changePart(a: PartArrangement, step: Extract<ScopedStep, { kind: 'arrange' }>, part: PartId): PartArrangement {
  const { field, sign, k } = step;
  const out = { ...a };
  const level = (factor: number) => { out.level = round2(clamp((a.level ?? 1) * factor ** k, 0.1, 2)); if (out.level === 1) delete out.level; };
  const density = (by: number) => { out.density = round2(clamp((a.density ?? 0) + sign * by * k, -1, 1)); if (out.density === 0) delete out.density; };
  if (field === 'mute') { if (sign > 0) out.mute = true; else delete out.mute; }
  else if (field === 'level') level(sign > 0 ? STEP.louder : STEP.softer);
  else if (field === 'density') density(STEP.density);
  // Drums have no octave: "lower drums" means quieter drums.
  else if (field === 'register' && part === 'drums') level(sign > 0 ? STEP.louder : STEP.softer);
  else if (field === 'register') { out.register = clamp((a.register ?? 0) + sign * (k >= 2 ? 2 : 1), -2, 2); if (out.register === 0) delete out.register; }
  else { level(sign > 0 ? STEP.sizeLevel : 1 / STEP.sizeLevel); density(STEP.sizeDensity); }
  return out;
}

const WORD: Record<string, [string, string]> = { mute: ['silent', 'back'], level: ['louder', 'softer'], density: ['busier', 'sparser'], register: ['higher', 'lower'], size: ['bigger', 'smaller'] };

function arrange(p: SongParameters, step: Extract<ScopedStep, { kind: 'arrange' }>): Change | null {
  const indices = [...new Set(step.sections.flatMap((s) => sectionIndices(p, s)))];
  if (!indices.length) return null;
  const touched = new Set<PartId>();
  const params = edit(p, (d) => {
    for (const i of indices) {
      const s = d.sections[i]!;
      const parts = step.parts.length ? [...new Set(step.parts.flatMap((r) => partsFor(p, i, r)))] : DEFAULT_PARTS[step.field]!;
      const arrangement = { ...s.arrangement };
      for (const part of parts) {
        const next = changePart(arrangement[part] ?? {}, step, part);
        if (Object.keys(next).length) arrangement[part] = next;
        else delete arrangement[part];
        touched.add(part);
      }
      if (Object.keys(arrangement).length) s.arrangement = arrangement;
      else delete s.arrangement;
      if (step.field === 'size') s.energy = round2(clamp(s.energy + step.sign * STEP.sizeEnergy * step.k, 0, 1));
    }
  });
  if (JSON.stringify(params.sections) === JSON.stringify(p.sections)) return null;
  const where = step.sections.map((s) => `${s.nth === 0 ? 'every' : s.nth < 0 ? 'the last' : `instance ${s.nth} of`} ${s.name}`).join(', ');
  const word = WORD[step.field]![step.field === 'mute' ? (step.sign > 0 ? 0 : 1) : step.sign > 0 ? 0 : 1];
  return { params, label: `${[...touched].join(', ') || 'the section'} ${word} in ${where}` };
}

/** Where a new section goes: after/before the anchor (each instance, or the one named), else its usual place. */
function form(p: SongParameters, step: Extract<ScopedStep, { kind: 'form' }>): Change | null {
  const spec = NEW_SECTION[step.add];
  if (!spec) return null;
  if (!step.anchor || !step.where) {
    const next = addSection(p, step.add);
    return next ? { params: next, label: `add ${step.add}` } : null;
  }
  const at = sectionIndices(p, step.anchor);
  if (!at.length) return null;
  const verse = p.sections.find((s) => s.name === 'verse') ?? p.sections[0]!;
  const params = edit(p, (d) => {
    for (const i of [...at].reverse()) {
      d.sections.splice(step.where === 'after' ? i + 1 : i, 0, {
        name: step.add, bars: spec.bars, chords: [], energy: round2(clamp(verse.energy + spec.lift, 0, 1)), valenceOffset: 0, arousalOffset: spec.lift,
        // An instrumental break is the band without the tune.
        ...(step.add === 'instrumental' ? { arrangement: { melody: { mute: true } } } : {}),
      });
    }
    if (d.sections.length > 24) d.sections.length = 24;
    trimToLimit(d);
  });
  return { params, label: `add ${step.add} ${step.where} ${step.anchor.nth ? `instance ${step.anchor.nth} of` : 'each'} ${step.anchor.name}` };
}

/** A playing style for one part in the named sections: "strummed chords in the chorus". */
function pattern(p: SongParameters, step: Extract<ScopedStep, { kind: 'pattern' }>): Change | null {
  const indices = [...new Set(step.sections.flatMap((s) => sectionIndices(p, s)))];
  if (!indices.length) return null;
  const params = edit(p, (d) => {
    for (const i of indices) {
      const a = { ...d.sections[i]!.arrangement } as Record<string, Record<string, unknown>>;
      a[step.part] = { ...a[step.part], pattern: step.pattern };
      d.sections[i]!.arrangement = a as Section['arrangement'];
    }
  });
  const checked = SongParameters.safeParse(params);
  return checked.success ? { params: checked.data, label: `${step.part} ${step.pattern} in ${names(step.sections)}` } : null;
}

/** Another instrument in the named sections: on the part the replaced one played, else the instrument's usual part. */
function instrument(p: SongParameters, step: Extract<ScopedStep, { kind: 'instrument' }>): Change | null {
  const indices = [...new Set(step.sections.flatMap((s) => sectionIndices(p, s)))];
  if (!indices.length) return null;
  const params = edit(p, (d) => {
    for (const i of indices) {
      const parts = step.instead ? partsFor(p, i, step.instead) : [step.part];
      const a = { ...d.sections[i]!.arrangement } as Record<string, Record<string, unknown>>;
      for (const part of parts) if (part !== 'drums') a[part] = { ...a[part], instrument: step.to as Instrument };
      d.sections[i]!.arrangement = a as Section['arrangement'];
    }
  });
  const checked = SongParameters.safeParse(params);
  return checked.success && JSON.stringify(checked.data.sections) !== JSON.stringify(p.sections) ? { params: checked.data, label: `${step.to} in ${names(step.sections)}` } : null;
}

const names = (refs: SectionRef[]) => refs.map((s) => `${s.nth === 0 ? 'every' : s.nth < 0 ? 'the last' : `instance ${s.nth} of`} ${s.name}`).join(', ');

/** Apply the scoped parts of a request; the rest of the text goes on to the whole-song rules. */
export function applyScoped(request: string, params: SongParameters): { params: SongParameters; applied: (Change & { quote: string })[]; rest: string; language: string } {
  const reading = readScoped(request);
  let p = params;
  const applied: (Change & { quote: string })[] = [];
  for (const step of reading.steps) {
    const change = step.kind === 'arrange' ? arrange(p, step) : step.kind === 'form' ? form(p, step) : step.kind === 'pattern' ? pattern(p, step) : instrument(p, step);
    if (!change) continue;
    applied.push({ ...change, quote: step.quote });
    p = change.params;
  }
  return { params: p, applied, rest: reading.rest, language: reading.language };
}

/**
 * A feeling aimed at a section ("the chorus should feel like relief", "a more hopeful bridge") as a
 * contrast you can hear, not a nudge of energy: calmer or more excited → the band softer and
 * sparser or louder and busier there; brighter or darker → the tune an octave up or down.
 * Mutates the draft section it is given.
 */
export function feelSection(s: Section, valence: number, arousal: number): void {
  const arrangement: SectionArrangement = { ...s.arrangement };
  const part = (id: PartId, change: (a: PartArrangement) => void) => {
    const a = { ...arrangement[id] };
    change(a);
    arrangement[id] = a;
  };
  const scale = (a: PartArrangement, f: number) => { a.level = round2(clamp((a.level ?? 1) * f, 0.1, 2)); };
  const shift = (a: PartArrangement, by: number) => { a.density = round2(clamp((a.density ?? 0) + by, -1, 1)); };
  if (Math.abs(arousal) >= 0.1) {
    const up = arousal > 0;
    for (const id of PART_IDS) part(id, (a) => scale(a, up ? 1.25 : 0.8));
    part('drums', (a) => shift(a, up ? 0.4 : -0.4));
    part('melody', (a) => shift(a, up ? 0.2 : -0.2));
  }
  if (Math.abs(valence) >= 0.25) part('melody', (a) => { a.register = clamp((a.register ?? 0) + (valence > 0 ? 1 : -1), -2, 2); });
  s.arrangement = arrangement;
}
