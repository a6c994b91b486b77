#!/usr/bin/env node
/**
 * Are two compiled engines byte-identical? Prints one line per (case, seed, orchestration) with the
 * SHA-1 of JSON.stringify(generateSketch(params, seed)) from the compiled tree given, over a broad
 * corpus: the golden-sketch fixtures, every style template (and some blends) on three bases, the
 * offline interpreter's params for ~50 statements of the mood sets, and four 3-minute songs (the
 * craft bench's), each with and without orchestration. A speed-up that must not change a note is
 * checked by diffing the output of two trees (~600 sketches, a few seconds):
 *   node bench/same-sketches.mjs ../main/.build > before.txt; node bench/same-sketches.mjs .build > after.txt; cmp before.txt after.txt
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const tree = path.resolve(process.argv[2] ?? '.build');
const load = (file) => import(pathToFileURL(path.join(tree, file)).href);
const { generateSketch } = await load('music/generate.js');
const { SongParameters } = await load('music/params.js');
const { TEMPLATES, applyStyle } = await load('music/styles/index.js');
const { interpretOffline } = await load('server/interpret/index.js');

/** [name, params, seeds] */
const cases = [];
// The golden sketches (music/generate.snapshot.test.ts).
const FIXTURES = [
  [{}, 1],
  [{ key: 'D', mode: 'dorian', meter: '3/4', tempo: 72, valence: -0.3, arousal: -0.4, bass: { style: 'walking' }, harmony: { comping: 'arpeggio' } }, 7],
  [{ key: 'Bb', mode: 'major', valence: 0.7, arousal: 0.6, rhythm: { feel: 'swing' }, harmony: { extensions: true, borrowed: true, comping: 'strum' } }, 42],
  [{ key: 'A', mode: 'minor pentatonic', meter: '6/8', drums: { enabled: false }, melody: { contour: 'falling', density: 0.7 }, sections: [{ name: 'verse', bars: 8 }, { name: 'chorus', bars: 8, energy: 0.8 }] }, 2026],
];
FIXTURES.forEach(([p, seed], i) => cases.push([`fixture${i}`, SongParameters.parse(p), [seed, seed + 1, 99]]));
const bases = [SongParameters.parse({}), SongParameters.parse(FIXTURES[1][0]), SongParameters.parse({ key: 'F#', mode: 'minor', valence: -0.6, arousal: 0.7 })];
for (const t of TEMPLATES) bases.forEach((b, j) => cases.push([`style:${t.name}:${j}`, applyStyle(b, t.name), j === 0 ? [1, 2, 3] : [5]]));
for (let i = 0; i < TEMPLATES.length; i += 3) {
  const blend = { with: TEMPLATES[(i * 7 + 5) % TEMPLATES.length].name, amount: 0.4 + (i % 5) / 10 };
  cases.push([`blend:${TEMPLATES[i].name}+${blend.with}`, applyStyle(bases[0], TEMPLATES[i].name, blend), [11, 12]]);
}
// About a dozen statements from each of four mood sets, as the offline interpreter reads them.
const repo = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
for (const set of ['statements.json', 'held-out.json', 'held-out-3.json', 'held-out-5.json']) {
  const { statements } = JSON.parse(readFileSync(path.join(repo, 'eval/mood', set), 'utf8'));
  const every = Math.max(1, Math.floor(statements.length / 12));
  for (let i = 0; i < statements.length; i += every) cases.push([`${set}:${statements[i].id}`, interpretOffline(statements[i].text).params, [1, 7, 1000 + cases.length]]);
}
// The craft bench's 3-minute songs: the interpreter's form repeated to length.
const LONG = ['party anthem for friday night, everyone jumping', 'Die Trennung tut immer noch weh, ich bin traurig und müde', 'nostalgique de mon enfance à la campagne', 'Una canción alegre para la boda de mi hermana'];
LONG.forEach((text, k) => {
  const p = interpretOffline(text).params;
  const want = Math.round(180 / ((4 * 60) / p.tempo));
  const sections = [];
  for (let bars = 0, i = 0; bars < want; i++) {
    const s = p.sections[i % p.sections.length];
    const take = Math.min(s.bars, want - bars);
    sections.push({ ...s, bars: take });
    bars += take;
  }
  cases.push([`long${k}`, SongParameters.parse({ ...p, sections }), [0, 1, 2, 3]]);
});

let count = 0;
for (const [name, params, seeds] of cases) {
  for (const seed of seeds) {
    for (const orchestration of [undefined, 'as-written']) {
      const sketch = generateSketch(orchestration ? { ...params, orchestration } : params, seed);
      console.log(`${name.replaceAll(' ', '_')} ${seed} ${orchestration ?? 'default'} ${createHash('sha1').update(JSON.stringify(sketch)).digest('hex')}`);
      count++;
    }
  }
}
console.error(`${count} sketches from ${tree}`);
