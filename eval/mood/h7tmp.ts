import { readFileSync } from 'node:fs';
import { interpretOffline } from '../../server/interpret/index.ts';
import { readEmotionDetail } from '../../server/interpret/emotion.ts';
import { runMood } from './score.ts';
const set = JSON.parse(readFileSync(new URL('./held-out-7.json', import.meta.url), 'utf8')).statements;
const r = await runMood(set, async (t) => interpretOffline(t).params);
console.log('ok', r.filter((x) => !x.failed.length).length);
for (const x of r) if (x.failed.length) { const d = readEmotionDetail(x.statement.text); console.log(`✗ ${x.statement.id} ${x.failed.join(',')} want ${x.statement.family} ${x.statement.tempo.join('-')} ${x.statement.energy}; got ${x.got.mode} ${x.got.tempo} ${x.got.energy}\n   ${x.statement.text}\n   ${d.hits.map((h) => `${h.label}[${h.valence.toFixed(2)},${h.arousal.toFixed(2)}]x${h.weight.toFixed(2)}`).join(' ')}`); }
