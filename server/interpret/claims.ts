/**
 * Claims checked against the notes. What a revision asked for (the parameters' change) is only said
 * when the measured diff of the two sketches shows it; the reply is built from what the notes show
 * (music/sectionDiff.ts), never from the parameters. Pure.
 */
import { alignByName, diffSketches, type SectionDelta, type SketchDiff } from '../../music/sectionDiff.ts';
import type { PartId, SongParameters } from '../../music/params.ts';
import { PART_IDS } from '../../music/params.ts';
import type { Sketch } from '../../music/sketch.ts';

export const KINDS = ['louder', 'softer', 'busier', 'sparser', 'silent', 'returns', 'higher', 'lower', 'brighter', 'darker', 'instrument'] as const;
export type Kind = (typeof KINDS)[number];
const UP: ReadonlySet<Kind> = new Set(['louder', 'busier', 'returns', 'higher', 'brighter']);
export const isUp = (k: Kind) => UP.has(k);

/** Something the notes show in one section of the new sketch: "the drums sparser in section 3". */
export interface Observation { section: number; part: PartId | null; kind: Kind; /** For 'instrument': the one now sounding. */ instrument?: string }

/** Thresholds for "you can hear it": a note count moving by 8 % (at least 2), velocity by 6 %, pitch by 2.5 semitones. */
export const HEARD = { count: 0.08, minNotes: 2, velocity: 0.06, pitch: 2.5, chords: 0.2 } as const;

const minorish = (symbol: string) => /^[A-G][#b]?(m(?!aj)|dim|°)/.test(symbol);
const brightness = (chords: string[]) => (chords.length ? chords.filter((c) => !minorish(c)).length / chords.length : 0);

/** What the notes show, section by section (kept sections only; added and removed ones are form). */
export function observe(diff: SketchDiff): Observation[] {
  const out: Observation[] = [];
  for (const s of diff.sections) {
    if (s.status !== 'kept' || s.afterIndex === null) continue;
    for (const part of PART_IDS) {
      const d = s.parts[part];
      const [nb, na] = [d.before?.notes ?? 0, d.after?.notes ?? 0];
      const add = (kind: Kind) => out.push({ section: s.afterIndex!, part, kind });
      if (nb > 0 && na === 0) { add('silent'); continue; }
      if (nb === 0 && na > 0) { add('returns'); continue; }
      if (nb === 0) continue;
      if (d.instrumentChanged && d.after) out.push({ section: s.afterIndex!, part, kind: 'instrument', instrument: d.after.instrument });
      if (Math.abs(na - nb) >= Math.max(HEARD.minNotes, HEARD.count * nb)) add(na > nb ? 'busier' : 'sparser');
      // The listener's view: notes that stayed in place, when enough did (thinning drops soft notes first).
      const ratio = d.keptVelocityRatio ?? d.velocityRatio;
      if (Math.abs(ratio - 1) >= HEARD.velocity) add(ratio > 1 ? 'louder' : 'softer');
      if (part !== 'drums' && Math.abs(d.pitchShift) >= HEARD.pitch) add(d.pitchShift > 0 ? 'higher' : 'lower');
    }
    const shift = brightness(s.chords.after) - brightness(s.chords.before);
    if (s.chordsChanged && Math.abs(shift) >= HEARD.chords) out.push({ section: s.afterIndex, part: null, kind: shift > 0 ? 'brighter' : 'darker' });
  }
  return out;
}

/** Something a revision asked of the notes: in these sections (of the new form), this part, one of these kinds. */
export interface Intent { sections: number[]; part: PartId | null; kinds: Kind[]; instrument?: string }

const SIZE_UP: Kind[] = ['louder', 'busier', 'higher', 'brighter', 'returns'];
const SIZE_DOWN: Kind[] = ['softer', 'sparser', 'lower', 'darker', 'silent'];

/** What the parameters' change asks the notes to show, per section × part (song-wide changes per every section). */
export function intents(before: SongParameters, after: SongParameters): Intent[] {
  const out: Intent[] = [];
  const pairs = alignByName(before.sections.map((s) => s.name), after.sections.map((s) => s.name));
  for (const [i, j] of pairs) {
    const [a, b] = [before.sections[i]!, after.sections[j]!];
    for (const part of PART_IDS) {
      const [x, y] = [a.arrangement?.[part] ?? {}, b.arrangement?.[part] ?? {}];
      const push = (kinds: Kind[]) => out.push({ sections: [j], part, kinds });
      if (!!x.mute !== !!y.mute) { push([y.mute ? 'silent' : 'returns']); continue; }
      if (y.mute) continue;
      if ((x.level ?? 1) !== (y.level ?? 1)) push([(y.level ?? 1) > (x.level ?? 1) ? 'louder' : 'softer']);
      if ((x.density ?? 0) !== (y.density ?? 0)) push([(y.density ?? 0) > (x.density ?? 0) ? 'busier' : 'sparser']);
      if (x.instrument !== y.instrument && part !== 'drums') out.push({ sections: [j], part, kinds: ['instrument'], instrument: y.instrument ?? after.instruments[part as 'melody'] });
      if ((x.register ?? 0) !== (y.register ?? 0)) push(part === 'drums' ? ['louder', 'softer'] : [(y.register ?? 0) > (x.register ?? 0) ? 'higher' : 'lower']);
    }
    const energy = b.energy - a.energy;
    const valence = b.valenceOffset - a.valenceOffset;
    if (Math.abs(energy) >= 0.05) out.push({ sections: [j], part: null, kinds: energy > 0 ? SIZE_UP : SIZE_DOWN });
    else if (Math.abs(valence) >= 0.1) out.push({ sections: [j], part: null, kinds: valence > 0 ? SIZE_UP : SIZE_DOWN });
  }
  const every = after.sections.map((_, j) => j);
  const song = (part: PartId | null, x: number, y: number, up: Kind, down: Kind) => { if (x !== y) out.push({ sections: every, part, kinds: [y > x ? up : down] }); };
  song('drums', before.drums.density, after.drums.density, 'busier', 'sparser');
  song('melody', before.melody.density, after.melody.density, 'busier', 'sparser');
  song(null, before.dynamics.level, after.dynamics.level, 'louder', 'softer');
  song('melody', before.melody.low, after.melody.low, 'higher', 'lower');
  if (before.drums.enabled !== after.drums.enabled) out.push({ sections: every, part: 'drums', kinds: [after.drums.enabled ? 'returns' : 'silent'] });
  return out;
}

/** An intent holds when some section it names shows one of its kinds on its part (any part when none is named). */
export function shown(intent: Intent, seen: readonly Observation[]): boolean {
  return seen.some((o) => intent.sections.includes(o.section) && intent.kinds.includes(o.kind) && (intent.part === null || o.part === intent.part || o.part === null));
}

/** The checked account of a revision: what the notes show, what was asked but does not show, and the measured diff. */
export interface CheckedRevision {
  diff: SketchDiff;
  observations: Observation[];
  asked: Intent[];
  unshown: Intent[];
}

/** Check a revision against its notes: checkRevision(v1, v2).unshown is empty when every asked change is audible. */
export function checkRevision(before: { params: SongParameters; sketch: Sketch }, after: { params: SongParameters; sketch: Sketch }): CheckedRevision {
  const diff = diffSketches(before.sketch, after.sketch);
  const observations = observe(diff);
  const asked = intents(before.params, after.params);
  return { diff, observations, asked, unshown: asked.filter((i) => !shown(i, observations)) };
}

/** Sections the new sketch added (by index in the new form) and the old ones it lost (by index in the old). */
export const addedSections = (diff: SketchDiff): SectionDelta[] => diff.sections.filter((s) => s.status === 'added');
export const removedSections = (diff: SketchDiff): SectionDelta[] => diff.sections.filter((s) => s.status === 'removed');
