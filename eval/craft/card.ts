/**
 * `npm run eval craft` — the songcraft scorecard (issue #16). Every statement goes through the
 * offline interpreter → params → generateSketch for two seeds → exported MIDI bytes, which are
 * read back with midi-file (read.ts) and measured (measures.ts). Prints each measure beside its
 * target; returns whether all targets are met.
 */
import { readFileSync } from 'node:fs';
import { Note, Scale } from 'tonal';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { readMidi, type ReadSong } from './read.ts';
import { longestPedal, barRepetition, chorusLift, drumDistance, drumPrint, ending, formPrint, harmonyShape, hookShare, median, melodyBelow, melodyShape, progressionShape } from './measures.ts';

interface Statement {
  id: string;
  lang: string;
  text: string;
}

export const SEEDS = [1, 2] as const;

// CRAFT_ROOT=<an older checkout> measures that checkout's interpreter and engine instead (the "before" column).
const from = (file: string) => (process.env.CRAFT_ROOT ? pathToFileURL(path.resolve(process.env.CRAFT_ROOT, file)).href : new URL(`../../${file}`, import.meta.url).href);
const { interpretOffline } = (await import(from('server/interpret/index.ts'))) as typeof import('../../server/interpret/index.ts');
const { generateSketch } = (await import(from('music/generate.ts'))) as typeof import('../../music/generate.ts');
const { sketchToMidi } = (await import(from('music/midi/export.ts'))) as typeof import('../../music/midi/export.ts');

/** The development set, or the held-out set (`npm run eval craft -- --held-out`), written after tuning. */
export function loadCraftSet(half: 'statements' | 'held-out' = 'statements'): Statement[] {
  return (JSON.parse(readFileSync(new URL(`./${half}.json`, import.meta.url), 'utf8')) as { statements: Statement[] }).statements;
}

/** One statement's songs, read back from their MIDI bytes. */
export function songsFor(text: string): ReadSong[] {
  return withHome(text).songs;
}

/** The songs, with the home key the musician's words asked for (tonic and third, as pitch classes). */
export function withHome(text: string): { songs: ReadSong[]; home: { tonic: number; third: number } } {
  const params = interpretOffline(text).params;
  const scale = Scale.get(`${params.key} ${params.mode}`);
  const home = { tonic: Note.chroma(params.key) ?? 0, third: scale.intervals.includes('3m') ? 3 : 4 };
  return { songs: SEEDS.map((seed) => readMidi(sketchToMidi(generateSketch(params, seed)))), home };
}

interface Row {
  measure: string;
  value: string;
  target: string;
  ok: boolean;
}

const pct = (x: number) => `${(x * 100).toFixed(0)} %`;
const num = (x: number, d = 2) => (Number.isFinite(x) ? x.toFixed(d) : 'n/a');

/** Compute and print the card; true when every target is met. */
export function craftCard(print = true, half: 'statements' | 'held-out' = 'statements'): { ok: boolean; rows: Row[] } {
  const set = loadCraftSet(half);
  const songs = set.map((s) => ({ s, ...withHome(s.text) }));
  const all = songs.flatMap((x) => x.songs);
  const shapes = all.map(melodyShape);
  const hooks = all.map(hookShare).filter(Number.isFinite);
  const reps = all.map(barRepetition);
  const harm = all.map(harmonyShape);
  const lifts = all.map(chorusLift).filter((l) => Number.isFinite(l.velocity) && Number.isFinite(l.perBar));
  const endings = songs.flatMap((x) => x.songs.map((song) => ending(song, x.home)));
  const first20 = songs.slice(0, Math.min(20, songs.length)).map((x) => x.songs[0]!);
  const forms = new Set(first20.map(formPrint));
  const keys = new Set(first20.map((s) => `${s.tonic}${s.minor ? 'm' : ''}`));
  const tonics = new Set(first20.map((s) => s.tonic));
  const progs = songs.map((x) => progressionShape(x.songs[0]!));
  let samePairs = 0;
  for (let i = 0; i < progs.length; i++) for (let j = i + 1; j < progs.length; j++) if (progs[i] === progs[j]) samePairs++;
  const withDrums = songs.filter((x) => x.songs.every((s) => s.tracks.drums));
  const drumsDiffer = withDrums.filter((x) => drumDistance(drumPrint(x.songs[0]!), drumPrint(x.songs[1]!)) >= 0.1).length / Math.max(1, withDrums.length);
  const liftOk = lifts.filter((l) => l.velocity >= 8 || l.perBar >= 1).length / Math.max(1, lifts.length);
  const lands = endings.filter((e) => e.lands).length / endings.length;
  const m = (f: (x: ReturnType<typeof melodyShape>) => number) => median(shapes.map(f));
  const rows: Row[] = [
    { measure: `hook: 2nd chorus shares the 1st's notes (median of ${hooks.length})`, value: pct(median(hooks)), target: '≥ 85 %', ok: median(hooks) >= 0.85 },
    { measure: 'bars repeating an earlier bar, exact / transposed', value: `${num(median(reps.map((r) => r.exact)))} / ${num(median(reps.map((r) => r.transposed)))}`, target: '≥ 0.40', ok: median(reps.map((r) => r.exact)) >= 0.4 },
    { measure: 'melody range (semitones)', value: num(m((x) => x.range), 0), target: '≥ 13', ok: m((x) => x.range) >= 13 },
    { measure: 'largest leap (semitones)', value: num(m((x) => x.leap), 0), target: '≥ 7', ok: m((x) => x.leap) >= 7 },
    { measure: 'steps (≤ 2 semitones)', value: pct(m((x) => x.steps)), target: '≤ 80 %', ok: m((x) => x.steps) <= 0.8 },
    { measure: 'melody notes per bar', value: num(m((x) => x.perBar)), target: '≥ 3.5', ok: m((x) => x.perBar) >= 3.5 },
    { measure: 'empty beats (breaths)', value: pct(m((x) => x.emptyBeats)), target: '≥ 8 %', ok: m((x) => x.emptyBeats) >= 0.08 },
    { measure: 'off-beat onsets', value: pct(m((x) => x.offBeat)), target: '(POP909 56 %)', ok: true },
    { measure: 'chord changes per bar', value: num(median(harm.map((h) => h.changes))), target: '≥ 1.0', ok: median(harm.map((h) => h.changes)) >= 1 },
    { measure: 'distinct chords per song (root + quality)', value: num(median(harm.map((h) => h.distinct)), 0), target: '≥ 6', ok: median(harm.map((h) => h.distinct)) >= 6 },
    { measure: 'melody notes below the accompaniment', value: pct(median(all.map(melodyBelow))), target: '≤ 15 %', ok: median(all.map(melodyBelow)) <= 0.15 },
    { measure: `distinct forms / keys / tonics over ${first20.length} statements`, value: `${forms.size} / ${keys.size} / ${tonics.size}`, target: '≥ 6 / ≥ 8', ok: forms.size >= 6 && keys.size >= 8 },
    { measure: `pairs of different statements with the same progression (of ${songs.length})`, value: String(samePairs), target: '≤ 2', ok: samePairs <= 2 },
    { measure: `drums differ between seeds (≥ 10 % of groove hits; ${withDrums.length} with drums)`, value: pct(drumsDiffer), target: '≥ 80 %', ok: drumsDiffer >= 0.8 },
    { measure: `chorus vs verse: +8 velocity or +1 note/bar (${lifts.length} songs; median +${num(median(lifts.map((l) => l.velocity)), 1)} vel, +${num(median(lifts.map((l) => l.perBar)), 2)} notes/bar)`, value: pct(liftOk), target: '≥ 90 % of songs', ok: liftOk >= 0.9 },
    { measure: `longest one-note bass pedal, median / worst song (bars)`, value: `${num(median(all.map(longestPedal)), 0)} / ${Math.max(...all.map(longestPedal))}`, target: '≤ 8 (no 40-bar pedals)', ok: Math.max(...all.map(longestPedal)) <= 8 },
    { measure: 'endings that land', value: pct(lands), target: '≥ 90 %', ok: lands >= 0.9 },
  ];
  if (print) {
    console.log(`songcraft (issue #16), ${half === 'held-out' ? 'held-out set' : 'development set'}: ${set.length} statements × ${SEEDS.length} seeds, measured on the exported MIDI read back with midi-file`);
    const w = Math.max(...rows.map((r) => r.measure.length));
    for (const r of rows) console.log(`  ${r.ok ? 'ok  ' : 'MISS'} ${r.measure.padEnd(w)}  ${r.value.padStart(9)}  target ${r.target}`);
    const misses = endings.filter((e) => !e.lands).map((e) => e.why);
    if (misses.length) console.log(`  endings that miss: ${[...new Set(misses)].map((w) => `${w} ×${misses.filter((x) => x === w).length}`).join(', ')}`);
  }
  return { ok: rows.every((r) => r.ok), rows };
}
