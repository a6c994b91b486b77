/**
 * A version's sketch → WAV bytes in the browser, sounding like the player: the player's own graph
 * (graph.ts: the sampled piano, the synths, one Part per voice lane) is built in a Tone.js
 * OfflineContext and rendered, then music/render's encodeWav writes 16-bit PCM. Tone is imported
 * only when the musician asks for a WAV, as the player imports it only on first Play.
 *
 * We make the OfflineContext ourselves rather than call Tone.Offline: Tone.Offline swaps the
 * page's global context for as long as its callback runs (ours waits for samples), and the live
 * player or jam mode may be using it meanwhile. Every node here is made in our context instead.
 */
import { renderSeconds } from '../../../music/render/timing.ts';
import { encodeWav } from '../../../music/render/wav.ts';
import type { Sketch } from '../../../music/sketch.ts';
import { buildGraph, configureTransport, DEFAULT_MIX, type SketchGraph } from '../player/graph.ts';
import { loadPianoSamples } from '../player/samples.ts';
import { lanesForSketch, pianoRange, type VoiceLane } from '../player/schedule.ts';
import { samplesFor } from '../player/voices.ts';
import { stagedProgress, suspendTimes, type Stage, type StagedProgress } from './progress.ts';

export const SAMPLE_RATE = 44_100;

/**
 * The bar's stages. Tone first runs its whole clock in JavaScript (every Part callback schedules
 * its notes: the "schedule" stage), then the browser renders the audio; shares are rough costs.
 */
const STAGES: readonly Stage[] = [
  { name: 'samples', share: 0.1 },
  { name: 'schedule', share: 0.3 },
  { name: 'audio', share: 0.55 },
  { name: 'encode', share: 0.05 },
];
/** Progress reports per stage that has a timeline (schedule, audio). */
const STEPS = 20;

export interface RenderOptions {
  /** Where the piano samples are served (server/samples.ts). */
  sampleBase?: string;
}

/** Download name like the server's MIDI one: wavFileName('Rain on a window', 3) → "Rain-on-a-window-v3.wav". */
export function wavFileName(title: string, number: number): string {
  const safe = title.normalize('NFKD').replace(/[^\w\- ]+/g, '').trim().replace(/\s+/g, '-').slice(0, 60) || 'song';
  return `${safe}-v${number}.wav`;
}

/**
 * Render the sketch as the player plays it (every track, at the arranged levels: the mixer is a
 * listening aid, not part of the version) and encode it; `onProgress` gets 0 … 1, only forwards.
 */
export async function renderWav(sketch: Sketch, onProgress: (fraction: number) => void = () => {}, options: RenderOptions = {}): Promise<Blob> {
  const progress = stagedProgress(STAGES, onProgress);
  const Tone = await import('tone');
  const frames = Math.ceil(renderSeconds(sketch) * SAMPLE_RATE);
  const seconds = frames / SAMPLE_RATE;
  // Our own native context, so we can suspend it for the progress bar (Tone's would be wrapped).
  const raw = new OfflineAudioContext(2, frames, SAMPLE_RATE);
  const context = new Tone.OfflineContext(raw);
  let graph: SketchGraph | null = null;
  try {
    const lanes = lanesForSketch(sketch);
    const piano = await loadSamples(raw, lanes, progress, options.sampleBase);
    configureTransport(context.transport, sketch, false);
    graph = buildGraph(Tone, sketch, lanes, piano, () => DEFAULT_MIX, () => {}, context);
    // Tone's offline clock runs the Transport ahead of the audio; a repeat on it tells how far.
    context.transport.scheduleRepeat((time) => progress.report('schedule', time / seconds), seconds / STEPS, 0);
    context.transport.start(0);
    for (const at of suspendTimes(frames, SAMPLE_RATE, STEPS)) {
      raw.suspend(at).then(
        () => {
          progress.report('audio', at / seconds);
          void raw.resume();
        },
        () => {},
      );
    }
    const rendered = await context.render();
    progress.report('audio', 1);
    const bytes = encodeWav(rendered.get()!);
    progress.finish();
    return new Blob([bytes as Uint8Array<ArrayBuffer>], { type: 'audio/wav' });
  } finally {
    graph?.dispose();
    context.dispose();
  }
}

/**
 * The piano samples the sketch needs, decoded by the render's own context (so at its sample rate)
 * and all in hand before a note is scheduled: a Sampler given buffers, not URLs, is loaded at once.
 */
async function loadSamples(raw: OfflineAudioContext, lanes: VoiceLane[], progress: StagedProgress, base?: string): Promise<Map<number, AudioBuffer>> {
  const piano = new Map<number, AudioBuffer>();
  const range = pianoRange(lanes);
  if (range) {
    const wanted = samplesFor(range.low, range.high);
    let decoded = 0;
    const decode = async (bytes: ArrayBuffer) => {
      const buffer = await raw.decodeAudioData(bytes);
      progress.report('samples', ++decoded / wanted.length);
      return buffer;
    };
    await loadPianoSamples({ wanted, into: piano, decode, base });
  }
  progress.report('samples', 1);
  return piano;
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
