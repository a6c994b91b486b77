/**
 * Score an interpreter against the fixtures: each fixture passes when every one of its checks
 * holds. The same code scores the offline path and the LLM path.
 */
import type { SongParameters } from '../music/params.ts';
import { REVISIONS, STATEMENTS, type RevisionCheck, type StatementCheck } from './fixtures.ts';

/** Anything that can interpret and revise: the offline functions, or the LLM facade. */
export interface Runner {
  name: string;
  interpret: (text: string) => Promise<SongParameters>;
  revise: (params: SongParameters, request: string) => Promise<{ params: SongParameters; unrecognised?: boolean }>;
}

export interface Result { kind: 'statement' | 'revision'; category: string; text: string; failures: string[] }

export interface Scorecard {
  runner: string;
  results: Result[];
  passed: number;
  total: number;
  /** passed / total per category, in first-seen order. */
  categories: { category: string; passed: number; total: number }[];
}

/** Above this distance from 0 a valence or arousal counts as having a sign. */
const SIGN = 0.05;

function checkStatement(p: SongParameters, e: StatementCheck): string[] {
  const f: string[] = [];
  if (e.valence === 'positive' && !(p.valence > SIGN)) f.push(`valence ${p.valence} should be positive`);
  if (e.valence === 'negative' && !(p.valence < -SIGN)) f.push(`valence ${p.valence} should be negative`);
  if (e.arousal === 'high' && !(p.arousal > SIGN)) f.push(`arousal ${p.arousal} should be high`);
  if (e.arousal === 'low' && !(p.arousal < -SIGN)) f.push(`arousal ${p.arousal} should be low`);
  if (e.mode && !e.mode.includes(p.mode)) f.push(`mode ${p.mode} should be one of ${e.mode.join(', ')}`);
  if (e.key && p.key !== e.key) f.push(`key ${p.key} should be ${e.key}`);
  if (e.tempo && !(p.tempo >= e.tempo[0] && p.tempo <= e.tempo[1])) f.push(`tempo ${p.tempo} should be in ${e.tempo.join('–')}`);
  if (e.meter && p.meter !== e.meter) f.push(`meter ${p.meter} should be ${e.meter}`);
  if (e.drums !== undefined && p.drums.enabled !== e.drums) f.push(`drums ${p.drums.enabled ? 'on' : 'off'} should be ${e.drums ? 'on' : 'off'}`);
  if (e.style && !(p.style ?? '').toLowerCase().includes(e.style)) f.push(`style ${p.style} should mention ${e.style}`);
  if (e.hasSection && !p.sections.some((s) => s.name === e.hasSection)) f.push(`should have a ${e.hasSection}`);
  if (e.lacksSection && p.sections.some((s) => s.name === e.lacksSection)) f.push(`should have no ${e.lacksSection}`);
  if (e.chords && p.harmony.comping !== e.chords) f.push(`comping ${p.harmony.comping} should be ${e.chords}`);
  if (e.feel && p.rhythm.feel !== e.feel) f.push(`feel ${p.rhythm.feel} should be ${e.feel}`);
  const playing = Object.values(p.instruments) as string[];
  for (const i of e.instruments ?? []) if (!playing.includes(i)) f.push(`${i} should play (has ${playing.join(', ')})`);
  for (const i of e.noInstruments ?? []) if (playing.includes(i)) f.push(`${i} should not play`);
  return f;
}

const bars = (p: SongParameters, name?: string) => p.sections.filter((s) => name === undefined || s.name === name).reduce((n, s) => n + s.bars, 0);
const first = (p: SongParameters, name: string) => p.sections.find((s) => s.name === name);

function checkRevision(a: SongParameters, b: SongParameters, unrecognised: boolean | undefined, e: RevisionCheck): string[] {
  const f: string[] = [];
  const dir = (what: string, before: number, after: number, want: 'up' | 'down') => {
    if (want === 'up' ? !(after > before) : !(after < before)) f.push(`${what} ${before} → ${after} should go ${want}`);
  };
  if (e.valence) dir('valence', a.valence, b.valence, e.valence);
  if (e.arousal) dir('arousal', a.arousal, b.arousal, e.arousal);
  if (typeof e.tempo === 'number' && b.tempo !== e.tempo) f.push(`tempo ${b.tempo} should be ${e.tempo}`);
  if (typeof e.tempo === 'string') dir('tempo', a.tempo, b.tempo, e.tempo);
  if (e.key && b.key !== e.key) f.push(`key ${b.key} should be ${e.key}`);
  if (e.mode && !e.mode.includes(b.mode)) f.push(`mode ${b.mode} should be one of ${e.mode.join(', ')}`);
  if (e.meter && b.meter !== e.meter) f.push(`meter ${b.meter} should be ${e.meter}`);
  if (e.drums === 'off' && b.drums.enabled) f.push('drums should be off');
  if (e.drums === 'sparser' && !(b.drums.density < a.drums.density || (!b.drums.fills && a.drums.fills))) f.push('drums should be simpler');
  if (e.drums === 'busier') dir('drum density', a.drums.density, b.drums.density, 'up');
  if (e.melody === 'sparser') dir('melody density', a.melody.density, b.melody.density, 'down');
  if (e.melody === 'busier') dir('melody density', a.melody.density, b.melody.density, 'up');
  if (e.melody === 'higher') dir('melody top', a.melody.high, b.melody.high, 'up');
  if (e.melody === 'lower') dir('melody bottom', a.melody.low, b.melody.low, 'down');
  if (e.swing) dir('swing', a.rhythm.swing, b.rhythm.swing, 'up');
  if (e.dynamics) dir('level', a.dynamics.level, b.dynamics.level, e.dynamics);
  if (e.bars) dir('bars', bars(a), bars(b), e.bars === 'more' ? 'up' : 'down');
  if (e.hasSection && !b.sections.some((s) => s.name === e.hasSection)) f.push(`should have a ${e.hasSection}`);
  if (e.lacksSection && b.sections.some((s) => s.name === e.lacksSection)) f.push(`should have no ${e.lacksSection}`);
  if (e.longer) dir(`${e.longer} bars`, bars(a, e.longer), bars(b, e.longer), 'up');
  if (e.lifts) {
    const before = first(a, e.lifts);
    const after = first(b, e.lifts);
    if (!before || !after) f.push(`no ${e.lifts} to lift`);
    else {
      dir(`${e.lifts} valence`, a.valence + before.valenceOffset, b.valence + after.valenceOffset, 'up');
      dir(`${e.lifts} energy`, before.energy, after.energy, 'up');
    }
  }
  if (e.instrument && b.instruments.melody !== e.instrument && b.instruments.chords !== e.instrument) f.push(`should be played on ${e.instrument}`);
  for (const key of e.unchanged ?? []) {
    if (JSON.stringify(a[key as keyof SongParameters]) !== JSON.stringify(b[key as keyof SongParameters])) f.push(`${key} should not change`);
  }
  if (e.unrecognised !== undefined && unrecognised !== undefined && unrecognised !== e.unrecognised) f.push(`unrecognised should be ${e.unrecognised}`);
  return f;
}

/** Run every fixture through `runner` and tally the results. */
export async function score(runner: Runner): Promise<Scorecard> {
  const results: Result[] = [];
  for (const s of STATEMENTS) {
    const failures = await runner.interpret(s.text).then((p) => checkStatement(p, s.expect), (error: unknown) => [`threw: ${String(error)}`]);
    results.push({ kind: 'statement', category: s.category, text: s.text, failures });
  }
  for (const r of REVISIONS) {
    // The LLM is not asked to say "I did not understand", so that fixture is offline-only.
    if (r.expect.unrecognised !== undefined && runner.name !== 'offline') continue;
    const failures = await runner
      .interpret(r.start)
      .then(async (start) => { const out = await runner.revise(start, r.request); return checkRevision(start, out.params, out.unrecognised, r.expect); })
      .catch((error: unknown) => [`threw: ${String(error)}`]);
    results.push({ kind: 'revision', category: `revise: ${r.category}`, text: r.request, failures });
  }
  const categories: Scorecard['categories'] = [];
  for (const r of results) {
    let c = categories.find((x) => x.category === r.category);
    if (!c) categories.push((c = { category: r.category, passed: 0, total: 0 }));
    c.total++;
    if (!r.failures.length) c.passed++;
  }
  return { runner: runner.name, results, passed: results.filter((r) => !r.failures.length).length, total: results.length, categories };
}

/** The scorecard as text: one line per category, then every failure. */
export function formatScorecard(card: Scorecard): string {
  const pct = (n: number, d: number) => `${((100 * n) / Math.max(1, d)).toFixed(0)}%`;
  const lines = [`## ${card.runner}: ${card.passed}/${card.total} (${pct(card.passed, card.total)})`];
  for (const c of card.categories) lines.push(`  ${c.category.padEnd(28)} ${String(c.passed).padStart(3)}/${c.total}`);
  for (const r of card.results) if (r.failures.length) lines.push(`  ✗ [${r.category}] "${r.text}": ${r.failures.join('; ')}`);
  return lines.join('\n');
}
