/**
 * Transcription in Chromium: the same music/transcribe code the page runs in its worker, bundled by
 * Vite and run in headless Chromium over synthetic singers, timed inside the page. Prints ms of
 * work per second of audio; never asserts.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { CHROMIUM, launchBrowser } from '../test/support/browser.ts';
import { synthesizeHum, VOICES } from '../music/transcribe/hum.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** music/transcribe as one script that sets window.transcribeAudio. */
async function bundle(): Promise<string> {
  const out = await build({
    configFile: false,
    logLevel: 'silent',
    build: {
      write: false,
      lib: { entry: path.join(ROOT, 'music/transcribe/transcribe.ts'), formats: ['iife'], name: 'innerchordTranscribe', fileName: 'transcribe' },
    },
  });
  const outputs = (Array.isArray(out) ? out : [out]) as { output: { type: string; code?: string }[] }[];
  const chunk = outputs[0]!.output.find((o) => o.type === 'chunk');
  if (!chunk?.code) throw new Error('vite produced no bundle');
  return chunk.code;
}

export async function measureBrowserTranscription(): Promise<void> {
  if (!existsSync(CHROMIUM)) {
    console.log(`transcribe in Chromium: skipped (${CHROMIUM} is not installed)`);
    return;
  }
  const code = await bundle();
  const browser = await launchBrowser();
  try {
    const page = await browser.newPage();
    await page.setContent('<!doctype html><title>bench</title>');
    await page.addScriptTag({ content: code });
    for (const sampleRate of [22050, 48000]) {
      const perSecond: number[] = [];
      for (let i = 0; i < 5; i++) {
        const hum = synthesizeHum({ seed: 7200 + i, voice: VOICES[i % VOICES.length], sampleRate, notes: 16 });
        const ms = await page.evaluate(
          ({ samples, rate, tempo }) => {
            const lib = (window as unknown as { innerchordTranscribe: { transcribeAudio: (a: unknown, o: unknown) => unknown } }).innerchordTranscribe;
            const audio = { samples: Float32Array.from(samples), sampleRate: rate };
            const started = performance.now();
            lib.transcribeAudio(audio, { tempo });
            return performance.now() - started;
          },
          { samples: Array.from(hum.samples), rate: sampleRate, tempo: hum.tempo },
        );
        perSecond.push(ms / (hum.samples.length / sampleRate));
      }
      perSecond.sort((a, b) => a - b);
      console.log(`transcribe @ ${sampleRate} Hz in Chromium: ${perSecond[2]!.toFixed(1)} ms per second of audio (median of 5 tunes)`);
    }
  } finally {
    await browser.close();
  }
}
