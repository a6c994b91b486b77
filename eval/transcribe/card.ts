/**
 * The "Sing it" scorecard (issue #19's Must show), over sets built for it and held out from the
 * tests' seeds:
 * - transcription: 70 synthetic singers (every voice in music/transcribe/hum.ts, ten seeds each,
 *   tempi 66–150, four sample rates), tempo and key given as the CLI's --tempo/--key would:
 *   pitches in order ≥ 90 %, onsets within an eighth of a beat ≥ 85 %, extra notes ≤ 20 %.
 *   The same set with the tempo estimated is printed for information, not gated.
 * - harmonisation: 40 seeded tunes in four meters plus hand-written public-domain tunes
 *   (eval/harmonize/tunes.json): every melody kept note for note, ≥ 80 % of strong-beat notes
 *   chord tones (over all, and the lowest single tune is printed).
 */
import { readFileSync } from 'node:fs';
import { parseParams, type Meter } from '../../music/params.ts';
import { PPQ, type Note } from '../../music/sketch.ts';
import { synthesizeHum, seededTune, VOICES } from '../../music/transcribe/hum.ts';
import { transcribeAudio } from '../../music/transcribe/transcribe.ts';
import { scoreTranscription } from '../../music/transcribe/score.ts';
import { generateAroundMelody } from '../../music/harmonize/index.ts';

const SAMPLE_RATES = [16000, 22050, 44100, 48000];
const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

interface Tally {
  reference: number;
  pitches: number;
  onsets: number;
  extra: number;
}

function transcriptionSet(estimateTempo: boolean): { rows: string[]; total: Tally } {
  const rows: string[] = [];
  const total: Tally = { reference: 0, pitches: 0, onsets: 0, extra: 0 };
  VOICES.forEach((voice, v) => {
    const t: Tally = { reference: 0, pitches: 0, onsets: 0, extra: 0 };
    for (let k = 0; k < 10; k++) {
      const seed = 9000 + v * 10 + k;
      const hum = synthesizeHum({ seed, voice, sampleRate: SAMPLE_RATES[k % SAMPLE_RATES.length] });
      const got = transcribeAudio({ samples: hum.samples, sampleRate: hum.sampleRate }, { key: `${hum.key} ${hum.mode}`, ...(estimateTempo ? {} : { tempo: hum.tempo }) });
      // An estimated tempo may be the sung one doubled or halved: compare in the song's beats.
      const scale = got.tempo / hum.tempo;
      const heard = got.notes.map((n) => ({ ...n, start: Math.round(n.start / scale) }));
      const s = scoreTranscription(hum.notes, heard, PPQ / 8);
      t.reference += s.reference;
      t.pitches += s.pitchesInOrder;
      t.onsets += s.onsetsOnTime;
      t.extra += s.extra;
    }
    rows.push(`  ${voice.name.padEnd(16)} ${String(t.reference).padStart(4)} notes  pitches ${pct(t.pitches / t.reference).padStart(6)}  onsets ${pct(t.onsets / t.reference).padStart(6)}  extra ${pct(t.extra / t.reference).padStart(6)}`);
    for (const key of Object.keys(total) as (keyof Tally)[]) total[key] += t[key];
  });
  return { rows, total };
}

interface Tune {
  name: string;
  key: string;
  mode: string;
  meter: Meter;
  pickup: number;
  notes: string;
}

/** "66:1 r:1 67:0.5" → notes from the pickup, in ticks. */
export function readTune(tune: Tune): Note[] {
  const notes: Note[] = [];
  let at = Math.round(tune.pickup * PPQ);
  for (const token of tune.notes.trim().split(/\s+/)) {
    const [pitch, quarters] = token.split(':');
    const length = Math.round(Number(quarters) * PPQ);
    if (pitch !== 'r') notes.push({ pitch: Number(pitch), start: at, duration: length, velocity: 0.8 });
    at += length;
  }
  return notes;
}

function harmonySet(): { rows: string[]; kept: number; melodies: number; notes: number; chordTones: number; worst: number } {
  const rows: string[] = [];
  let kept = 0;
  let melodies = 0;
  let notes = 0;
  let chordTones = 0;
  let worst = 1;
  const judge = (name: string, melody: Note[], params: ReturnType<typeof parseParams>, seed: number, show: boolean) => {
    const made = generateAroundMelody(params, melody, seed);
    const played = made.sketch.tracks.find((t) => t.id === 'melody')!.notes;
    const rel = (ns: readonly Note[]) => JSON.stringify(ns.map((n) => [n.pitch, n.start - ns[0]!.start, n.duration]));
    const same = rel(played) === rel(melody);
    melodies++;
    if (same) kept++;
    notes += made.fit.notes;
    chordTones += made.fit.chordTones;
    const share = made.fit.notes ? made.fit.chordTones / made.fit.notes : 1;
    worst = Math.min(worst, share);
    if (show) rows.push(`  ${name.padEnd(32)} kept ${same ? 'yes' : 'NO '}  strong-beat chord tones ${pct(share).padStart(6)}  ${made.sketch.chords.slice(0, 6).map((c) => c.symbol).join(' ')} …`);
  };
  const meters: Meter[] = ['4/4', '3/4', '6/8', '2/4'];
  for (let seed = 9100; seed < 9140; seed++) {
    const tune = seededTune({ seed, notes: 24 });
    const params = parseParams({ key: tune.key, mode: tune.mode, tempo: tune.tempo, meter: meters[seed % meters.length], sections: [{ name: 'verse', bars: 4 }, { name: 'chorus', bars: 4 }] });
    judge(`seeded tune ${seed}`, tune.notes, params, seed, false);
  }
  rows.push(`  40 seeded tunes (4/4, 3/4, 6/8, 2/4)  kept ${kept}/40`);
  const file = JSON.parse(readFileSync(new URL('../harmonize/tunes.json', import.meta.url), 'utf8')) as { tunes: Tune[] };
  for (const tune of file.tunes) {
    const params = parseParams({ key: tune.key, mode: tune.mode, tempo: 96, meter: tune.meter, sections: [{ name: 'verse', bars: 4 }, { name: 'chorus', bars: 4 }] });
    judge(tune.name, readTune(tune), params, 1, true);
  }
  return { rows, kept, melodies, notes, chordTones, worst };
}

/** Print the card; ok is false when a target is missed. */
export function singItScorecard(): { text: string; ok: boolean } {
  const lines = ['Sing it — transcription (70 held-out synthetic singers, tempo and key given)'];
  const given = transcriptionSet(false);
  lines.push(...given.rows);
  const g = given.total;
  const p = g.pitches / g.reference;
  const o = g.onsets / g.reference;
  const e = g.extra / g.reference;
  lines.push(`  all: pitches in order ${pct(p)} (≥ 90%), onsets within an eighth of a beat ${pct(o)} (≥ 85%), extra notes ${pct(e)} (≤ 20%)`);
  const est = transcriptionSet(true).total;
  lines.push(`  same set, tempo estimated (not gated): pitches ${pct(est.pitches / est.reference)}, onsets ${pct(est.onsets / est.reference)}, extra ${pct(est.extra / est.reference)}`);
  const h = harmonySet();
  lines.push('', 'Sing it — harmonising a given melody (held-out tunes)', ...h.rows);
  const share = h.chordTones / h.notes;
  lines.push(`  all: melodies kept note for note ${h.kept}/${h.melodies}, strong-beat chord tones ${pct(share)} (≥ 80%), lowest tune ${pct(h.worst)}`);
  const ok = p >= 0.9 && o >= 0.85 && e <= 0.2 && h.kept === h.melodies && share >= 0.8;
  lines.push(`  ${ok ? 'targets met' : 'TARGETS MISSED'}`);
  return { text: lines.join('\n'), ok };
}

if (process.argv[1]?.endsWith('eval/transcribe/card.ts')) {
  const card = singItScorecard();
  console.log(card.text);
  if (!card.ok) process.exitCode = 1;
}
