/**
 * Jam mode's state: where the pad is, whether the loop plays, how many swaps have landed, the
 * recorded path, and Capture (the current moment saved as a journal version). Pad moves are
 * coalesced to one regeneration per animation frame; the player lands the newest at the next bar.
 */
import { t } from '../i18n/index.ts';
import { clampPoint, recordPath, type LoopNote, type PadPoint, type PathPoint, type PlayedNote } from '../../../music/jam/index.ts';
import type { SongParameters } from '../../../music/params.ts';
import { api } from '../lib/api.ts';
import type { SongState } from '../lib/song.svelte.ts';
import type { Version } from '../lib/types.ts';
import type { VersionsState } from '../lib/versions.svelte.ts';
import { makeLoop, type MadeLoop } from './engine.ts';
import type { JamLink } from './link.ts';
import { JamPlayer } from './player.ts';

/** What tests and the bench read through `window.__innerchordJam` (read-only). */
export interface JamDebug {
  readonly running: boolean;
  readonly swaps: number;
  readonly lastSwapTick: number | null;
  /** Bar ticks of this run's swaps, oldest first. */
  readonly swapTicks: readonly number[];
  readonly bars: number;
  readonly notesStarted: number;
  readonly tick: number;
  readonly loopId: number;
  readonly point: PadPoint;
  /** Milliseconds each regeneration took, oldest first (the last 500). */
  readonly generationMs: readonly number[];
  /** Ticks where notes handed over by the live player (answers) started, oldest first. */
  readonly extraStarts: readonly number[];
}

declare global {
  interface Window {
    __innerchordJam?: JamDebug;
  }
}

export class JamState {
  point = $state<PadPoint>({ valence: 0, arousal: 0 });
  running = $state(false);
  starting = $state(false);
  swaps = $state(0);
  saving = $state(false);
  /** "Saved as v7" after a capture. */
  saved = $state<string | null>(null);
  error = $state<string | null>(null);
  path = $state.raw<PathPoint[]>([]);
  /** The loop now being heard or waiting for its bar (its tempo and mode for the readout). */
  made = $state.raw<MadeLoop | null>(null);

  #version: Version;
  #song: SongState;
  #versions: VersionsState;
  #player = new JamPlayer();
  #nextId = 1;
  #frame = 0;
  #t0 = performance.now();
  #timings: number[] = [];
  #poll = 0;
  /** The live player's say over the loop (their key, chord, tapped tempo), applied last. */
  #adjust: ((p: SongParameters) => SongParameters) | null = null;

  constructor(version: Version, song: SongState, versions: VersionsState, link: JamLink | null = null) {
    this.#player.link = link;
    // A plain copy: the app keeps versions in deep $state, and the engine should not walk proxies.
    this.#version = $state.snapshot(version) as Version;
    this.#song = song;
    this.#versions = versions;
    this.point = clampPoint({ valence: version.params.valence, arousal: version.params.arousal });
    this.#player.onStopped = () => {
      this.running = false;
      clearInterval(this.#poll);
      this.onStopped?.();
    };
    this.#regenerate();
    if (typeof window !== 'undefined') this.#expose();
  }

  /** Called with the tick each requested change counts from and its point (a take records these). */
  onRequested: ((tick: number, point: PadPoint) => void) | null = null;
  /** Called after the jam stops, for whatever reason (a take being recorded ends there). */
  onStopped: (() => void) | null = null;
  /** The notes the musician has played along this run, in jam ticks (the live player sets it; a take keeps them). */
  performance: (() => readonly PlayedNote[]) | null = null;
  /** Called when the musician moves the pad (a replay gives way to the hand). */
  onHandMove: (() => void) | null = null;

  /** Transport ticks now, and the end of the last bar handed to the voices (0 when stopped). */
  get tick(): number {
    return this.#player.tick;
  }
  get scheduledUntil(): number {
    return this.#player.scheduledUntil;
  }
  get ticksPerBar(): number {
    return this.made?.loop.ticksPerBar ?? 1920;
  }

  /** The Transport's tick at the audio clock's now (where a key pressed now falls), 0 when stopped. */
  get ticksNow(): number {
    return this.#player.ticksNow;
  }
  /** Called at each scheduling step with its first tick (the live player listens here). */
  set onStep(fn: ((tick: number) => void) | null) {
    this.#player.onStep = fn;
  }
  /** Play notes once at their absolute ticks, through the jam's voices (lane "answer:lead"). */
  playNotes(notes: readonly LoopNote[]): void {
    this.#player.playNotes(notes);
  }

  /**
   * Let the live player re-harmonise the loop (or set its tempo): `adjust` is applied to the
   * loop's parameters from now on, and the new loop takes over at the next barline. Returns the
   * tick the change counts from, or null when the jam is stopped (the next start uses it).
   */
  adjust(fn: ((p: SongParameters) => SongParameters) | null): number | null {
    this.#adjust = fn;
    const made = this.#make(this.point);
    return this.#player.running ? this.#player.request(made.loop) : null;
  }

  /** Move the pad point (pointer, arrows or sliders); the loop follows at the next bar. */
  move(point: PadPoint): void {
    this.onHandMove?.();
    this.#moveTo(point);
  }

  /** Show a point on the pad without asking for a loop (a replay moves the dot at the take's ticks). */
  show(point: PadPoint): void {
    const next = clampPoint(point);
    if (next.valence === this.point.valence && next.arousal === this.point.arousal) return;
    this.point = next;
    this.path = recordPath(this.path, Math.round(performance.now() - this.#t0), next);
  }

  /** Make the loop for `point` now and hand it to the player to take over at the barline after `atTick`. */
  cue(point: PadPoint, atTick: number): void {
    const made = this.#make(point);
    this.#player.request(made.loop, atTick);
  }

  /** Start from the top with the pad at `point` (a replay's first loop). */
  async startAt(point: PadPoint): Promise<void> {
    this.stop();
    cancelAnimationFrame(this.#frame);
    this.point = clampPoint(point);
    this.#make(this.point);
    await this.start();
  }

  #moveTo(point: PadPoint): void {
    const next = clampPoint(point);
    if (next.valence === this.point.valence && next.arousal === this.point.arousal) return;
    this.point = next;
    this.path = recordPath(this.path, Math.round(performance.now() - this.#t0), next);
    cancelAnimationFrame(this.#frame);
    this.#frame = requestAnimationFrame(() => this.#regenerate());
  }

  /** Start the loop (from a click: the AudioContext starts inside the gesture). */
  async start(): Promise<void> {
    if (this.running || this.starting || !this.made) return;
    this.starting = true;
    try {
      await this.#player.start(this.made.loop, this.made.params.meter);
      this.running = true;
      this.error = null;
      // Swaps happen on the audio scheduler; mirror the count for the UI a few times a second.
      this.#poll = window.setInterval(() => (this.swaps = this.#player.counters.swaps), 250);
    } catch (e) {
      this.error = e instanceof Error ? e.message : String(e);
    } finally {
      this.starting = false;
    }
  }

  stop(): void {
    this.#player.stop();
  }

  /** Save a moment as a new version of the WHOLE song (the server applies the feel to every
   *  section, so the next revision builds on the song's form, not on the 4-bar loop): the pad's
   *  now, or a take's `point`. */
  async capture(point: PadPoint = this.point, from?: string): Promise<void> {
    const songId = this.#song.id;
    if (!songId || this.saving) return;
    this.saving = true;
    try {
      const { valence, arousal } = clampPoint(point);
      const version = await api.captureVersion(this.#version.id, { valence, arousal, ...(from ? { from } : {}) });
      this.#versions.remember(version);
      this.#song.putVersion(version);
      this.#song.touch();
      this.saved = t('jam.savedAs', { n: version.number });
      this.error = null;
    } catch (e) {
      this.error = e instanceof Error ? e.message : String(e);
    } finally {
      this.saving = false;
    }
  }

  dispose(): void {
    cancelAnimationFrame(this.#frame);
    clearInterval(this.#poll);
    this.#player.dispose();
    if (typeof window !== 'undefined') delete window.__innerchordJam;
  }

  #make(point: PadPoint): MadeLoop {
    const made = makeLoop(this.#version.params, this.#version.seed, point, this.#nextId++, this.#adjust ?? undefined);
    this.#timings.push(made.ms);
    if (this.#timings.length > 500) this.#timings.shift();
    this.made = made;
    this.saved = null;
    return made;
  }

  #regenerate(): void {
    const point = this.point;
    const made = this.#make(point);
    const tick = this.#player.running ? this.#player.request(made.loop) : null;
    if (tick !== null) this.onRequested?.(tick, point);
  }

  #expose(): void {
    const player = this.#player;
    const self = this;
    window.__innerchordJam = Object.freeze({
      get running() { return player.running; },
      get swaps() { return player.counters.swaps; },
      get lastSwapTick() { return player.counters.lastSwapTick; },
      get swapTicks() { return [...player.counters.swapTicks]; },
      get bars() { return player.counters.bars; },
      get notesStarted() { return player.counters.notesStarted; },
      get tick() { return player.tick; },
      get audioTime() { return player.audioTime; },
      get loopId() { return self.made?.loop.id ?? 0; },
      get point() { return { ...self.point }; },
      get generationMs() { return [...self.#timings]; },
      get extraStarts() { return [...player.counters.extraStarts]; },
    });
  }
}
