/**
 * `npx tsx eval/mood/misses.ts held-out-8`: one file of the mood set through the offline reader,
 * listing each miss with the words the reader heard (label [valence, arousal] × weight). For the
 * round that tunes on a set, after its clean score has been taken; never on the clean set itself.
 */
import { interpretOffline } from '../../server/interpret/index.ts';
import { readEmotionDetail } from '../../server/interpret/emotion.ts';
import { runMood } from './score.ts';
import { loadMoodSet, MoodHalfName } from './set.ts';

const half = MoodHalfName.safeParse(process.argv[2]);
if (!half.success) {
  console.error(`usage: tsx eval/mood/misses.ts <${MoodHalfName.options.join('|')}>`);
  process.exit(2);
}
const results = await runMood(loadMoodSet(half.data), async (text) => interpretOffline(text).params);
console.log(`${half.data}: ${results.filter((r) => !r.failed.length).length}/${results.length} right on all three`);
for (const r of results) {
  if (!r.failed.length) continue;
  const s = r.statement;
  const heard = readEmotionDetail(s.text).hits.map((h) => `${h.label}[${h.valence.toFixed(2)},${h.arousal.toFixed(2)}]×${h.weight.toFixed(2)}`);
  console.log(`✗ ${s.id} ${r.failed.join(',')}: want ${s.family} ${s.tempo.join('–')} ${s.energy}; got ${r.got.mode} ${r.got.tempo} ${r.got.energy}`);
  console.log(`   ${s.text}\n   ${heard.join(' ')}`);
}
