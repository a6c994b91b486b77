/**
 * Call and response, judged: folk-tune phrases from several countries (calls.json) and seeded
 * random calls, each played into the jam's pure logic as a musician would (a phrase, then a rest),
 * answered with five seeds. An answer passes when it starts on the next phrase boundary, keeps the
 * call's length and rhythm, stays in the call's key, comes home on a tonic-chord tone, is not the
 * call again, and sings like it (no leap wider than the call's widest or a fifth, whichever is
 * more, plus a step; its middle within a fifth of the call's). Key finding on the tunes alone is
 * reported too (not gated: a four-note call often fits two keys). Prints; returns the share passed.
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { answerBoundary, answerPhrase, detectKey, phraseLeft, scaleChromas, type PlayedNote } from '../../music/jam/index.ts';
import { createRng } from '../../music/rng.ts';

const BAR = 1920;
const BEAT = 480;
const SEEDS = [1, 2, 3, 4, 5];
const RANDOM_CALLS = 60;
export const LIVE_THRESHOLD = 0.95;

const CallSet = z.object({
  calls: z.array(z.object({ name: z.string(), key: z.string(), mode: z.enum(['major', 'minor']), notes: z.array(z.tuple([z.number().int(), z.number().int().min(1)])).min(1) })).min(1),
});

interface Call {
  name: string;
  key: { tonic: string; mode: 'major' | 'minor' };
  notes: PlayedNote[];
}

/** A call played from `start` (legato, as written). */
function played(notes: readonly (readonly [number, number])[], start: number): PlayedNote[] {
  let t = start;
  return notes.map(([pitch, ticks]) => {
    const n = { pitch, start: t, duration: Math.max(1, ticks - 10), velocity: 0.7 };
    t += ticks;
    return n;
  });
}

/** Seeded random calls: 2–10 notes on a scale, eighths to halves, in a random key. */
function randomCalls(seed: number): Call[] {
  const rng = createRng(seed);
  const tonics = ['C', 'G', 'D', 'A', 'E', 'B', 'F#', 'Db', 'Ab', 'Eb', 'Bb', 'F'];
  return Array.from({ length: RANDOM_CALLS }, (_, i) => {
    const key = { tonic: rng.pick(tonics), mode: rng.pick(['major', 'minor'] as const) };
    const scale = scaleChromas(key);
    const base = 55 + rng.int(0, 12);
    let step = rng.int(0, 6);
    const notes: [number, number][] = Array.from({ length: rng.int(2, 10) }, () => {
      step = Math.max(-3, Math.min(12, step + rng.pick([-2, -1, -1, 1, 1, 2, 3, -3, 0])));
      const octave = Math.floor(step / 7);
      const pc = scale[((step % 7) + 7) % 7]!;
      const pitch = base - (base % 12) + 12 * octave + pc;
      return [pitch, rng.pick([240, 240, 480, 480, 720, 960])];
    });
    return { name: `random #${i + 1} (seed ${seed})`, key, notes: played(notes, 0) };
  });
}

const leaps = (ps: readonly number[]) => ps.slice(1).map((p, i) => Math.abs(p - ps[i]!));
const mean = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

/** Run the card: { passed, total, misses, keys } — misses as "call (seed): why". */
export function scoreAnswers(file = new URL('./calls.json', import.meta.url), seed = 4242) {
  const set = CallSet.parse(JSON.parse(readFileSync(file, 'utf8')));
  const tunes: Call[] = set.calls.map((c) => ({ name: c.name, key: { tonic: c.key, mode: c.mode }, notes: played(c.notes, 0) }));
  const misses: string[] = [];
  let total = 0;
  let keysFound = 0;
  for (const tune of tunes) {
    const k = detectKey(tune.notes);
    if (k && k.tonic === tune.key.tonic && k.mode === tune.key.mode) keysFound++;
  }
  for (const call of [...tunes, ...randomCalls(seed)]) {
    // The call starts somewhere in bar 2; the jam notices the rest a beat after its last note.
    const offset = BAR + (call.notes.length * 37) % BAR;
    const notes = call.notes.map((n) => ({ ...n, start: n.start + offset }));
    const end = Math.max(...notes.map((n) => n.start + n.duration));
    const phrase = phraseLeft(notes, 0, end + BEAT, BEAT, BAR);
    for (const s of SEEDS) {
      total++;
      const why: string[] = [];
      if (!phrase || phrase.notes.length !== notes.length) {
        misses.push(`${call.name}: the phrase was not heard whole`);
        continue;
      }
      const at = answerBoundary(phrase.restAt, 0, BAR);
      const { notes: answer, variation } = answerPhrase(phrase, call.key, at, s);
      const scale = scaleChromas(call.key);
      const ps = answer.map((n) => n.pitch);
      const cs = phrase.notes.map((n) => n.pitch);
      if (answer[0]!.start !== at || at % BAR !== 0 || at < phrase.restAt || at - phrase.restAt >= BAR) why.push('not on the next barline');
      if (answer.some((n, i) => n.start - at !== phrase.notes[i]!.start - phrase.start || n.duration !== phrase.notes[i]!.duration)) why.push('rhythm changed');
      if (ps.some((p) => !scale.includes(p % 12))) why.push('out of key');
      if (![0, 2, 4].map((d) => scale[d]!).includes(ps.at(-1)! % 12)) why.push('does not come home');
      if (ps.join() === cs.join()) why.push('a copy');
      const widest = Math.max(7, ...leaps(cs)) + 2;
      if (leaps(ps).some((l) => l > widest)) why.push(`a leap of ${Math.max(...leaps(ps))}`);
      if (Math.abs(mean(ps) - mean(cs)) > 7) why.push('another register');
      if (why.length) misses.push(`${call.name} (seed ${s}, ${variation}): ${why.join(', ')}`);
    }
  }
  return { passed: total - misses.length, total, misses, keysFound, tunes: tunes.length };
}

/** Print the card; returns the share passed. */
export function printAnswers(): number {
  const { passed, total, misses, keysFound, tunes } = scoreAnswers();
  console.log(`call and response (${tunes} folk-tune calls from 9 countries + ${RANDOM_CALLS} seeded random calls, ${SEEDS.length} seeds each): ${passed}/${total} answers pass`);
  for (const m of misses.slice(0, 12)) console.log(`  miss: ${m}`);
  console.log(`  key found from the call alone (not gated): ${keysFound}/${tunes} tunes`);
  return passed / total;
}

if (import.meta.url === `file://${process.argv[1]}`) printAnswers();
