/**
 * Songcraft timing (issue #16): a 3-minute sketch from the offline interpreter must generate in
 * ≤ 20 ms at p99, and the cost must grow linearly with the bars — with orchestration on, as every
 * new sketch plays (engine 3.2.0), and beside it as written. Wall time is what a musician waits;
 * The compiled engine is timed (see below). CPU time (process.cpuUsage) is printed too, since a busy machine inflates wall time but not the
 * work done, and the load average is printed with every figure. Run: npm run bench -- craft
 */
import { loadavg } from 'node:os';
import { ensureCompiled } from '../scripts/compile.mjs';
import type * as Generate from '../music/generate.ts';
import type * as Params from '../music/params.ts';
import type * as Interpret from '../server/interpret/index.ts';

// The engine as it runs for a musician: the compiled .build/ tree that the server's worker pool
// and the CLI load, not this file's tsx transform (whose keepNames wrappers made generation ~1.6× slower here).
await ensureCompiled('server');
const build = (file: string) => new URL(`../.build/${file}`, import.meta.url).href;
const { generateSketch } = (await import(build('music/generate.js'))) as typeof Generate;
const { SongParameters } = (await import(build('music/params.js'))) as typeof Params;
const { interpretOffline } = (await import(build('server/interpret/index.js'))) as typeof Interpret;
type SongParameters = Params.SongParameters;

const quantile = (xs: number[], q: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))] ?? NaN;
const load = () => `load ${loadavg().map((x) => x.toFixed(2)).join(' ')}`;

/** Params for a song of about `seconds` at its tempo: the interpreter's form, its body repeated or cut to length. */
function lasting(seconds: number, text: string): SongParameters {
  const p = interpretOffline(text).params;
  const secondsPerBar = (4 * 60) / p.tempo;
  const want = Math.round(seconds / secondsPerBar);
  const sections = [];
  for (let bars = 0, i = 0; bars < want; i++) {
    const s = p.sections[i % p.sections.length]!;
    const take = Math.min(s.bars, want - bars);
    sections.push({ ...s, bars: take });
    bars += take;
  }
  return SongParameters.parse({ ...p, sections });
}

/** One generation's wall and CPU milliseconds. */
function timed(params: SongParameters, seed: number): { wall: number; cpu: number } {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  generateSketch(params, seed);
  const wall = performance.now() - t0;
  const c = process.cpuUsage(c0);
  return { wall, cpu: (c.user + c.system) / 1000 };
}

const MODES = [['orchestrated (default)', undefined], ['as written', 'as-written']] as const;

export async function run(): Promise<void> {
  const texts = ['party anthem for friday night, everyone jumping', 'Die Trennung tut immer noch weh, ich bin traurig und müde', 'nostalgique de mon enfance à la campagne', 'Una canción alegre para la boda de mi hermana'];
  const songs = texts.map((t) => lasting(180, t));
  for (let s = 0; s < 30; s++) generateSketch(songs[s % songs.length]!, s);
  for (const [label, orchestration] of MODES) {
    const wall: number[] = [];
    const cpu: number[] = [];
    // Interleaved statements and seeds, so a burst of load from elsewhere spreads over all of them.
    for (let i = 0; i < 400; i++) {
      const t = timed({ ...songs[i % songs.length]!, ...(orchestration ? { orchestration } : {}) }, i);
      wall.push(t.wall);
      cpu.push(t.cpu);
    }
    console.log(`3-minute sketch, ${label} (4 statements, 400 runs): wall p50 ${quantile(wall, 0.5).toFixed(2)} ms, p99 ${quantile(wall, 0.99).toFixed(2)} ms; CPU p50 ${quantile(cpu, 0.5).toFixed(2)} ms, p99 ${quantile(cpu, 0.99).toFixed(2)} ms (target ≤ 20 ms p99) — ${load()}`);
  }
  const perBar: string[] = [];
  for (const seconds of [60, 180, 540]) {
    const params = lasting(seconds, texts[0]!);
    const bars = params.sections.reduce((n, s) => n + s.bars, 0);
    const runs: number[] = [];
    for (let i = 0; i < 40; i++) runs.push(timed(params, i).cpu);
    const ms = quantile(runs, 0.5);
    perBar.push(`${bars} bars ${ms.toFixed(2)} ms (${((ms * 1000) / bars).toFixed(0)} µs/bar)`);
  }
  console.log(`linear in bars, orchestrated (median CPU): ${perBar.join(', ')} — ${load()}`);
}
