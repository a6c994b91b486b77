/**
 * The reply to a revision, in the musician's language and in musical words: only what the notes
 * show (claims.ts), grouped by section ("The chorus opens up: brighter chords, the melody higher,
 * the drums busier."), numbers only for tempo and key. What was asked but does not show is said as
 * such, and what changed instead is what the reply lists.
 */
import type { SongParameters } from '../../music/params.ts';
import type { Sketch } from '../../music/sketch.ts';
import { checkRevision, isUp, type CheckedRevision, type Kind, type Observation } from '../interpret/claims.ts';
import { fold, vocabulary, wordPattern, type Say } from '../interpret/scope-vocab.ts';
import { lyricChangeLines } from '../interpret/scope-lyrics.ts';

const fill = (template: string, values: Record<string, string | number>) => template.replace(/\{(\w+)\}/g, (m, k: string) => (k in values ? String(values[k]) : m));
const upper = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
/** Most groups a reply lists before it sums the rest up. */
const MAX_GROUPS = 4;

/** "the verse", "every chorus", "the second chorus", "the last chorus" for a set of sections of one name. */
function sectionWords(say: Say, params: SongParameters, indices: number[]): string {
  const name = params.sections[indices[0]!]!.name;
  const label = say.names[name] ?? name;
  const all = params.sections.map((s, i) => (s.name === name ? i : -1)).filter((i) => i >= 0);
  if (all.length === 1) return fill(say.section.the, { name: label });
  if (indices.length === all.length) return fill(say.section.every, { name: label });
  if (indices.length === 1 && indices[0] === all.at(-1)) return fill(say.section.last, { name: label });
  return indices.map((i) => fill(say.section.nth, { name: label, nth: say.nths[all.indexOf(i)] ?? String(all.indexOf(i) + 1) })).join(', ');
}

function kindWords(say: Say, o: { part: Observation['part'] | 'all'; kind: Kind; instrument?: string }): string {
  const part = o.part === 'all' ? say.all : o.part ? say.parts[o.part] : '';
  if (o.kind === 'instrument') return fill(say.instrument, { part, instrument: say.instrumentNames[o.instrument ?? ''] ?? o.instrument ?? '' }).replace(/[.\s]+$/, '');
  const plural = o.part !== 'all' && o.part !== null && say.pluralParts.includes(o.part);
  return fill((plural ? say.kindsPlural[o.kind] : undefined) ?? say.kinds[o.kind], { part }).trim();
}

/** Every part moving the same way is said once: "everything louder". */
function merged(seen: Observation[]): { part: Observation['part'] | 'all'; kind: Kind; instrument?: string }[] {
  const out: { part: Observation['part'] | 'all'; kind: Kind; instrument?: string }[] = [];
  for (const o of seen) {
    const same = seen.filter((x) => x.kind === o.kind && x.part !== null);
    if (o.part !== null && o.kind !== 'instrument' && same.length === 4) { if (!out.some((x) => x.part === 'all' && x.kind === o.kind)) out.push({ part: 'all', kind: o.kind }); }
    else out.push(o);
  }
  return out;
}

/** One line per group of sections that changed the same way, asked ones first. */
function sectionLines(say: Say, params: SongParameters, checked: CheckedRevision): { lines: string[]; more: boolean } {
  const bySection = new Map<number, Observation[]>();
  for (const o of checked.observations) bySection.set(o.section, [...(bySection.get(o.section) ?? []), o]);
  // Sections of one name that changed identically are said once ("every verse").
  const groups = new Map<string, { indices: number[]; seen: Observation[] }>();
  for (const [i, seen] of [...bySection].sort((a, b) => a[0] - b[0])) {
    const key = `${params.sections[i]!.name}|${seen.map((o) => `${o.part}:${o.kind}`).join(',')}`;
    const g = groups.get(key) ?? { indices: [], seen };
    g.indices.push(i);
    groups.set(key, g);
  }
  const asked = (g: { indices: number[] }) => checked.asked.some((a) => a.sections.length < params.sections.length && a.sections.some((s) => g.indices.includes(s)));
  const ordered = [...groups.values()].sort((a, b) => Number(asked(b)) - Number(asked(a)));
  const lines = ordered.slice(0, MAX_GROUPS).map((g) => {
    const list = merged(g.seen).map((o) => kindWords(say, o)).join(', ');
    const ups = g.seen.filter((o) => isUp(o.kind)).length;
    const template = g.seen.length >= 2 && ups === g.seen.length ? say.opensUp : g.seen.length >= 2 && ups === 0 ? say.settles : say.in;
    return upper(fill(template, { section: sectionWords(say, params, g.indices), list }));
  });
  return { lines, more: ordered.length > MAX_GROUPS };
}

/** Tempo, key, meter and form: the song-wide facts, from the measured diff. */
function songLines(say: Say, before: SongParameters, after: SongParameters, checked: CheckedRevision, numbers: boolean): string[] {
  const d = checked.diff;
  const out: string[] = [];
  if (d.tempo.before !== d.tempo.after) {
    const slower = d.tempo.after < d.tempo.before;
    out.push(numbers ? fill(slower ? say.slower : say.faster, { from: d.tempo.before, to: d.tempo.after }) : slower ? say.slowerPlain : say.fasterPlain);
  }
  if (d.key.before !== d.key.after || d.mode.before !== d.mode.after) out.push(fill(say.key, { key: d.key.after, mode: say.modes[d.mode.after] ?? d.mode.after }));
  if (d.meter.before !== d.meter.after) out.push(fill(say.meter, { meter: d.meter.after }));
  let form = false;
  for (const s of d.sections) {
    if (s.status === 'added' && s.afterIndex !== null) {
      const j = s.afterIndex;
      const where = j === 0 ? say.atStart : fill(say.afterSection, { section: sectionWords(say, after, [j - 1]) });
      out.push(fill(say.added, { name: say.names[s.name] ?? s.name, where }));
      form = true;
    } else if (s.status === 'removed' && s.beforeIndex !== null) {
      out.push(upper(fill(say.removed, { section: sectionWords(say, before, [s.beforeIndex]) })));
      form = true;
    }
  }
  if (!form && d.bars.before !== d.bars.after) out.push(fill(d.bars.after > d.bars.before ? say.longer : say.shorter, { from: d.bars.before, to: d.bars.after }));
  return out;
}

/** What was asked but the notes do not show, in the same words. */
function unshownLines(say: Say, after: SongParameters, checked: CheckedRevision): string[] {
  const out: string[] = [];
  const every = after.sections.length;
  for (const i of checked.unshown) {
    const kind = i.kinds[0] as Kind;
    const list = kindWords(say, { part: i.part, kind, ...(i.instrument ? { instrument: i.instrument } : {}) });
    const where = i.sections.length === every ? say.song : sectionWords(say, after, i.sections);
    out.push(upper(fill(say.unshown, { what: `${list} (${where})` })));
  }
  return [...new Set(out)].slice(0, 3);
}

/** The whole reply to a revision: version line, what the notes show, what did not show, and the listening question. */
export function revisionReplyText(input: { number: number; before: SongParameters; after: SongParameters; checked: CheckedRevision; language?: string; request?: string }): string {
  const vocab = vocabulary(input.language);
  const say = vocab.say;
  // Tempo in bpm only when they asked about it (or gave a number); otherwise "a little slower".
  const numbers = input.request === undefined || /\d/.test(input.request) || vocab.tempoWords.some((w) => new RegExp(wordPattern(w), 'u').test(fold(input.request!)));
  const song = songLines(say, input.before, input.after, input.checked, numbers);
  const { lines, more } = sectionLines(say, input.after, input.checked);
  const unshown = unshownLines(say, input.after, input.checked);
  // Changed words are quoted first: they are what the musician asked to change.
  const said = [...lyricChangeLines(input.before, input.after, input.language), ...song, ...lines];
  const changedSections = new Set(input.checked.observations.map((o) => o.section));
  const untouched = input.checked.diff.sections.filter((s) => s.status === 'kept' && !changedSections.has(s.afterIndex!));
  // "Everything else plays as before" only when every other section's notes are exactly as they were.
  const restSame = said.length > 0 && untouched.length > 0 && untouched.every((s) => Object.values(s.parts).every((p) => p.identical));
  return [
    fill(say.version, { n: input.number }),
    ...(said.length ? said : [say.nothing]),
    ...(more ? [say.elsewhere] : []),
    ...unshown,
    ...(restSame ? [say.kept] : []),
    say.listen,
  ].join(' ');
}

interface Made { number: number; params: SongParameters; sketch: Sketch }

/** Check a new version against the one it revised and say what its notes show: the turn's revision reply. */
export function checkedRevisionReply(before: Omit<Made, 'number'>, after: Made, language?: string, request?: string): string {
  const checked = checkRevision(before, after);
  return revisionReplyText({ number: after.number, before: before.params, after: after.params, checked, ...(language ? { language } : {}), ...(request !== undefined ? { request } : {}) });
}
