/** npm run eval -- --mood-only | --held-out: the mood scorecard on its own (used by eval/main.ts too). */
import { interpretOffline } from '../../server/interpret/index.ts';
import { loadMoodSet, type MoodHalf } from './set.ts';
import { allThree, formatMood, runMood, type MoodResult } from './score.ts';

/** The offline interpreter on one half of the mood set. */
export async function moodOffline(half: MoodHalf): Promise<MoodResult[]> {
  return runMood(loadMoodSet(half), async (text) => interpretOffline(text).params);
}

/** Print the mood scorecard for the halves asked for; returns the development half's share right. */
export async function printMood(heldOut: boolean): Promise<number> {
  const dev = await moodOffline('statements');
  console.log(formatMood(`mood set, offline (development half): ${(allThree(dev) * 100).toFixed(0)}% right on mode family, tempo and energy`, dev));
  if (heldOut) {
    const ho = await moodOffline('held-out');
    console.log('\n' + formatMood(`mood set, offline (first held-out half, now also tuned on): ${(allThree(ho) * 100).toFixed(0)}% right on all three`, ho));
    const fresh = await moodOffline('held-out-2');
    console.log('\n' + formatMood(`mood set, offline (held-out-2, written before issue 16's changes; 75% when first scored, then round two was tuned on the kinds of its misses): ${(allThree(fresh) * 100).toFixed(0)}% right on all three`, fresh));
    const third = await moodOffline('held-out-3');
    console.log('\n' + formatMood(`mood set, offline (third held-out half, written before the second round, tuned on in round three): ${(allThree(third) * 100).toFixed(0)}% right on all three`, third));
    const fourth = await moodOffline('held-out-4');
    console.log('\n' + formatMood(`mood set, offline (held-out-4, written before round three; 80% before it, 86% at its end; round four only checked it for regressions): ${(allThree(fourth) * 100).toFixed(0)}% right on all three`, fourth));
    const fifth = await moodOffline('held-out-5');
    console.log('\n' + formatMood(`mood set, offline (held-out-5, written before round four; 55% before it, then the kinds of its misses were tuned on): ${(allThree(fifth) * 100).toFixed(0)}% right on all three`, fifth));
    const sixth = await moodOffline('held-out-6');
    console.log('\n' + formatMood(`mood set, offline (held-out-6, written with held-out-5 before round four, scored once at its end at 59%, then tuned on in round five): ${(allThree(sixth) * 100).toFixed(0)}% right on all three`, sixth));
    const seventh = await moodOffline('held-out-7');
    console.log('\n' + formatMood(`mood set, offline (held-out-7, written by a helper who never saw the interpreter, before round five; 44% before it, 56% at its end, then tuned on in round six): ${(allThree(seventh) * 100).toFixed(0)}% right on all three`, seventh));
    const eighth = await moodOffline('held-out-8');
    console.log('\n' + formatMood(`mood set, offline (held-out-8, written the same way during round six; 55% before round five, 61% after it, scored once at round six's end: 63%; then tuned on in round seven): ${(allThree(eighth) * 100).toFixed(0)}% right on all three`, eighth));
    const ninth = await moodOffline('held-out-9');
    console.log('\n' + formatMood(`mood set, offline (held-out-9, written the same way before round seven; 50% before it, scored once at its end: 55%; then tuned on in round eight): ${(allThree(ninth) * 100).toFixed(0)}% right on all three`, ninth));
    const tenth = await moodOffline('held-out-10');
    console.log('\n' + formatMood(`mood set, offline (held-out-10, written the same way during round eight; 52% at its start, scored once at its end: 52%; then tuned on in round nine): ${(allThree(tenth) * 100).toFixed(0)}% right on all three`, tenth));
    const eleventh = await moodOffline('held-out-11');
    console.log('\n' + formatMood(`mood set, offline (held-out-11, written the same way during round nine; 34% at its start, scored once at its end: the clean figure, 38%): ${(allThree(eleventh) * 100).toFixed(0)}% right on all three`, eleventh));
  }
  return allThree(dev);
}
