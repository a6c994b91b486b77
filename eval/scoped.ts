/**
 * The scoped-requests scorecard: each case's song is made, revised by the request, and both versions
 * are exported as MIDI and read back with an independent reader (midi-file). Sections are found by
 * their marker events; a case holds when the named part in the named sections changed as asked and
 * every other section kept at least 90 % of its notes unchanged (times from the section's start), and
 * of the named part's notes too.
 */
import { generateSketch } from '../music/generate.ts';
import { sketchToMidi } from '../music/midi/export.ts';
import { pairNotes, readBack } from '../music/midi/testing.ts';
import type { SongParameters } from '../music/params.ts';
import { SCOPED_CASES, type ScopedCase, type Target } from './scoped-cases.ts';

/** Keep at least this share of notes in every section the request did not name. */
export const KEEP = 0.9;
/** The eval passes when at least 7 of 8 cases hold. */
export const SCOPED_THRESHOLD = 7 / 8;

interface Note { pitch: number; start: number; duration: number; velocity: number }
interface MidiSection { name: string; start: number; end: number; parts: Record<string, Note[]> }

const PART_OF_TRACK: Record<string, string> = { Melody: 'melody', Chords: 'chords', Bass: 'bass', Drums: 'drums' };

/** Read a MIDI file's sections (markers) and each track's notes inside them. */
export function midiSections(bytes: Uint8Array): MidiSection[] {
  const { tracks } = readBack(bytes);
  const markers = tracks.flatMap((t) => t.filter((e) => e.type === 'marker').map((e) => ({ name: (e as { text: string }).text.trim().toLowerCase(), tick: e.tick })));
  const end = Math.max(...tracks.map((t) => t.at(-1)?.tick ?? 0));
  const sections: MidiSection[] = markers.map((m, i) => ({ name: m.name, start: m.tick, end: markers[i + 1]?.tick ?? end + 1, parts: {} }));
  for (const t of tracks) {
    const name = t.find((e) => e.type === 'trackName') as { text: string } | undefined;
    const part = name ? PART_OF_TRACK[name.text] : undefined;
    if (!part) continue;
    for (const s of sections) s.parts[part] = [];
    for (const n of pairNotes(t)) sections.find((s) => n.start >= s.start && n.start < s.end)?.parts[part]!.push(n);
  }
  return sections;
}

/** "chorus#2" for the second chorus: how sections are paired across versions. */
function keyed(sections: MidiSection[]): Map<string, MidiSection> {
  const seen = new Map<string, number>();
  return new Map(sections.map((s) => {
    const n = (seen.get(s.name) ?? 0) + 1;
    seen.set(s.name, n);
    return [`${s.name}#${n}`, s];
  }));
}

const matches = (key: string, t: Target, count: number) => {
  const [name, n] = key.split('#') as [string, string];
  if (name !== t.name) return false;
  return !t.nth || (t.nth < 0 ? Number(n) === count + 1 + t.nth : Number(n) === t.nth);
};

/** Share of `a`'s notes found unchanged in `b` (only `part`'s, when given), times from each section's start. */
function kept(a: MidiSection, b: MidiSection, part?: string): number {
  const key = (n: Note, from: number) => `${n.pitch}:${n.start - from}:${n.duration}:${n.velocity}`;
  const of = (s: MidiSection) => (part ? [s.parts[part] ?? []] : Object.values(s.parts));
  const pool = new Map<string, number>();
  for (const notes of of(b)) for (const n of notes) pool.set(key(n, b.start), (pool.get(key(n, b.start)) ?? 0) + 1);
  let total = 0;
  let same = 0;
  for (const notes of of(a)) for (const n of notes) {
    total++;
    const k = key(n, a.start);
    if ((pool.get(k) ?? 0) > 0) { same++; pool.set(k, pool.get(k)! - 1); }
  }
  return total ? same / total : 1;
}

const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : 0);

/** Did this part of this section change as asked? A failure line, or null. */
function changed(c: ScopedCase, a: MidiSection, b: MidiSection, part: string): string | null {
  const [x, y] = [a.parts[part] ?? [], b.parts[part] ?? []];
  const vel = (ns: Note[]) => mean(ns.map((n) => n.velocity));
  const pitch = (ns: Note[]) => mean(ns.map((n) => n.pitch));
  const ok: Record<string, () => boolean> = {
    silent: () => x.length > 0 && y.length === 0,
    softer: () => y.length > 0 && vel(y) < vel(x) * 0.95,
    louder: () => y.length > 0 && vel(y) > vel(x) * 1.05,
    sparser: () => y.length < x.length,
    busier: () => y.length > x.length,
    lower: () => y.length > 0 && pitch(y) <= pitch(x) - 5,
    higher: () => y.length > 0 && pitch(y) >= pitch(x) + 5,
    bigger: () => y.length > x.length || vel(y) > vel(x) * 1.05,
  };
  return ok[c.change]!() ? null : `${part} in ${a.name} not ${c.change} (${x.length} → ${y.length} notes, velocity ${vel(x).toFixed(0)} → ${vel(y).toFixed(0)}, pitch ${pitch(x).toFixed(1)} → ${pitch(y).toFixed(1)})`;
}

/** Judge one case on the MIDI of the two versions. */
export function judge(c: ScopedCase, beforeMidi: Uint8Array, afterMidi: Uint8Array): string[] {
  const failures: string[] = [];
  const before = keyed(midiSections(beforeMidi));
  const after = keyed(midiSections(afterMidi));
  const countOf = (m: Map<string, MidiSection>, name: string) => [...m.keys()].filter((k) => k.startsWith(`${name}#`)).length;
  const named = (k: string, m: Map<string, MidiSection>) => matches(k, c.target, countOf(m, c.target.name));
  if (c.change === 'added') {
    const fresh = [...after.keys()].filter((k) => k.startsWith(`${c.target.name}#`) && !before.has(k));
    if (!fresh.length) failures.push(`no new ${c.target.name}`);
    if (c.after) {
      const order = [...after.keys()];
      const anchor = order.find((k) => matches(k, c.after!, countOf(after, c.after!.name)));
      if (!anchor || !order[order.indexOf(anchor) + 1]?.startsWith(`${c.target.name}#`)) failures.push(`the ${c.target.name} does not follow ${c.after.name} ${c.after.nth ?? ''}`);
    }
  } else {
    const targets = [...before.keys()].filter((k) => named(k, before));
    if (!targets.length) failures.push(`the song has no ${c.target.name}`);
    for (const k of targets) {
      const [a, b] = [before.get(k)!, after.get(k)];
      if (!b) { failures.push(`${k} is gone`); continue; }
      const parts = c.part === 'all' ? Object.keys(a.parts).filter((p) => (a.parts[p] ?? []).length > 0) : [c.part];
      const lines = parts.map((p) => changed(c, a, b, p)).filter((x): x is string => x !== null);
      // A whole section grows when most of its parts do; a named part must itself change.
      if (c.part === 'all' ? lines.length > parts.length / 2 : lines.length) failures.push(...lines);
    }
  }
  for (const [k, a] of before) {
    if (c.change !== 'added' && named(k, before)) continue;
    const b = after.get(k);
    if (!b) { failures.push(`${k} is gone`); continue; }
    const share = kept(a, b);
    if (share < KEEP) failures.push(`${k} kept only ${(share * 100).toFixed(0)} % of its notes`);
    // The named part must stay too: a small part (the bass is a tenth of the notes) changed everywhere hides in the total.
    const own = c.part === 'all' || c.change === 'added' ? 1 : kept(a, b, c.part);
    if (own < KEEP) failures.push(`${k} kept only ${(own * 100).toFixed(0)} % of its ${c.part} notes`);
  }
  return failures;
}

export interface ScopedResult { request: string; failures: string[] }

/** Run every case through a reviser and judge it on the notes. */
export async function scoreScoped(
  interpret: (text: string) => Promise<SongParameters>,
  revise: (p: SongParameters, request: string) => Promise<SongParameters>,
  cases: readonly ScopedCase[] = SCOPED_CASES,
): Promise<{ results: ScopedResult[]; passed: number; total: number }> {
  const results: ScopedResult[] = [];
  for (const c of cases) {
    const start = await interpret(c.start);
    const next = await revise(start, c.request);
    const failures = judge(c, sketchToMidi(generateSketch(start, c.seed)), sketchToMidi(generateSketch(next, c.seed)));
    results.push({ request: c.request, failures });
  }
  return { results, passed: results.filter((r) => !r.failures.length).length, total: results.length };
}

/** The scorecard as text. */
export function formatScoped(card: { results: ScopedResult[]; passed: number; total: number }, runner: string): string {
  const lines = [`## scoped requests (${runner}), judged on MIDI notes per section: ${card.passed}/${card.total} (${((100 * card.passed) / Math.max(1, card.total)).toFixed(0)}%, threshold ${(SCOPED_THRESHOLD * 100).toFixed(1)}%)`];
  for (const r of card.results) if (r.failures.length) lines.push(`  ✗ "${r.request}": ${r.failures.slice(0, 3).join('; ')}`);
  return lines.join('\n');
}
