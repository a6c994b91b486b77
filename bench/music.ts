/**
 * Music engine figures: generation time by song length (per-bar cost should stay flat), heap
 * before/after 10,000 sketches in a row (memory should stay flat), and the melody interval
 * histogram over many seeds. Run: npx tsx bench/main.ts music
 */
import { generateSketch } from '../music/generate.ts';
import { SongParameters } from '../music/params.ts';
import { diffSketches } from '../music/sectionDiff.ts';

function paramsFor(bars: number) {
  const sections = [];
  const names = ['verse', 'chorus', 'verse', 'chorus', 'bridge', 'chorus'];
  const size = Math.max(8, bars / 16);
  for (let left = bars, i = 0; left > 0; left -= size, i++) sections.push({ name: names[i % names.length]!, bars: Math.min(size, left), energy: i % 2 ? 0.8 : 0.45 });
  return SongParameters.parse({ sections, harmony: { extensions: true, borrowed: true } });
}

function timeIt(fn: () => void, repeat: number): number {
  const t0 = performance.now();
  for (let i = 0; i < repeat; i++) fn();
  return (performance.now() - t0) / repeat;
}

/** Print the engine's speed, memory and melody-shape figures. */
export async function run(): Promise<void> {
  // Warm up the JIT and Tonal's caches first, or the first size pays for them.
  for (let s = 0; s < 40; s++) generateSketch(paramsFor(64), s);
  for (const bars of [16, 64, 256]) {
    const params = paramsFor(bars);
    const ms = timeIt(() => generateSketch(params, 1), bars >= 256 ? 5 : 20);
    console.log(`${String(bars).padStart(4)} bars: ${ms.toFixed(2)} ms per sketch, ${((ms * 1000) / bars).toFixed(1)} µs per bar`);
  }

  const params = SongParameters.parse({});
  // A scoped revision: every section arranged (the engine's extra work), then the measured diff
  // per section × part that every revision reply is checked against.
  const arranged = SongParameters.parse({
    ...params,
    sections: params.sections.map((s, i) => ({ ...s, arrangement: { drums: { density: i % 2 ? 0.5 : -0.5, level: 0.8 }, melody: { register: i % 3 === 0 ? -1 : 0 }, chords: { instrument: 'strings' as const } } })),
  });
  const plainMs = timeIt(() => generateSketch(params, 1), 40);
  const arrangedMs = timeIt(() => generateSketch(arranged, 1), 40);
  const [v1, v2] = [generateSketch(params, 1), generateSketch(arranged, 1)];
  const diffMs = timeIt(() => diffSketches(v1, v2), 200);
  console.log(`default song: ${plainMs.toFixed(2)} ms per sketch, every section arranged ${arrangedMs.toFixed(2)} ms; measured diff per section × part ${diffMs.toFixed(2)} ms (${((100 * diffMs) / arrangedMs).toFixed(1)} % of a sketch)`);

  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  const before = process.memoryUsage().heapUsed;
  const t0 = performance.now();
  for (let s = 0; s < 10_000; s++) generateSketch(params, s);
  const seconds = (performance.now() - t0) / 1000;
  gc?.();
  const after = process.memoryUsage().heapUsed;
  const mb = (b: number) => (b / 1048576).toFixed(1);
  console.log(`10,000 default sketches: ${seconds.toFixed(1)} s (${((seconds * 1000) / 10_000).toFixed(2)} ms each); heap ${mb(before)} MB → ${mb(after)} MB${gc ? '' : ' (run node with --expose-gc for a settled figure)'}`);

  const buckets: [string, (x: number) => boolean][] = [
    ['0', (x) => x === 0],
    ['1', (x) => x === 1],
    ['2', (x) => x === 2],
    ['3', (x) => x === 3],
    ['4', (x) => x === 4],
    ['5', (x) => x === 5],
    ['7', (x) => x === 7],
    ['>7', (x) => x > 7],
    ['>12', (x) => x > 12],
  ];
  const counts = buckets.map(() => 0);
  let total = 0;
  for (let s = 0; s < 300; s++) {
    const notes = generateSketch(params, s).tracks[0]?.notes ?? [];
    for (let i = 1; i < notes.length; i++) {
      const iv = Math.abs((notes[i]?.pitch ?? 0) - (notes[i - 1]?.pitch ?? 0));
      buckets.forEach(([, test], b) => test(iv) && counts[b]!++);
      total++;
    }
  }
  const row = buckets.map(([label], b) => `${label}: ${((100 * counts[b]!) / Math.max(1, total)).toFixed(1)}%`).join('  ');
  console.log(`melody intervals over 300 default sketches (${total} moves, semitones): ${row}`);
}
