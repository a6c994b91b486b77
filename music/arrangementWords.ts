/**
 * Per-section arrangement changes in a musician's words, said only as far as the notes show them:
 * "no bass in the intro", "the verse drums: sparser (112 → 76 notes)", "every chorus chords: on
 * strings (was piano)". The parameters say which part of which section was asked to change; the
 * measured diff (sectionDiff.ts) says what actually changed, and only that is said.
 */
import type { PartArrangement, PartId, Section } from './params.ts';
import { PART_IDS } from './params.ts';
import { alignByName, diffSketches, type PartDelta } from './sectionDiff.ts';
import type { Sketch } from './sketch.ts';

const ORDINALS = ['first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth'];

/** Changes smaller than these are not heard as a change. */
const HEARD = { notes: 0.05, velocity: 0.05, pitch: 2 } as const;

const same = (x: PartArrangement | undefined, y: PartArrangement | undefined) => JSON.stringify(x ?? {}) === JSON.stringify(y ?? {});

/** What the notes of one part in one section show, as short phrases; empty when nothing audible changed. */
export function partWords(d: PartDelta): string[] {
  const before = d.before?.notes ?? 0;
  const after = d.after?.notes ?? 0;
  if (before > 0 && after === 0) return ['silent'];
  if (before === 0 && after > 0) return ['playing again'];
  if (before === 0) return [];
  const out: string[] = [];
  if (Math.abs(after - before) / before >= HEARD.notes) out.push(`${after < before ? 'sparser' : 'busier'} (${before} → ${after} notes)`);
  // Loudness of the notes that stayed, when there are enough of them: a thinned groove keeps its
  // accents and loses its soft strokes, which raises the mean without anything playing louder.
  const louder = d.keptVelocityRatio ?? d.velocityRatio;
  if (Math.abs(louder - 1) >= HEARD.velocity) out.push(louder < 1 ? 'softer' : 'louder');
  if (Math.abs(d.pitchShift) >= HEARD.pitch) {
    const octaves = Math.round(Math.abs(d.pitchShift) / 12);
    const how = octaves === 1 && Math.abs(Math.abs(d.pitchShift) - 12) < 1 ? 'an octave ' : octaves === 2 && Math.abs(Math.abs(d.pitchShift) - 24) < 1 ? 'two octaves ' : '';
    out.push(`${how}${d.pitchShift < 0 ? 'lower' : 'higher'}`);
  }
  if (d.instrumentChanged) out.push(`on ${d.after?.instrument} (was ${d.before?.instrument})`);
  return out;
}

/** "the chorus" when the song has one, "the second chorus" when it has several. */
function called(list: readonly Section[], index: number): string {
  const name = list[index]!.name;
  const all = list.filter((s) => s.name === name).length;
  const nth = list.slice(0, index + 1).filter((s) => s.name === name).length;
  return all > 1 ? `the ${ORDINALS[nth - 1] ?? `${nth}th`} ${name}` : `the ${name}`;
}

/**
 * Sentences for every part whose arrangement changed in a section kept from `a` to `b`, checked
 * against the sketches: diffArrangements(a.params.sections, a.sketch, b.params.sections, b.sketch)
 * → ['no bass in the intro', 'every verse drums: sparser (224 → 150 notes)'].
 */
export function diffArrangements(a: readonly Section[], sa: Sketch, b: readonly Section[], sb: Sketch): string[] {
  const pairs = alignByName(a.map((s) => s.name), b.map((s) => s.name)).filter(([i, j]) => PART_IDS.some((p) => !same(a[i]!.arrangement?.[p], b[j]!.arrangement?.[p])));
  if (pairs.length === 0) return [];
  const measured = diffSketches(sa, sb).sections;
  // Phrase → the sections (indices into b) it is true of, so "every verse" can be said once.
  const said = new Map<string, { part: PartId; words: string; sections: number[] }>();
  for (const [i, j] of pairs) {
    const delta = measured.find((m) => m.afterIndex === j && m.beforeIndex === i);
    if (!delta) continue;
    for (const part of PART_IDS) {
      if (same(a[i]!.arrangement?.[part], b[j]!.arrangement?.[part])) continue;
      const words = partWords(delta.parts[part]);
      const phrase = words.length ? words.join(', ') : 'no audible change';
      const key = `${b[j]!.name}|${part}|${phrase}`;
      const entry = said.get(key) ?? { part, words: phrase, sections: [] };
      entry.sections.push(j);
      said.set(key, entry);
    }
  }
  const out: string[] = [];
  for (const { part, words, sections } of said.values()) {
    const name = b[sections[0]!]!.name;
    const every = sections.length > 1 && sections.length === b.filter((s) => s.name === name).length;
    const where = every ? [`every ${name}`] : sections.map((j) => called(b, j));
    for (const w of where) out.push(words === 'silent' ? `no ${part} in ${w}` : `${w} ${part}: ${words}`);
  }
  return out;
}
