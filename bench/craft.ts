/**
 * Songcraft timing (issue #16): a 3-minute sketch from the offline interpreter must generate in
 * ≤ 20 ms at p99, and the cost must grow linearly with the bars. Run: npm run bench -- craft
 */
import { generateSketch } from '../music/generate.ts';
import { SongParameters } from '../music/params.ts';
import { interpretOffline } from '../server/interpret/index.ts';

const quantile = (xs: number[], q: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))] ?? NaN;

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

export async function run(): Promise<void> {
  const texts = ['party anthem for friday night, everyone jumping', 'Die Trennung tut immer noch weh, ich bin traurig und müde', 'nostalgique de mon enfance à la campagne', 'Una canción alegre para la boda de mi hermana'];
  for (let s = 0; s < 30; s++) generateSketch(lasting(180, texts[s % texts.length]!), s);
  const times: number[] = [];
  for (let i = 0; i < 400; i++) {
    const params = lasting(180, texts[i % texts.length]!);
    const t0 = performance.now();
    generateSketch(params, i);
    times.push(performance.now() - t0);
  }
  console.log(`3-minute sketch (4 statements, 400 runs): p50 ${quantile(times, 0.5).toFixed(2)} ms, p99 ${quantile(times, 0.99).toFixed(2)} ms (target ≤ 20 ms p99)`);
  const perBar: string[] = [];
  for (const seconds of [60, 180, 540]) {
    const params = lasting(seconds, texts[0]!);
    const bars = params.sections.reduce((n, s) => n + s.bars, 0);
    const runs: number[] = [];
    for (let i = 0; i < 40; i++) {
      const t0 = performance.now();
      generateSketch(params, i);
      runs.push(performance.now() - t0);
    }
    const ms = quantile(runs, 0.5);
    perBar.push(`${bars} bars ${ms.toFixed(2)} ms (${((ms * 1000) / bars).toFixed(0)} µs/bar)`);
  }
  console.log(`linear in bars (median): ${perBar.join(', ')}`);
}
