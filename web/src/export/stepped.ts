/**
 * Render a Tone.js graph offline the way the live player plays it: a little ahead at a time.
 *
 * Tone.Offline (and Tone.OfflineContext.render) run the whole Transport first, putting every note
 * of the song on the audio graph, and only then render. Chrome's render cost per block grows with
 * the automation still pending on each AudioParam, so a whole song scheduled up front renders in
 * quadratic time: measured here, a 100 s song took 28 s and a 320 s one 400 s (slower than real
 * time). So we wrap the OfflineAudioContext in a plain Tone.Context with the "offline" clock source
 * (no timer of its own) and drive its clock ourselves: the render pauses (suspend) every STEP
 * frames, and each pause lets the Transport schedule the next look-ahead's notes, as the live
 * player's clock does every few milliseconds. The same pauses drive the progress bar.
 */
import type * as ToneNS from 'tone';
import type { ToneModule } from '../player/instruments.ts';
import { RENDER_QUANTUM, stepFrames } from './progress.ts';

/** Frames rendered between two scheduling passes: 64 quanta, about 0.19 s at 44.1 kHz. */
export const STEP_FRAMES = 64 * RENDER_QUANTUM;

/** A Tone context over `raw` whose clock moves only when `renderStepped` says so. */
export function steppedContext(Tone: ToneModule, raw: OfflineAudioContext): ToneNS.Context {
  // Offline, as far as Tone's nodes are concerned: otherwise they take the render's pauses for a
  // live context not yet started, warn, and hold their signal sources back until it "runs".
  class SteppedContext extends Tone.Context {
    override readonly isOffline = true;
  }
  const step = STEP_FRAMES / raw.sampleRate;
  // Look-ahead one step and a quantum: each pass schedules past the next pause, so no note is ever
  // put on the graph after its time has been rendered.
  return new SteppedContext({ context: raw, clockSource: 'offline', lookAhead: step + RENDER_QUANTUM / raw.sampleRate, updateInterval: step });
}

/**
 * Render `raw` to the end, running `context`'s clock at the start and at every step;
 * `onProgress` gets the fraction of frames rendered at each pause.
 * @example const buffer = await renderStepped(steppedContext(Tone, raw), raw, (f) => (bar = f));
 */
export async function renderStepped(context: ToneNS.Context, raw: OfflineAudioContext, onProgress: (fraction: number) => void): Promise<AudioBuffer> {
  // "tick" is what a Tone context's own timer emits to run the Transport's clock up to now().
  const tick = () => void context.emit('tick');
  let refused: unknown = null;
  tick();
  for (const frame of stepFrames(raw.length, STEP_FRAMES)) {
    raw.suspend(frame / raw.sampleRate).then(
      () => {
        tick();
        onProgress(frame / raw.length);
        void raw.resume();
      },
      // Never expected (stepFrames asks only for distinct pauses inside the render), but a missed
      // pause would be missed notes: fail the render rather than hand over a file with gaps.
      (e: unknown) => (refused ??= e),
    );
  }
  const buffer = await raw.startRendering();
  if (refused) throw refused instanceof Error ? refused : new Error(String(refused));
  return buffer;
}
