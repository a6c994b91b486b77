/**
 * Offline audio render figures for a 40-bar and a 128-bar sketch, against how long the song plays
 * (× real time): the CLI's render (`innerchord render`: music/render's voices in
 * node-web-audio-api, 44.1 kHz stereo) and WAV encoding; then the browser's "Download WAV" (the
 * player's instruments in a Tone.js OfflineContext, bench/render-web.ts). Prints, never asserts.
 */
import { OfflineAudioContext } from 'node-web-audio-api';
import { generateSketch } from '../music/generate.ts';
import { parseParams, type SongParametersInput } from '../music/params.ts';
import { renderSketch } from '../music/render/schedule.ts';
import { songSeconds } from '../music/render/timing.ts';
import { encodeWav } from '../music/render/wav.ts';
import { measureBrowserRender } from './render-web.ts';

const RATE = 44_100;

/** A verse/chorus form of exactly `bars` bars in 8-bar sections. */
function form(bars: number): SongParametersInput['sections'] {
  return Array.from({ length: bars / 8 }, (_, i) => ({ name: i % 2 === 0 ? 'verse' : 'chorus', bars: 8, energy: i % 2 === 0 ? 0.45 : 0.8 }));
}

/** The song both renders are measured on: D minor at 96 bpm, arpeggiated, `bars` long. */
function input(bars: number): SongParametersInput {
  return { key: 'D', mode: 'minor', tempo: 96, sections: form(bars), harmony: { comping: 'arpeggio' } };
}

export async function run(): Promise<void> {
  for (const bars of [40, 128]) {
    const params = parseParams(input(bars));
    const sketch = generateSketch(params, 1);
    const notes = sketch.tracks.reduce((n, t) => n + t.notes.length, 0);
    const samples: number[] = [];
    let encodeMs = 0;
    let bytes = 0;
    for (let i = 0; i < 3; i++) {
      const started = performance.now();
      const buffer = await renderSketch(sketch, (c, l, r) => new OfflineAudioContext(c, l, r), RATE);
      samples.push(performance.now() - started);
      const encodeStart = performance.now();
      bytes = encodeWav(buffer).length;
      encodeMs = performance.now() - encodeStart;
    }
    samples.sort((a, b) => a - b);
    const ms = samples[1]!;
    const seconds = songSeconds(sketch);
    console.log(
      `node (CLI voices) ${String(bars).padStart(3)} bars, ${notes} notes, ${seconds.toFixed(1)} s of music: render ${ms.toFixed(0)} ms ` +
        `(${((seconds * 1000) / ms).toFixed(1)}× real time), WAV encode ${encodeMs.toFixed(0)} ms, ${(bytes / 1e6).toFixed(1)} MB`,
    );
  }
  await measureBrowserRender([
    { label: ' 40 bars', params: input(40), runs: 3 },
    { label: '128 bars', params: input(128), runs: 1 },
  ]);
}

if (process.argv[1]?.endsWith('bench/render.ts')) await run();
