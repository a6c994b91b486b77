/**
 * Transcription off the main thread: the same code as `innerchord transcribe` (music/transcribe),
 * so the page stays responsive while a minute of singing is analysed.
 */
import { transcribeAudio } from '../../../music/transcribe/transcribe.ts';
import type { TranscribeOptions, Transcription } from '../../../music/transcribe/schema.ts';

export interface TranscribeJob {
  samples: Float32Array;
  sampleRate: number;
  options: TranscribeOptions;
}

export type TranscribeReply = { ok: true; result: Transcription; ms: number } | { ok: false; message: string };

self.onmessage = (event: MessageEvent<TranscribeJob>) => {
  const { samples, sampleRate, options } = event.data;
  const started = performance.now();
  let reply: TranscribeReply;
  try {
    reply = { ok: true, result: transcribeAudio({ samples, sampleRate }, options), ms: performance.now() - started };
  } catch (error) {
    reply = { ok: false, message: error instanceof Error ? error.message : String(error) };
  }
  (self as unknown as Worker).postMessage(reply);
};
