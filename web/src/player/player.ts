/**
 * The one audio module: plays a Sketch with Tone.js. Tone is loaded with `import('tone')` when a
 * sketch arrives (with its GM synth), never in the initial bundle. Scheduling goes
 * through the Transport (PPQ = sketch.ppq, bpm = sketch.tempo) with Parts whose callbacks use the
 * passed `time`; nothing musical uses the wall clock. `dispose()` releases every node it made.
 */
import type { Sketch, TrackId } from '../../../music/index.ts';
import { applyMix, configureTransport, DEFAULT_MIX, type Mix, type SketchGraph } from './graph.ts';
import type { ToneModule } from './instruments.ts';
import { leadIn, secondsToTicks } from './schedule.ts';
import { onHush } from './hush.ts';
import { SketchSounds, type PlayerEngine, type SoundsOptions } from './sounds.ts';
import { TrackMeters } from './meters.ts';
import { markClick, markFirstNote } from './marks.ts';

export type { PlayerEngine } from './sounds.ts';

export type PlayerStatus = 'idle' | 'loading' | 'ready' | 'playing' | 'error';

export interface PlayerOptions extends SoundsOptions {
  onStatus?: (status: PlayerStatus, error?: string) => void;
  /** The song reached its end (not looping): called in step with the audio via Tone.Draw. */
  onEnded?: () => void;
}

export { MARK_CLICK, MARK_FIRST_NOTE, MARK_FIRST_SOUND } from './marks.ts';


/** Tone's Transport is one per page: the player that owns it now (plain, not reactive, state). */
let owner: SketchPlayer | null = null;
/** Players alive on the page, oldest first: the global Space shortcut goes to just one of them. */
const live: SketchPlayer[] = [];

export class SketchPlayer {
  #opts: PlayerOptions;
  #tone: ToneModule | null = null;
  #toneLoading: Promise<ToneModule> | null = null;
  #sketch: Sketch | null = null;
  #graph: SketchGraph | null = null;
  #endEvent: number | null = null;
  /** Which instruments play the sketch (the soundfont synth or the fallback voices). */
  #sounds: SketchSounds;
  #meters = new TrackMeters();
  engine: PlayerEngine = 'none';
  #mix = new Map<TrackId, Mix>();
  #loop = false;
  #startTick = 0;
  /** Audio-clock time the last Play's first note sounds at (for the playhead before sound begins). */
  #startedAt = 0;
  /** Audio-clock time the Transport itself starts (later than #startedAt when Play led in). */
  #transportAt = 0;
  #generation = 0;
  #awaitingFirstNote = false;
  #disposed = false;
  status: PlayerStatus = 'idle';
  /** Notes handed to voices by the scheduler since this player was made (read by tests). */
  scheduledCount = 0;
  /** True from Play's start until Stop, Pause or teardown: notes the scheduler hands over outside it stay silent. */
  #sounding = false;

  constructor(opts: PlayerOptions = {}) {
    this.#opts = opts;
    this.#sounds = new SketchSounds(opts, () => this.prefetch());
    live.push(this);
  }

  /** Whether the page-wide Space shortcut is meant for this player: the one that played last,
   *  else the oldest on the page (so two panels side by side never both start). */
  get isShortcutTarget(): boolean {
    return owner ? owner === this : live[0] === this;
  }

  /** Called just before a sketch player takes the Transport, so jam mode can step aside first. */
  static onClaim: (() => void) | null = null;

  /** Something other than a sketch player (jam mode) takes the one Transport: whoever owns it
   *  stops and takes its Parts off (they are rebuilt on the next play). */
  static releaseTransport(): void {
    if (owner) owner.#yieldTransport();
    owner = null;
  }

  /** Start fetching Tone.js without playing (e.g. when the pointer reaches Play). */
  prefetch(): Promise<ToneModule> {
    this.#toneLoading ??= import('tone').then((Tone) => {
      // Draw drops a callback that comes due more than `expiration` (0.25 s) late. On a busy machine
      // an animation frame can be later than that, and the end-of-song callback changes the
      // player's state (Play becomes Play again): it must arrive late rather than never.
      Tone.getDraw().expiration = 30;
      return (this.#tone = Tone);
    });
    return this.#toneLoading;
  }

  /** Show a new sketch: stops playback and disposes the previous sketch's graph. */
  load(sketch: Sketch): void {
    if (this.#sketch === sketch) return;
    this.stop();
    this.#teardown();
    this.#sketch = sketch;
    this.#startTick = 0;
    this.#generation++;
    // The sketch just arrived: start fetching its instruments now, before Play is pressed.
    // Make its synth too (Tone, the worklet, the bank parsed, its presets ready), so Play only has
    // to start the context and the notes. A failure here is told (and fallen back from) on Play.
    this.#sounds.prepare(sketch).catch(() => {});
    if (this.#disposed && !live.includes(this)) live.push(this);
    this.#disposed = false;
  }

  /** Play from the start (or the jumped-to section). Call from the click handler: the first
   *  thing it does is `Tone.start()`, so the AudioContext starts inside the user gesture. */
  async play(): Promise<void> {
    if (!this.#sketch || this.#disposed || this.status === 'playing' || this.status === 'loading') return;
    markClick();
    const generation = this.#generation;
    try {
      if (!this.#tone) this.#setStatus('loading');
      const Tone = this.#tone ?? (await this.prefetch());
      await Tone.start();
      SketchPlayer.onClaim?.();
      if (owner && owner !== this) owner.#yieldTransport();
      owner = this;
      if (!this.#graph) {
        this.#setStatus('loading');
        await this.#build(Tone, this.#sketch, generation);
      }
      if (generation !== this.#generation || this.#disposed || owner !== this || !this.#graph) return;
      this.#awaitingFirstNote = true;
      this.#start(Tone, this.#sketch, this.#graph);
      this.#setStatus('playing');
    } catch (e) {
      this.#setStatus('error', e instanceof Error ? e.message : String(e));
    }
  }

  /**
   * Start the Transport at the current start tick. The Transport hands notes over a look-ahead
   * (0.1 s) ahead of the audio, and a start sooner than that would lose the notes the scheduler has
   * already passed; so when the graph can, the notes of that first stretch go straight to the synth,
   * the first one FIRST_NOTE_LEAD from now, and the Transport starts on the first tick after it.
   */
  #start(Tone: ToneModule, sketch: Sketch, graph: SketchGraph): void {
    this.#sounding = true;
    const transport = Tone.getTransport();
    const lookAhead = Tone.getContext().lookAhead;
    const from = this.#startTick;
    const lead = graph.lead ? leadIn(from, Tone.immediate(), lookAhead, sketch) : null;
    if (!graph.lead || !lead) {
      this.#startedAt = this.#transportAt = Tone.now();
      transport.start(this.#startedAt, `${from}i`);
      return;
    }
    graph.lead(from, lead.to, lead.at);
    this.#startedAt = lead.at;
    this.#transportAt = lead.transportAt;
    transport.start(this.#transportAt, `${lead.to}i`);
  }

  /** Stop and silence; the next play starts from the top (or the section last jumped to). */
  stop(): void {
    this.#sounding = false;
    const Tone = this.#tone;
    if (!Tone || this.status !== 'playing') return;
    Tone.getTransport().stop();
    for (const v of this.#graph?.voices ?? []) v.release(Tone.now());
    this.#startTick = 0;
    this.#setStatus('ready');
  }

  /** Pause where the listener is (the next play resumes there), letting sounding notes ring out. */
  pause(): void {
    this.#sounding = false;
    const Tone = this.#tone;
    if (!Tone || this.status !== 'playing') return;
    const heard = this.position();
    Tone.getTransport().stop();
    for (const v of this.#graph?.voices ?? []) v.release(Tone.now());
    this.#startTick = heard;
    this.#setStatus('ready');
  }

  /** Quiet the whole page (a crisis reply): jam mode steps aside, every sketch pauses in place. */
  static pauseAll(): void {
    SketchPlayer.onClaim?.();
    for (const player of live) player.pause();
  }

  /** Play when stopped, stop when playing (the app's Space shortcut). */
  toggle(): void {
    if (this.status === 'playing') this.stop();
    else void this.play();
  }

  /** Move the playhead to a tick (a section start): immediately when playing, else on next play. */
  seek(tick: number): void {
    this.#startTick = Math.max(0, tick);
    if (this.#tone && this.status === 'playing') {
      for (const v of this.#graph?.voices ?? []) v.release(this.#tone.now());
      this.#tone.getTransport().ticks = this.#startTick;
    }
  }

  /** Loop the whole song. */
  setLoop(on: boolean): void {
    this.#loop = on;
    if (this.#tone && this.#graph && owner === this) this.#tone.getTransport().loop = on;
  }

  /** Change one track's mute / solo / volume. */
  setMix(track: TrackId, change: Partial<Mix>): void {
    const mix = { ...this.mixOf(track), ...change };
    this.#mix.set(track, mix);
    if (this.#graph) applyMix(this.#graph, track, mix);
  }

  /** What the live Tone.Channel of a track says (null before the graph is built): for tests. */
  channelState(track: TrackId): Mix | null {
    const channel = this.#graph?.channels.get(track);
    return channel ? { mute: channel.mute, solo: channel.solo, volume: channel.volume.value } : null;
  }

  /** Current mixer settings of a track. */
  mixOf(track: TrackId): Mix {
    return this.#mix.get(track) ?? DEFAULT_MIX;
  }

  /** Where the listener is, in ticks, at the audio output (not the look-ahead). */
  position(): number {
    const Tone = this.#tone;
    if (!Tone || this.status !== 'playing') return this.#startTick;
    const heard = Tone.immediate();
    // Until the start time (one look-ahead after the click) nothing is heard yet: stay put.
    if (heard < this.#startedAt) return this.#startTick;
    // Led in: the first notes are sounding, the Transport not started yet.
    if (heard < this.#transportAt) return this.#startTick + secondsToTicks(heard - this.#startedAt, this.#sketch!);
    return Math.max(0, Tone.getTransport().getTicksAtTime(heard));
  }

  /** The AudioContext's state ("suspended", "running" …), or "none" before Tone is loaded. */
  get contextState(): string {
    return this.#tone ? this.#tone.getContext().state : 'none';
  }

  /** The audio clock in seconds (0 before Tone loads): tests wait on it, not on the wall clock. */
  get audioTime(): number {
    return this.#tone ? this.#tone.getContext().currentTime : 0;
  }

  /** Release every node, part and buffer this player made, and reset the Transport. */
  dispose(): void {
    this.stop();
    this.#teardown();
    this.#sounds.dispose();
    this.#disposed = true;
    this.#sketch = null;
    if (owner === this) owner = null;
    const i = live.indexOf(this);
    if (i >= 0) live.splice(i, 1);
  }

  /** Another player is about to use the Transport: stop and take our Parts off it. */
  #yieldTransport(): void {
    this.stop();
    this.#teardown();
  }

  #setStatus(status: PlayerStatus, error?: string): void {
    this.status = status;
    this.#opts.onStatus?.(status, error);
  }

  #teardown(): void {
    const Tone = this.#tone;
    if (Tone && this.#endEvent !== null) Tone.getTransport().clear(this.#endEvent);
    this.#endEvent = null;
    this.#sounding = false;
    this.#meters.dispose();
    this.#graph?.dispose();
    this.#graph = null;
    this.#sounds.release();
    this.engine = 'none';
    if (Tone && owner === this) {
      const transport = Tone.getTransport();
      transport.stop();
      transport.loop = false;
    }
    if (this.status !== 'idle') this.#setStatus('idle');
  }

  async #build(Tone: ToneModule, sketch: Sketch, generation: number): Promise<void> {
    const sounds = await this.#sounds.load(Tone, sketch);
    // Another sketch arrived (or the player went away) while the sounds loaded: build nothing.
    if (generation !== this.#generation || this.#disposed || owner !== this) {
      this.#sounds.release();
      return;
    }
    const transport = Tone.getTransport();
    configureTransport(transport, sketch, this.#loop);
    const built = this.#sounds.graph(Tone, sketch, sounds, (t) => this.mixOf(t), (time) => this.#noteScheduled(time));
    this.#graph = built.graph;
    this.engine = built.engine;
    this.#endEvent = transport.schedule((time) => {
      if (transport.loop) return;
      transport.stop(time);
      Tone.getDraw().schedule(() => this.#ended(), time);
    }, `${sketch.totalTicks}i`);
  }

  /**
   * Output level of a track right now, in dB (−Infinity when silent or not built): for tests that
   * check every part really sounds. The meter is made on first ask.
   */
  level(track: TrackId): number {
    const channel = this.#graph?.channels.get(track);
    return this.#tone && channel ? this.#meters.level(this.#tone, track, channel) : -Infinity;
  }

  /** A note is due: count it, or refuse it (false) once Stop or Pause has been pressed. */
  #noteScheduled(time: number): boolean {
    // Tone's scheduler can still hand over ticks that fell due just before a stop, after it.
    if (!this.#sounding) return false;
    this.scheduledCount++;
    if (!this.#awaitingFirstNote) return true;
    this.#awaitingFirstNote = false;
    markFirstNote(this.#tone, time);
    return true;
  }

  #ended(): void {
    if (this.status !== 'playing') return;
    this.#startTick = 0;
    this.#setStatus('ready');
    this.#opts.onEnded?.();
  }
}

// Once per page, when the player module first loads (with the first sketch panel).
onHush(() => SketchPlayer.pauseAll());
