/**
 * Score an interpreter on the mood set: a statement is right on a point when the song's mode is in
 * the labelled family, its tempo in the range, its energy on the labelled side. Tallied overall and
 * per language, kind and voice, so a weak corner shows.
 */
import type { SongParameters } from '../../music/params.ts';
import type { MoodStatement } from './set.ts';

/** Modes by family. "modal-mixed" also accepts a major or minor song that borrows chords across. */
export const MAJOR_FAMILY: ReadonlySet<string> = new Set(['major', 'ionian', 'lydian', 'mixolydian', 'major pentatonic']);
export const MINOR_FAMILY: ReadonlySet<string> = new Set(['minor', 'aeolian', 'dorian', 'phrygian', 'harmonic minor', 'melodic minor', 'minor pentatonic', 'minor blues', 'locrian']);
export const MODAL: ReadonlySet<string> = new Set(['dorian', 'mixolydian']);

/**
 * Energy is read from the overall dynamic level (0.35 at the calmest, 0.85 at the most excited,
 * 0.6 at neutral). "mid" is a band around neutral that overlaps both sides on purpose.
 */
export const ENERGY = { lowBelow: 0.57, highAbove: 0.63, mid: [0.45, 0.75] } as const;

export type Point = 'family' | 'tempo' | 'energy';
export interface MoodResult { statement: MoodStatement; got: { mode: string; tempo: number; energy: number; borrowed: boolean }; failed: Point[] }

/** Which of the three points `p` gets wrong for `s`. */
export function checkMood(s: MoodStatement, p: SongParameters): Point[] {
  const failed: Point[] = [];
  const family = s.family === 'major' ? MAJOR_FAMILY.has(p.mode)
    : s.family === 'minor' ? MINOR_FAMILY.has(p.mode)
    : MODAL.has(p.mode) || (p.harmony.borrowed && (p.mode === 'major' || p.mode === 'minor'));
  if (!family) failed.push('family');
  if (!(p.tempo >= s.tempo[0] && p.tempo <= s.tempo[1])) failed.push('tempo');
  const e = p.dynamics.level;
  const energy = s.energy === 'low' ? e < ENERGY.lowBelow : s.energy === 'high' ? e > ENERGY.highAbove : e >= ENERGY.mid[0] && e <= ENERGY.mid[1];
  if (!energy) failed.push('energy');
  return failed;
}

/** Run every statement through `interpret` and check it. */
export async function runMood(set: readonly MoodStatement[], interpret: (text: string) => Promise<SongParameters>): Promise<MoodResult[]> {
  const out: MoodResult[] = [];
  for (const statement of set) {
    const p = await interpret(statement.text);
    out.push({ statement, got: { mode: p.mode, tempo: p.tempo, energy: p.dynamics.level, borrowed: p.harmony.borrowed }, failed: checkMood(statement, p) });
  }
  return out;
}

export interface Tally { group: string; n: number; family: number; tempo: number; energy: number; all: number }

/** Counts right per point and on all three, for each value of `by` (plus "all"). */
export function tally(results: readonly MoodResult[], by: (s: MoodStatement) => string): Tally[] {
  const rows = new Map<string, Tally>();
  const add = (group: string, r: MoodResult) => {
    const t = rows.get(group) ?? { group, n: 0, family: 0, tempo: 0, energy: 0, all: 0 };
    t.n++;
    if (!r.failed.includes('family')) t.family++;
    if (!r.failed.includes('tempo')) t.tempo++;
    if (!r.failed.includes('energy')) t.energy++;
    if (!r.failed.length) t.all++;
    rows.set(group, t);
  };
  for (const r of results) { add('all', r); add(by(r.statement), r); }
  return [...rows.values()];
}

/** The scorecard as a text table: overall, then per language, kind and voice, then every miss. */
export function formatMood(title: string, results: readonly MoodResult[]): string {
  const pct = (k: number, n: number) => `${((100 * k) / Math.max(1, n)).toFixed(0)}%`.padStart(5);
  const lines = [`## ${title}`, `  ${'group'.padEnd(18)}    n  family  tempo energy   all three`];
  const row = (t: Tally) => `  ${t.group.padEnd(18)} ${String(t.n).padStart(4)}  ${pct(t.family, t.n)}  ${pct(t.tempo, t.n)}  ${pct(t.energy, t.n)}   ${pct(t.all, t.n)} (${t.all}/${t.n})`;
  const seen = new Set<string>();
  for (const by of [(s: MoodStatement) => s.lang, (s: MoodStatement) => s.kind, (s: MoodStatement) => s.voice]) {
    for (const t of tally(results, by)) if (!seen.has(t.group)) { seen.add(t.group); lines.push(row(t)); }
  }
  for (const r of results) {
    if (!r.failed.length) continue;
    const s = r.statement;
    lines.push(`  ✗ [${s.id}] "${s.text.slice(0, 70)}": ${r.failed.join(', ')} (want ${s.family} ${s.tempo.join('–')} ${s.energy}; got ${r.got.mode}${r.got.borrowed ? '+borrowed' : ''} ${r.got.tempo} bpm, level ${r.got.energy})`);
  }
  return lines.join('\n');
}

/** Share of statements right on all three points. */
export const allThree = (results: readonly MoodResult[]) => results.filter((r) => !r.failed.length).length / Math.max(1, results.length);
