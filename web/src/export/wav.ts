/**
 * A version's sketch → WAV bytes in the browser: music/render schedules it into an
 * OfflineAudioContext, which renders in steps (suspend/resume) so a progress bar can follow, and
 * music/render's encodeWav writes 16-bit PCM. Loaded only when the musician asks for a WAV.
 */
import { scheduleSketch } from '../../../music/render/schedule.ts';
import { renderSeconds } from '../../../music/render/timing.ts';
import { encodeWav } from '../../../music/render/wav.ts';
import type { Sketch } from '../../../music/sketch.ts';

const SAMPLE_RATE = 44_100;
/** Share of the progress bar the rendering takes; the encoding fills the rest. */
const RENDER_SHARE = 0.9;

/** Download name like the server's MIDI one: wavFileName('Rain on a window', 3) → "Rain-on-a-window-v3.wav". */
export function wavFileName(title: string, number: number): string {
  const safe = title.normalize('NFKD').replace(/[^\w\- ]+/g, '').trim().replace(/\s+/g, '-').slice(0, 60) || 'song';
  return `${safe}-v${number}.wav`;
}

/** Render the sketch and encode it; `onProgress` gets 0 … 1 as the work goes. */
export async function renderWav(sketch: Sketch, onProgress: (fraction: number) => void = () => {}): Promise<Blob> {
  const seconds = renderSeconds(sketch);
  const context = new OfflineAudioContext(2, Math.ceil(seconds * SAMPLE_RATE), SAMPLE_RATE);
  scheduleSketch(sketch, context);
  // Pause the render about twenty times to report progress (each pause is on a distinct quantum).
  const step = Math.max(0.5, seconds / 20);
  for (let t = step; t < seconds - 0.1; t += step) {
    const at = t;
    context.suspend(at).then(
      () => {
        onProgress((at / seconds) * RENDER_SHARE);
        void context.resume();
      },
      () => {},
    );
  }
  const buffer = await context.startRendering();
  onProgress(RENDER_SHARE);
  const bytes = encodeWav(buffer);
  onProgress(1);
  return new Blob([bytes as Uint8Array<ArrayBuffer>], { type: 'audio/wav' });
}

/** Hand a blob to the browser as a download named `name`. */
export function download(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  // Give the browser a moment to start the download before the URL goes away.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
