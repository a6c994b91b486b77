/**
 * Reactive face of the SketchPlayer for Svelte: status, playhead, loop and mixer as runes.
 * One per SketchPanel (which disposes it on destroy) and handed to its pictures as a prop. The
 * playhead is read from the Transport once per animation frame; with reduced motion it only
 * moves beat by beat.
 */
import type { Sketch, TrackId } from '../../../music/index.ts';
import { DEFAULT_MIX, type Mix } from './graph.ts';
import { SketchPlayer, type PlayerEngine, type PlayerStatus } from './player.ts';

/** What tests read through `window.__innerchordPlayer` (read-only). */
export interface PlayerDebug {
  readonly status: PlayerStatus;
  readonly scheduledCount: number;
  readonly contextState: string;
  readonly tick: number;
  /** The live Tone.Channel settings of a track, or null before the first play. */
  channel(track: TrackId): Mix | null;
  /** What plays the sketch: the GM soundfont synth, the synth fallback, or nothing built yet. */
  readonly engine: PlayerEngine;
  /** Why the fallback plays (the bank could not load), or null. */
  readonly fallback: string | null;
  /** A track's output level now, dB. */
  level(track: TrackId): number;
}

declare global {
  interface Window {
    __innerchordPlayer?: PlayerDebug;
  }
}

export class PlayerState {
  status = $state<PlayerStatus>('idle');
  error = $state<string | null>(null);
  /** Why simple synth voices play instead of the instruments (the bank could not load), or null. */
  fallback = $state<string | null>(null);
  /** Playhead in ticks. */
  tick = $state(0);
  loop = $state(false);
  sketch = $state.raw<Sketch | null>(null);
  mix = $state<Partial<Record<TrackId, Mix>>>({});
  readonly playing = $derived(this.status === 'playing');
  readonly loading = $derived(this.status === 'loading');

  #player: SketchPlayer;
  #frame = 0;
  #reducedMotion = false;
  #onPageHide = () => this.#release();
  /** Back from the back-forward cache: rebuild lazily for the same sketch. */
  #onPageShow = (e: PageTransitionEvent) => {
    const sketch = this.sketch;
    if (!e.persisted || !sketch) return;
    this.sketch = null;
    this.load(sketch);
  };

  constructor() {
    this.#player = new SketchPlayer({
      onStatus: (status, error) => {
        this.status = status;
        this.error = error ?? null;
        if (status === 'playing') this.#follow();
        else this.tick = this.#player.position();
      },
      onFallback: (reason) => {
        this.fallback = reason;
      },
    });
    if (typeof window !== 'undefined') {
      this.#reducedMotion = window.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? false;
      window.addEventListener('pagehide', this.#onPageHide);
      window.addEventListener('pageshow', this.#onPageShow);
      const player = this.#player;
      const self = this;
      window.__innerchordPlayer = Object.freeze({
        get status() { return player.status; },
        get scheduledCount() { return player.scheduledCount; },
        get contextState() { return player.contextState; },
        get audioTime() { return player.audioTime; },
        get tick() { return self.tick; },
        channel: (track: TrackId) => player.channelState(track),
        get engine() { return player.engine; },
        get fallback() { return self.fallback; },
        level: (track: TrackId) => player.level(track),
      });
    }
  }

  /** Show a sketch (replacing and disposing the previous one's sounds). */
  load(sketch: Sketch): void {
    if (this.sketch === sketch) return;
    this.#player.load(sketch);
    this.sketch = sketch;
    this.tick = 0;
  }

  /** Start playing; call from a click or key handler (the AudioContext needs the gesture). */
  play(): Promise<void> {
    return this.#player.play();
  }

  /** Stop playing. */
  stop(): void {
    this.#player.stop();
  }

  /** Play ↔ stop. */
  toggle(): void {
    this.#player.toggle();
  }

  /** Whether the app's global Space shortcut belongs to this player (see SketchPlayer). */
  get isShortcutTarget(): boolean {
    return this.#player.isShortcutTarget;
  }

  /** Fetch Tone.js ahead of the click (pointer or focus on Play). */
  prefetch(): void {
    void this.#player.prefetch();
  }

  /** Jump to a tick (a section start). */
  seek(tick: number): void {
    this.#player.seek(tick);
    this.tick = tick;
  }

  setLoop(on: boolean): void {
    this.loop = on;
    this.#player.setLoop(on);
  }

  /** Change one track's mute / solo / volume (dB). */
  setMix(track: TrackId, change: Partial<Mix>): void {
    this.#player.setMix(track, change);
    this.mix[track] = this.#player.mixOf(track);
  }

  mixOf(track: TrackId): Mix {
    return this.mix[track] ?? DEFAULT_MIX;
  }

  /** Dispose every audio node and stop following the Transport. */
  dispose(): void {
    this.#release();
    if (typeof window === 'undefined') return;
    window.removeEventListener('pagehide', this.#onPageHide);
    window.removeEventListener('pageshow', this.#onPageShow);
  }

  #release(): void {
    cancelAnimationFrame(this.#frame);
    this.#player.dispose();
  }

  #follow(): void {
    cancelAnimationFrame(this.#frame);
    const step = () => {
      if (this.#player.status !== 'playing') return;
      const tick = this.#player.position();
      const ppq = this.sketch?.ppq ?? 480;
      // Reduced motion: jump beat to beat instead of gliding.
      this.tick = this.#reducedMotion ? Math.floor(tick / ppq) * ppq : tick;
      this.#frame = requestAnimationFrame(step);
    };
    this.#frame = requestAnimationFrame(step);
  }
}
