/**
 * A version's sketch → WAV bytes in the browser, sounding like the player. With the General MIDI
 * bank (the usual case) it renders through soundfont.ts — the player's instruments, engine and
 * mix. When the bank cannot load, the player plays its synthesised fallback, and so does this:
 * the player's own graph
 * (graph.ts: the sampled piano, the synths, one Part per voice lane on a Transport) is built in a
 * Tone.js context over an OfflineAudioContext and rendered (stepped.ts says why a step at a time
 * rather than with Tone.Offline), then music/render's encodeWav writes 16-bit PCM. Tone is
 * imported only when the musician asks for a WAV, as the player imports it only on first Play.
 *
 * Every node is made in the render's own context, never the page's global one (which Tone.Offline
 * would swap out while it runs): the live player or jam mode may be playing meanwhile.
 */
import { renderSeconds } from '../../../music/render/timing.ts';
import { encodeWav } from '../../../music/render/wav.ts';
import type { Sketch } from '../../../music/sketch.ts';
import { buildGraph, configureTransport, DEFAULT_MIX, type SketchGraph } from '../player/graph.ts';
import { loadPianoSamples } from '../player/samples.ts';
import { lanesForSketch, pianoRange, type VoiceLane } from '../player/schedule.ts';
import { samplesFor } from '../player/voices.ts';
import { stagedProgress, type Stage, type StagedProgress } from './progress.ts';
import { renderStepped, steppedContext } from './stepped.ts';
import { pcm, renderWithBank, stemsZip } from './soundfont.ts';

export const SAMPLE_RATE = 44_100;

/** The bar's stages and their shares: rough costs, measured on a 100 s song. */
const STAGES: readonly Stage[] = [
  { name: 'samples', share: 0.1 },
  { name: 'audio', share: 0.85 },
  { name: 'encode', share: 0.05 },
];

/** Performance marks of the last render, for bench/render-web.ts: start, samples in, rendered, encoded. */
export const WAV_MARKS = ['innerchord:wav-start', 'innerchord:wav-samples', 'innerchord:wav-rendered', 'innerchord:wav-encoded'] as const;

export interface RenderOptions {
  /** Where the piano samples are served (server/samples.ts). */
  sampleBase?: string;
  /** Where per-sketch banks are served (server/soundbankRoutes.ts). */
  bankBase?: string;
  /** The bank could not load: the reason, before the fallback renders. */
  onFallback?: (reason: string) => void;
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
  for (const mark of WAV_MARKS) performance.clearMarks(mark);
  performance.mark(WAV_MARKS[0]);
  let render;
  try {
    render = await renderWithBank(sketch, (f) => onProgress(0.95 * f), options.bankBase);
  } catch (e) {
    options.onFallback?.(e instanceof Error ? e.message : String(e));
  }
  if (render) {
    performance.mark(WAV_MARKS[1]);
    performance.mark(WAV_MARKS[2]);
    const bytes = encodeWav(pcm(render.mix));
    performance.mark(WAV_MARKS[3]);
    onProgress(1);
    return new Blob([bytes as Uint8Array<ArrayBuffer>], { type: 'audio/wav' });
  }
  return renderFallbackWav(sketch, onProgress, options);
}

/** The stems of the sketch (one WAV per part, summing to the mix) as a zip; needs the bank. */
export async function renderStemsZip(sketch: Sketch, onProgress: (fraction: number) => void = () => {}, options: RenderOptions = {}): Promise<Blob> {
  const render = await renderWithBank(sketch, (f) => onProgress(0.95 * f), options.bankBase);
  const zip = await stemsZip(render);
  onProgress(1);
  return zip;
}

/** The synthesised fallback: the player's Tone graph in an OfflineAudioContext. */
async function renderFallbackWav(sketch: Sketch, onProgress: (fraction: number) => void, options: RenderOptions): Promise<Blob> {
  const progress = stagedProgress(STAGES, onProgress);
  const Tone = await import('tone');
  const raw = new OfflineAudioContext(2, Math.ceil(renderSeconds(sketch) * SAMPLE_RATE), SAMPLE_RATE);
  const context = steppedContext(Tone, raw);
  let graph: SketchGraph | null = null;
  try {
    const lanes = lanesForSketch(sketch);
    const piano = await loadSamples(raw, lanes, progress, options.sampleBase);
    performance.mark(WAV_MARKS[1]);
    configureTransport(context.transport, sketch, false);
    graph = buildGraph(Tone, sketch, lanes, piano, () => DEFAULT_MIX, () => {}, context);
    context.transport.start(0);
    const rendered = await renderStepped(context, raw, (f) => progress.report('audio', f));
    performance.mark(WAV_MARKS[2]);
    progress.report('audio', 1);
    const bytes = encodeWav(rendered);
    performance.mark(WAV_MARKS[3]);
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
