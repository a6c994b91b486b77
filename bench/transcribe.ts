/**
 * Transcription speed: milliseconds of work per second of audio, in Node, for synthetic singers at
 * 22.05, 44.1 and 48 kHz (the browser records at 44.1 or 48). Also the time to build a song around
 * a 32-note melody; then the same in headless Chromium (bench/transcribe-web.ts). Prints, never asserts.
 */
import { synthesizeHum, VOICES } from '../music/transcribe/hum.ts';
import { transcribeAudio } from '../music/transcribe/transcribe.ts';
import { generateAroundMelody } from '../music/harmonize/index.ts';
import { parseParams } from '../music/params.ts';
import { measureBrowserTranscription } from './transcribe-web.ts';

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

export async function run(): Promise<void> {
  for (const sampleRate of [22050, 44100, 48000]) {
    const perSecond: number[] = [];
    for (let i = 0; i < 7; i++) {
      const hum = synthesizeHum({ seed: 7000 + i, voice: VOICES[i % VOICES.length], sampleRate, notes: 16 });
      const seconds = hum.samples.length / sampleRate;
      const start = performance.now();
      transcribeAudio({ samples: hum.samples, sampleRate }, { tempo: hum.tempo, key: hum.key });
      perSecond.push((performance.now() - start) / seconds);
    }
    console.log(`transcribe @ ${sampleRate} Hz: ${median(perSecond).toFixed(1)} ms per second of audio (median of 7 tunes, Node)`);
  }
  const hum = synthesizeHum({ seed: 7100, notes: 32 });
  const params = parseParams({ key: hum.key, mode: hum.mode, sections: [{ name: 'verse', bars: 8 }, { name: 'chorus', bars: 8 }] });
  const times: number[] = [];
  for (let i = 0; i < 9; i++) {
    const start = performance.now();
    generateAroundMelody(params, hum.notes, i);
    times.push(performance.now() - start);
  }
  console.log(`song around a 32-note melody: ${median(times).toFixed(1)} ms (median of 9)`);
  await measureBrowserTranscription();
}
