/**
 * Why pitchy and not basic-pitch (README "Sing it"): both on the same held-out synthetic singers
 * (seeds 5000+), quantised by the same code. basic-pitch is not a dependency (it brings
 * @tensorflow/tfjs, ~270 MB); to rerun: `npm install --no-save @spotify/basic-pitch@1.0.1` in a
 * scratch copy (or a directory given as BASIC_PITCH_DIR), then `npx tsx eval/transcribe/compare-basic-pitch.ts [N]`.
 */
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import path from 'node:path';
const require = createRequire(path.join(process.env.BASIC_PITCH_DIR ?? process.cwd(), 'package.json'));
const tf = require('@tensorflow/tfjs');
const bp = require('@spotify/basic-pitch');
import { synthesizeHum } from '../../music/transcribe/hum.ts';
import { transcribeAudio } from '../../music/transcribe/transcribe.ts';
import { quantizeNotes } from '../../music/transcribe/quantize.ts';
import { scoreTranscription } from '../../music/transcribe/score.ts';
import { scaleInfo } from '../../music/theory/scale.ts';

const dir = path.join(path.dirname(require.resolve('@spotify/basic-pitch/package.json')), 'model') + '/';
const json = JSON.parse(readFileSync(dir + 'model.json', 'utf8'));
const weights = readFileSync(dir + 'group1-shard1of1.bin');
const model = tf.loadGraphModel(tf.io.fromMemory({ modelTopology: json.modelTopology, weightSpecs: json.weightsManifest[0].weights, weightData: weights.buffer.slice(weights.byteOffset, weights.byteOffset + weights.byteLength), format: json.format, generatedBy: json.generatedBy, convertedBy: json.convertedBy }));
const basicPitch = new bp.BasicPitch(model);
const N = Number(process.argv[2] ?? 12);
const tot = { bp: { r: 0, p: 0, o: 0, e: 0, ms: 0 }, bpMono: { r: 0, p: 0, o: 0, e: 0, ms: 0 }, py: { r: 0, p: 0, o: 0, e: 0, ms: 0 }, sec: 0 };
for (let seed = 5000; seed < 5000 + N; seed++) {
  const hum = synthesizeHum({ seed, sampleRate: 22050 });
  const secs = hum.samples.length / 22050;
  tot.sec += secs;
  let t0 = performance.now();
  const frames: number[][] = [], onsets: number[][] = [], contours: number[][] = [];
  await basicPitch.evaluateModel(hum.samples, (f: number[][], o: number[][], c: number[][]) => { frames.push(...f); onsets.push(...o); contours.push(...c); }, () => {});
  const events = bp.noteFramesToTime(bp.addPitchBendsToNoteEvents(contours, bp.outputToNotesPoly(frames, onsets, 0.25, 0.25, 5)));
  // One voice: keep the loudest note where events overlap at the same start.
  const heard = events.sort((a: any, b: any) => a.startTimeSeconds - b.startTimeSeconds).map((e: any) => ({ start: e.startTimeSeconds, end: e.startTimeSeconds + e.durationSeconds, pitch: e.pitchMidi, level: e.amplitude }));
  const bpNotes = quantizeNotes(heard, { tempo: hum.tempo, grid: 120, strictness: 1, scale: scaleInfo(hum.key, hum.mode) });
  // Fairer to a polyphonic model on one voice: keep only notes no louder note overlaps (drops harmonics and ghosts).
  const mono = heard.filter((h: any) => !heard.some((o: any) => o !== h && o.level > h.level && o.start < h.end && h.start < o.end));
  const bpMono = quantizeNotes(mono, { tempo: hum.tempo, grid: 120, strictness: 1, scale: scaleInfo(hum.key, hum.mode) });
  tot.bp.ms += performance.now() - t0;
  t0 = performance.now();
  const py = transcribeAudio({ samples: hum.samples, sampleRate: 22050 }, { tempo: hum.tempo, key: `${hum.key} ${hum.mode}` });
  tot.py.ms += performance.now() - t0;
  tot.bpMono.ms = tot.bp.ms;
  for (const [k, notes] of [['bp', bpNotes], ['bpMono', bpMono], ['py', py.notes]] as const) {
    const s = scoreTranscription(hum.notes, notes, 60);
    const t = tot[k];
    t.r += s.reference; t.p += s.pitchesInOrder; t.o += s.onsetsOnTime; t.e += s.extra;
  }
  console.log(seed, hum.voice);
  for (const k of ['bp', 'bpMono', 'py'] as const) {
    const t = tot[k];
    console.log(' ', k, `so far: pitches ${(100 * t.p / t.r).toFixed(1)}%  onsets ${(100 * t.o / t.r).toFixed(1)}%  extra ${(100 * t.e / t.r).toFixed(1)}%  ${(t.ms / tot.sec).toFixed(1)} ms per audio second`);
  }
}
