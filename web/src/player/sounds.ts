/**
 * What a sketch sounds on, for the player: the General MIDI soundfont synth with the sketch's own
 * bank when it loads, else the sampled piano and simple synth voices (and the reason told). The
 * player (player.ts) owns the Transport and when notes sound; this module owns which instruments
 * make them and builds the graph of voices and channels the player schedules into.
 */
import type { Sketch, TrackId } from '../../../music/index.ts';
import { buildGraph, type Mix, type SketchGraph } from './graph.ts';
import type { ToneModule } from './instruments.ts';
import { lanesForSketch, pianoRange } from './schedule.ts';
import { samplesFor } from './voices.ts';
import { loadPianoSamples } from './samples.ts';
import { bankUrl, createGmSynth, fetchBank, READY_LIMIT_MS, withinLimit } from './gm.ts';
import { GmSlot, type Gm } from './gmSlot.ts';
import { buildGmGraph } from './gmGraph.ts';

/** Which sound plays the sketch: the GM soundfont synth, the synthesised fallback, or nothing built yet. */
export type PlayerEngine = 'soundfont' | 'synth' | 'none';

export interface SoundsOptions {
  /** Where the piano samples are served (server/samples.ts). */
  sampleBase?: string;
  /** Where per-sketch sound banks are served (server/soundbankRoutes.ts). */
  bankBase?: string;
  /** The sound bank could not be loaded (the reason) and simple synth voices play instead; null once it loads. */
  onFallback?: (reason: string | null) => void;
}

/** The instruments ready for one sketch: the GM synth, or null when the fallback voices play. */
export type LoadedSounds = { gm: Gm | null };

export class SketchSounds {
  #opts: SoundsOptions;
  #tone: () => Promise<ToneModule>;
  /** The current sketch's synth, made from the moment the sketch arrives. */
  #gm = new GmSlot();
  #piano = new Map<number, AudioBuffer>();

  /** `tone` loads Tone.js (the player's own prefetch, so both share one import). */
  constructor(opts: SoundsOptions, tone: () => Promise<ToneModule>) {
    this.#opts = opts;
    this.#tone = tone;
  }

  /**
   * Start making the sketch's synth: Tone, the worklet, the bank fetched and parsed, its presets
   * ready (once per sketch; again after a failure or a release). Called as soon as a sketch
   * arrives, so Play only has to start the context and the notes.
   */
  prepare(sketch: Sketch): Promise<Gm> {
    const url = bankUrl(sketch, this.#opts.bankBase);
    return this.#gm.prepare(async () => {
      const [Tone, bytes] = await Promise.all([this.#tone(), fetchBank(url)]);
      performance.mark('innerchord:gm-bank');
      const gm = await createGmSynth(Tone, bytes);
      performance.mark('innerchord:gm-ready');
      return gm;
    });
  }

  /** The GM synth with the sketch's bank; when it cannot load in time, the piano samples instead. */
  async load(Tone: ToneModule, sketch: Sketch): Promise<LoadedSounds> {
    const gm = await this.#loadGm(sketch);
    if (!gm) await this.#loadPiano(Tone, sketch);
    return { gm };
  }

  /** The voices and channels for a sketch on what `load` made. */
  graph(
    Tone: ToneModule,
    sketch: Sketch,
    sounds: LoadedSounds,
    mixOf: (track: TrackId) => Mix,
    onNote: (time: number) => boolean | void,
  ): { graph: SketchGraph; engine: PlayerEngine } {
    return sounds.gm
      ? { graph: buildGmGraph(Tone, sketch, sounds.gm.synth, mixOf, onNote), engine: 'soundfont' }
      : { graph: buildGraph(Tone, sketch, lanesForSketch(sketch), this.#piano, mixOf, onNote), engine: 'synth' };
  }

  /** Let go of the synth (destroyed once made), so the next prepare makes a new one. */
  release(): void {
    this.#gm.clear();
  }

  /** Release everything, the decoded piano samples too. */
  dispose(): void {
    this.release();
    this.#piano.clear();
  }

  async #loadGm(sketch: Sketch): Promise<Gm | null> {
    try {
      const gm = await withinLimit(this.prepare(sketch), READY_LIMIT_MS, 'the instrument synth did not start');
      this.#opts.onFallback?.(null);
      return gm;
    } catch (e) {
      // A synth that turns up after the limit is dropped; the next teardown lets a later Play retry.
      this.release();
      this.#opts.onFallback?.(e instanceof Error ? e.message : String(e));
      return null;
    }
  }

  async #loadPiano(Tone: ToneModule, sketch: Sketch): Promise<void> {
    const range = pianoRange(lanesForSketch(sketch));
    if (!range) return;
    const context = Tone.getContext();
    await loadPianoSamples({ wanted: samplesFor(range.low, range.high), into: this.#piano, decode: (b) => context.decodeAudioData(b), base: this.#opts.sampleBase });
  }
}
