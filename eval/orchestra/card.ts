/**
 * `npm run eval orchestra` — orchestration that follows the song (issue #17 item 4). 40 songs:
 * every style the arrangement templates name × two seeds, over three forms and seven keys
 * (forms.json), generated as the engine plays them (orchestration follows by default) and with
 * `orchestration: 'as-written'`. Measured from the notes
 * (music/arrange/orchestraMeasure.ts): loud sections sound more voices than middling ones, quiet
 * sections fewer, and no note lies outside its instrument's comfortable range.
 */
import { readFileSync } from 'node:fs';
import { generateSketch } from '../../music/generate.ts';
import { SongParameters } from '../../music/params.ts';
import { applyStyle } from '../../music/styles/apply.ts';
import { ARRANGEMENTS, tierFor } from '../../music/styles/arrangements.ts';
import { outOfRange, soundingVoices } from '../../music/arrange/orchestraMeasure.ts';
import type { Sketch } from '../../music/sketch.ts';

const SET = JSON.parse(readFileSync(new URL('./forms.json', import.meta.url), 'utf8')) as { forms: object[][]; keys: [string, string][] };
export const TARGETS = { louder: 0.9, quieter: 0.9, outOfRange: 0 } as const;

/** The card's songs: params for each style × seed (orchestration is set per run). */
export function orchestraSet(): { style: string; seed: number; params: SongParameters }[] {
  const styles = Object.keys(ARRANGEMENTS.styles);
  return styles.flatMap((style, i) =>
    [1, 2].map((seed, j) => {
      const k = i * 2 + j;
      const [key, mode] = SET.keys[k % SET.keys.length]!;
      const base = SongParameters.parse({ key, mode, sections: SET.forms[k % SET.forms.length] });
      return { style, seed, params: applyStyle(base, style) };
    }),
  );
}

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);

/** Mean voices of a sketch's sections in each energy tier. */
function byTier(sketch: Sketch): Record<'low' | 'mid' | 'high', number | null> {
  const voices = soundingVoices(sketch);
  // The last section never drops a part (the song ends with every part together), so a quiet outro is not judged as a breakdown.
  const last = sketch.sections.length - 1;
  const of = (tier: string) => {
    const xs = sketch.sections.map((s, i) => (tierFor(s.energy) === tier && !(tier === 'low' && i === last) ? voices[i]! : null)).filter((x): x is number => x !== null);
    return xs.length ? mean(xs) : null;
  };
  return { low: of('low'), mid: of('mid'), high: of('high') };
}

export function orchestraCard(): { ok: boolean; text: string } {
  const rows = orchestraSet().map(({ style, seed, params }) => {
    // Orchestration follows by default (engine 3.2.0); 'as-written' is the opt-out measured beside it.
    const follow = generateSketch(params, seed);
    const written = generateSketch({ ...params, orchestration: 'as-written' }, seed);
    return { style, seed, follow: byTier(follow), written: byTier(written), out: outOfRange(follow), outWritten: outOfRange(written).length, notes: follow.tracks.reduce((n, t) => n + t.notes.length, 0) };
  });
  const share = (pick: (r: (typeof rows)[number]) => boolean | null) => {
    const judged = rows.map(pick).filter((x): x is boolean => x !== null);
    return { share: judged.filter(Boolean).length / Math.max(1, judged.length), n: judged.length };
  };
  const cmp = (a: number | null, b: number | null, more: boolean) => (a === null || b === null ? null : more ? a > b : a < b);
  const louder = share((r) => cmp(r.follow.high, r.follow.mid, true));
  const louderWritten = share((r) => cmp(r.written.high, r.written.mid, true));
  const quieter = share((r) => cmp(r.follow.low, r.follow.mid, false));
  const quieterWritten = share((r) => cmp(r.written.low, r.written.mid, false));
  const outNotes = rows.reduce((n, r) => n + r.out.length, 0);
  const allNotes = rows.reduce((n, r) => n + r.notes, 0);
  const outByPart = new Map<string, number>();
  for (const r of rows) for (const o of r.out) outByPart.set(`${o.track} (${o.instrument})`, (outByPart.get(`${o.track} (${o.instrument})`) ?? 0) + 1);
  const gain = mean(rows.filter((r) => r.follow.high !== null && r.written.high !== null).map((r) => r.follow.high! - r.written.high!));
  const pct = (x: number) => `${(x * 100).toFixed(0)}%`;
  const ok = louder.share >= TARGETS.louder && quieter.share >= TARGETS.quieter && outNotes === TARGETS.outOfRange;
  const lines = [
    `Orchestration (issue #17 item 4): ${rows.length} songs, ${Object.keys(ARRANGEMENTS.styles).length} styles × 2 seeds, following their energy, the default (as written in brackets)`,
    `  high-energy sections sound more voices than mid ones   ${pct(louder.share)} of ${louder.n} songs (as written ${pct(louderWritten.share)})   target ≥ ${pct(TARGETS.louder)}`,
    `  low-energy sections (not the last) sound fewer voices ${pct(quieter.share)} of ${quieter.n} songs (as written ${pct(quieterWritten.share)})   target ≥ ${pct(TARGETS.quieter)}`,
    `  voices added in high-energy sections (mean)             +${gain.toFixed(2)}`,
    `  notes outside their instrument's comfortable range      ${outNotes} of ${allNotes} (as written ${rows.reduce((n, r) => n + r.outWritten, 0)})   target ${TARGETS.outOfRange}`,
    ...[...outByPart].sort((a, b) => b[1] - a[1]).slice(0, 8).map(([k, v]) => `    ${k}: ${v}`),
    ok ? '  all targets met' : '  TARGETS NOT MET',
  ];
  return { ok, text: lines.join('\n') };
}
