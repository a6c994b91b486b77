/**
 * Lyric figures: what fitting a 3-minute lyric sheet adds to a sketch (target ≤ 20 ms), the
 * one-time cost of loading the pronouncing dictionary in Node, and whether the dictionary stays
 * out of the web app's initial bundle (after `npm run build`). Run: npx tsx bench/main.ts lyrics
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { generateSketch } from '../music/generate.ts';
import { SongParameters } from '../music/params.ts';
import { singable } from '../music/melody/voice.ts';
import { forgetSyllables, syllablesOf } from '../music/lyrics/syllabify.ts';

const VERSE = [
  'The kettle sings at seven in the morning',
  'and nobody is there to hear it now',
  'I fold the empty shirts beside the window',
  'and every single button is a year',
  'the radio is talking to the hallway',
  'the hallway doesn’t answer anymore',
  'I water all the plants you left behind you',
  'they lean towards the light the way you did',
];
const CHORUS = ['Keep going, keep going', 'tomorrow is a river we can follow', 'keep going, keep going', 'and I will carry you along'];
const BRIDGE = ['Maybe it is gentle, maybe it is slow', 'maybe every evening lets a little go', 'and the quiet is a kind of music', 'I am learning how to play'];

/** A 3-minute song at 96 bpm in 4/4 (72 bars) with words in every section but the intro and outro. */
function song(): SongParameters {
  return SongParameters.parse({
    tempo: 96,
    sections: [
      { name: 'intro', bars: 4 },
      { name: 'verse', bars: 16, lyrics: VERSE },
      { name: 'chorus', bars: 8, lyrics: CHORUS },
      { name: 'verse', bars: 16, lyrics: VERSE.map((l) => l.replace('kettle', 'radio')) },
      { name: 'chorus', bars: 8, lyrics: CHORUS },
      { name: 'bridge', bars: 8, lyrics: BRIDGE },
      { name: 'chorus', bars: 8, lyrics: CHORUS },
      { name: 'outro', bars: 4 },
    ],
  });
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? 0;
}

/** Print the lyric figures. */
export async function run(): Promise<void> {
  const sung = song();
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  const heap = process.memoryUsage().heapUsed;
  const cold = performance.now();
  syllablesOf('tomorrow', 'en');
  const loadMs = performance.now() - cold;
  gc?.();
  const mb = (process.memoryUsage().heapUsed - heap) / 1048576;
  console.log(`pronouncing dictionary, first use in this process: ${loadMs.toFixed(0)} ms, heap +${mb.toFixed(1)} MB${gc ? '' : ' (run node with --expose-gc for a settled figure)'} (once; Node requires it on first use)`);

  // The same song and length without words: the difference is the fitting.
  const grown = singable(sung).params;
  const plain = { ...grown, sections: grown.sections.map(({ lyrics: _, ...s }) => s) };
  const seconds = (grown.sections.reduce((n, s) => n + s.bars, 0) * 4 * 60) / grown.tempo;
  for (let i = 0; i < 20; i++) {
    generateSketch(sung, i);
    generateSketch(plain, i);
  }
  // CPU time of this process (user + system), which other work on a busy machine does not inflate the way it does wall time.
  const cpuMs = (fn: () => void) => {
    const before = process.cpuUsage();
    fn();
    const used = process.cpuUsage(before);
    return (used.user + used.system) / 1000;
  };
  const fresh: number[] = [];
  const seen: number[] = [];
  const without: number[] = [];
  for (let i = 0; i < 40; i++) {
    // Fresh words (the syllable memo emptied): the cost of a new or edited lyric sheet.
    forgetSyllables();
    fresh.push(cpuMs(() => generateSketch(sung, i)));
    // The same words again (a revision that keeps them): the memo answers.
    seen.push(cpuMs(() => generateSketch(sung, i)));
    without.push(cpuMs(() => generateSketch(plain, i)));
  }
  const added = median(fresh) - median(without);
  const lines = sung.sections.reduce((n, s) => n + (s.lyrics?.length ?? 0), 0);
  console.log(`${lines} sung lines over ${Math.round(seconds)} s (${grown.sections.reduce((n, s) => n + s.bars, 0)} bars), median CPU ms per sketch: ${median(without).toFixed(2)} without words, ${median(fresh).toFixed(2)} with fresh words → fitting adds ${added.toFixed(2)} ms (target ≤ 20 ms) ${added <= 20 ? 'OK' : 'OVER'}; words seen before: +${(median(seen) - median(without)).toFixed(2)} ms`);

  // The dictionary's own entries ("aaberg") must not be in what the page loads first.
  const dist = path.resolve(import.meta.dirname, '../web/dist');
  if (!existsSync(path.join(dist, 'index.html'))) {
    console.log('initial bundle: not built (npm run build first) — dictionary check skipped');
    return;
  }
  const html = readFileSync(path.join(dist, 'index.html'), 'utf8');
  const initial = [...html.matchAll(/<(?:script[^>]*src|link[^>]*rel="modulepreload"[^>]*href)="\/?([^"]+\.js)"/g)].map((m) => m[1]!);
  const inInitial = initial.filter((f) => readFileSync(path.join(dist, f), 'utf8').includes('"aaberg"'));
  const lazy = readdirSync(path.join(dist, 'assets')).filter((f) => f.endsWith('.js') && readFileSync(path.join(dist, 'assets', f), 'utf8').includes('"aaberg"'));
  console.log(`pronouncing dictionary in the initial bundle: ${inInitial.length ? `YES (${inInitial.join(', ')})` : 'no'}; in lazy chunks: ${lazy.length ? lazy.join(', ') : 'none'}`);
}
