/**
 * What changed between two versions of a song, said the way a musician would say it:
 * "slower: 96 → 72 bpm", "now in D minor (was C major)", "a bridge was added after the second
 * chorus". Pure: compares parameters for intent and sketches for what was actually made.
 */
import { Midi } from 'tonal';
import type { Section, SongParameters } from './params.ts';
import type { Sketch } from './sketch.ts';
import { diffArrangements } from './arrangementWords.ts';

// The measured diff per section × part lives in its own modules; claims are checked against it.
export { diffSketches, alignByName, keptShare, type SketchDiff, type SectionDelta, type PartDelta } from './sectionDiff.ts';
export { measureSketch, instrumentAt, type SketchStats, type SectionStats, type PartStats } from './measure.ts';

/** One saved version: the parameters and the sketch they produced. */
export interface SongVersion {
  params: SongParameters;
  sketch: Sketch;
}

type P = SongParameters;
const num = (x: number) => String(Math.round(x * 100) / 100);

// Numbers that move along a scale a musician names at both ends.
const SCALES: { get: (p: P) => number; up: string; down: string; label: string }[] = [
  { get: (p) => p.valence, up: 'brighter', down: 'darker', label: 'valence' },
  { get: (p) => p.arousal, up: 'more energetic', down: 'calmer', label: 'arousal' },
  { get: (p) => p.melody.leapiness, up: 'melody leaps more', down: 'melody moves more by step', label: 'leapiness' },
  { get: (p) => p.drums.density, up: 'busier drums', down: 'lighter drums', label: 'drum density' },
  { get: (p) => p.rhythm.swing, up: 'more swing', down: 'less swing', label: 'swing' },
  { get: (p) => p.rhythm.humanize, up: 'looser timing', down: 'tighter timing', label: 'humanize' },
  { get: (p) => p.dynamics.level, up: 'louder', down: 'softer', label: 'level' },
];

// Choices from a list, said with a template: {before} and {after} are the two values.
const CHOICES: { get: (p: P) => string | number | undefined; say: string; words?: Record<string, string> }[] = [
  { get: (p) => p.melody.contour, say: 'melody contour now {after} (was {before})' },
  { get: (p) => p.instruments.melody, say: 'melody now on {after} (was {before})' },
  { get: (p) => p.instruments.chords, say: 'chords now on {after} (was {before})' },
  { get: (p) => p.instruments.bass, say: 'bass now on {after} (was {before})' },
  {
    get: (p) => p.harmony.comping,
    say: 'chords now {after} (were {before})',
    words: { block: 'held as blocks', broken: 'broken up', arpeggio: 'arpeggiated', strum: 'strummed' },
  },
  {
    get: (p) => p.harmony.chordsPerBar,
    say: 'chords change {after} (was {before})',
    words: { '0.5': 'every two bars', '1': 'once a bar', '2': 'twice a bar' },
  },
  { get: (p) => p.bass.style, say: 'bass line now {after} (was {before})' },
  { get: (p) => p.drums.groove, say: 'drum groove now {after} (was {before})' },
  { get: (p) => p.rhythm.feel, say: 'feel now {after} (was {before})' },
  { get: (p) => p.style, say: 'style now {after} (was {before})' },
];

// Switches: [what it says when turned on, when turned off].
const SWITCHES: { get: (p: P) => boolean; on: string; off: string }[] = [
  { get: (p) => p.drums.enabled, on: 'drums on', off: 'drums off' },
  { get: (p) => p.drums.fills, on: 'drum fills on', off: 'drum fills off' },
  { get: (p) => p.harmony.extensions, on: 'sevenths and colour tones added', off: 'plain triads (no sevenths or colour tones)' },
  { get: (p) => p.harmony.borrowed, on: 'borrowed chords allowed', off: 'no borrowed chords' },
];

const ORDINALS = ['first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth'];

/**
 * The changes from `before` to `after` as short sentences; empty when nothing changed.
 * @example diffVersions(v1, v2) // ['slower: 96 → 72 bpm', 'a bridge was added after the second chorus']
 */
export function diffVersions(before: SongVersion, after: SongVersion): string[] {
  const a = before.params;
  const b = after.params;
  const out: string[] = [];
  if (a.tempo !== b.tempo) out.push(`${b.tempo > a.tempo ? 'faster' : 'slower'}: ${a.tempo} → ${b.tempo} bpm`);
  if (a.key !== b.key || a.mode !== b.mode) out.push(`now in ${b.key} ${b.mode} (was ${a.key} ${a.mode})`);
  if (a.meter !== b.meter) out.push(`meter ${a.meter} → ${b.meter}`);
  for (const s of SCALES) {
    const [x, y] = [s.get(a), s.get(b)];
    if (Math.abs(x - y) > 1e-9) out.push(`${y > x ? s.up : s.down} (${s.label} ${num(x)} → ${num(y)})`);
  }
  out.push(...diffSections(a.sections, b.sections));
  out.push(...diffArrangements(a.sections, before.sketch, b.sections, after.sketch));
  if (before.sketch.bars !== after.sketch.bars) out.push(`now ${after.sketch.bars} bars long (was ${before.sketch.bars})`);
  out.push(...diffMelody(before, after));
  for (const s of SWITCHES) if (s.get(a) !== s.get(b)) out.push(s.get(b) ? s.on : s.off);
  for (const c of CHOICES) {
    const [x, y] = [c.get(a), c.get(b)];
    const word = (v: string | number | undefined) => (v === undefined ? 'none' : (c.words?.[String(v)] ?? String(v)));
    if (x !== y) out.push(c.say.replace('{after}', word(y)).replace('{before}', word(x)));
  }
  if (out.length === 0 && before.sketch.seed !== after.sketch.seed) out.push(`a new take of the same choices (seed ${before.sketch.seed} → ${after.sketch.seed})`);
  return out;
}

/** The musician's own tune coming in, moving or going (music/harmonize): its notes replace the engine's there. */
function diffGiven(before: SongVersion, after: SongVersion): string[] {
  const [a, b] = [before.params.givenMelody, after.params.givenMelody];
  if (JSON.stringify(a) === JSON.stringify(b)) return [];
  if (!b) return ['the engine writes the melody again (your tune is no longer in it)'];
  const where = b.use === 'whole' ? 'as the whole melody' : b.use === 'motif' ? 'as a motif opening every section' : `as the melody of every ${b.section}`;
  return [`your tune (${b.notes.length} notes) ${where}, with chords written around it`];
}

function diffMelody(before: SongVersion, after: SongVersion): string[] {
  const out: string[] = diffGiven(before, after);
  const [a, b] = [before.params.melody, after.params.melody];
  if (a.density !== b.density) {
    const count = (s: Sketch) => s.tracks.find((t) => t.id === 'melody')?.notes.length ?? 0;
    out.push(`melody ${b.density < a.density ? 'sparser' : 'busier'} (${count(before.sketch)} → ${count(after.sketch)} notes)`);
  }
  if (a.low !== b.low || a.high !== b.high) {
    const range = (m: typeof a) => `${Midi.midiToNoteName(m.low)}–${Midi.midiToNoteName(m.high)}`;
    out.push(`melody range now ${range(b)} (was ${range(a)})`);
  }
  return out;
}

const article = (name: string) => (/^[aeiou]/i.test(name) ? `an ${name}` : `a ${name}`);

/** "the chorus" when there is one, "the second chorus" when there are several. */
function called(list: readonly Section[], index: number): string {
  const name = list[index]!.name;
  const same = list.filter((s) => s.name === name).length;
  const nth = list.slice(0, index + 1).filter((s) => s.name === name).length;
  return same > 1 ? `the ${ORDINALS[nth - 1] ?? `${nth}th`} ${name}` : `the ${name}`;
}

/** Pairs of indices (before, after) of sections kept in place: a longest common subsequence of names. */
function alignSections(a: readonly Section[], b: readonly Section[]): [number, number][] {
  const lcs = a.map(() => new Array<number>(b.length + 1).fill(0));
  lcs.push(new Array<number>(b.length + 1).fill(0));
  for (let i = a.length - 1; i >= 0; i--)
    for (let j = b.length - 1; j >= 0; j--)
      lcs[i]![j] = a[i]!.name === b[j]!.name ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
  const pairs: [number, number][] = [];
  for (let i = 0, j = 0; i < a.length && j < b.length; ) {
    if (a[i]!.name === b[j]!.name) pairs.push([i++, j++]);
    else if (lcs[i + 1]![j]! >= lcs[i]![j + 1]!) i++;
    else j++;
  }
  return pairs;
}

function diffSections(a: readonly Section[], b: readonly Section[]): string[] {
  const out: string[] = [];
  const pairs = alignSections(a, b);
  const keptA = new Set(pairs.map(([i]) => i));
  const keptB = new Set(pairs.map(([, j]) => j));
  const removed = a.map((_, i) => i).filter((i) => !keptA.has(i));
  const added = b.map((_, j) => j).filter((j) => !keptB.has(j));
  const where = (j: number) => (j === 0 ? 'at the start' : `after ${called(b, j - 1)}`);
  for (const j of added) {
    // A section that was taken out in one place and put in another moved.
    const moved = removed.findIndex((i) => a[i]!.name === b[j]!.name);
    if (moved >= 0) {
      out.push(`${called(a, removed[moved]!)} moved: now ${where(j)}`);
      removed.splice(moved, 1);
    } else out.push(`${article(b[j]!.name)} was added ${where(j)}`);
  }
  for (const i of removed) out.push(`${called(a, i)} was removed`);
  out.push(...diffKeptSections(a, b, pairs));
  return out;
}

function diffKeptSections(a: readonly Section[], b: readonly Section[], pairs: [number, number][]): string[] {
  const out: string[] = [];
  const reported = new Set<string>();
  for (const [i, j] of pairs) {
    const [x, y] = [a[i]!, b[j]!];
    if (x.bars !== y.bars) {
      // When every section of this name changed the same way, say it once for all of them.
      const all = pairs.filter(([i2, j2]) => a[i2]!.name === x.name && a[i2]!.bars === x.bars && b[j2]!.bars === y.bars);
      const everywhere = all.length === a.filter((s) => s.name === x.name).length && all.length === b.filter((s) => s.name === y.name).length;
      const key = `${x.name}:${x.bars}:${y.bars}`;
      if (everywhere && !reported.has(key)) {
        reported.add(key);
        out.push(`${all.length > 1 ? `every ${y.name}` : `the ${y.name}`} is now ${y.bars} bars (was ${x.bars})`);
      } else if (!everywhere) out.push(`${called(b, j)} is now ${y.bars} bars (was ${x.bars})`);
    }
    if (Math.abs(x.energy - y.energy) > 1e-9) {
      out.push(`${called(b, j)} ${y.energy > x.energy ? 'has more energy' : 'is gentler'} (energy ${num(x.energy)} → ${num(y.energy)})`);
    }
    if (x.chords.join(' ') !== y.chords.join(' ')) {
      const spell = (c: readonly string[]) => (c.length ? c.join('–') : "the engine's choice");
      out.push(`${called(b, j)} chords now ${spell(y.chords)} (were ${spell(x.chords)})`);
    }
  }
  return out;
}
