/** Run one transcription in a worker (loaded when first needed) and give back its result. */
import type { TranscribeOptions } from '../../../music/transcribe/schema.ts';
import type { TranscribeReply } from './transcribe.worker.ts';

export function transcribeInWorker(samples: Float32Array, sampleRate: number, options: TranscribeOptions): Promise<TranscribeReply> {
  return new Promise((resolve) => {
    const worker = new Worker(new URL('./transcribe.worker.ts', import.meta.url), { type: 'module' });
    worker.onmessage = (event: MessageEvent<TranscribeReply>) => {
      worker.terminate();
      resolve(event.data);
    };
    worker.onerror = (event) => {
      worker.terminate();
      resolve({ ok: false, message: event.message || 'the transcriber failed to start' });
    };
    worker.postMessage({ samples, sampleRate, options }, [samples.buffer]);
  });
}
