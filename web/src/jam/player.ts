/**
 * Jam playback on Tone's one Transport. A repeating sixteenth-note event (in ticks) asks the pure
 * schedule (music/jam), at each barline, what the bar plays: a pending loop takes over only there,
 * and notes the old loop still holds are released there. Each step then starts the bar's notes
 * that fall in it at Transport-derived times (`time` + offset), never the wall clock; scheduling a
 * step at a time (not a whole bar) means Stop silences everything within Tone's look-ahead.
 * Voices are kept per lane and disposed here.
 */
import type * as ToneNS from 'tone';
import { createSchedule, effectiveTick, requestChange, scheduleBar, type BarPlan, type JamLoop, type JamSchedule, type LoopNote } from '../../../music/jam/index.ts';
import { PPQ } from '../../../music/tracks.ts';
import { buildVoice, type ToneModule, type VoiceSound } from '../player/instruments.ts';
import { SketchPlayer } from '../player/player.ts';
import { laneVoice } from './engine.ts';
import type { JamLink } from './link.ts';

/** What the jam player has done so far (read by the debug hook and the bench). */
export interface JamCounters {
  swaps: number;
  lastSwapTick: number | null;
  bars: number;
  notesStarted: number;
  releases: number;
  /** Bar ticks of this run's swaps (the Transport restarts at 0 on each start), oldest first. */
  swapTicks: number[];
  /** Ticks at which notes handed over with playNotes (an answer) started, this run, oldest first (the last 200). */
  extraStarts: number[];
}

const seconds = (ticks: number, tempo: number) => (ticks * 60) / (tempo * PPQ);
/** Scheduling step: a sixteenth note (every meter's bar is a whole number of them). */
const STEP = PPQ / 4;

export class JamPlayer {
  #Tone: ToneModule | null = null;
  #schedule: JamSchedule | null = null;
  #repeat: number | null = null;
  #nextStep = 0;
  #plan: BarPlan | null = null;
  #voices = new Map<string, VoiceSound>();
  #out: ToneNS.Volume | null = null;
  #startedAt = 0;
  /** Audio time the last stop let the voices go at: a restart (a take's replay) starts no earlier,
   *  or a voice would be asked to start before a release it already has queued (Tone refuses). */
  #releasedAt = 0;
  #onStop = (time: number) => {
    // Someone else stopped the Transport (the sketch player, a seek): the jam is over too. A stop
    // from before our start is the old owner's, reported late by Tone's clock: not ours to obey.
    if (this.#repeat !== null && time >= this.#startedAt) this.stop();
  };
  /** A sketch player is about to start: stop first, so it finds the Transport stopped. */
  #yield = () => this.stop();
  /** Called when the jam stops by itself or because the Transport was taken. */
  onStopped: () => void = () => {};
  /** Where Web MIDI out listens (set by the sketch tools bar); null when nothing listens. */
  link: JamLink | null = null;
  counters: JamCounters = { swaps: 0, lastSwapTick: null, bars: 0, notesStarted: 0, releases: 0, swapTicks: [], extraStarts: [] };
  /** Called at each scheduling step, before its notes start, with the step's first tick (the live
   *  player decides an answer here, so it can still land in this very step). */
  onStep: ((tick: number) => void) | null = null;
  /** Notes to play once at absolute ticks (an answer to the player), in start order. */
  #extra: LoopNote[] = [];

  get running(): boolean {
    return this.#repeat !== null;
  }

  /** Ticks the Transport is at (including Tone's look-ahead), or 0 when stopped. */
  get tick(): number {
    return this.#Tone && this.running ? this.#Tone.getTransport().ticks : 0;
  }

  /** The Transport's tick at the audio clock's now, without Tone's look-ahead (where a key pressed now
   *  falls on the jam's timeline), or 0 when stopped. */
  get ticksNow(): number {
    return this.#Tone && this.running ? this.#Tone.getTransport().getTicksAtTime(this.#Tone.immediate()) : 0;
  }

  /** Play these notes once, at their absolute ticks (ones already past are dropped). */
  playNotes(notes: readonly LoopNote[]): void {
    if (!this.running) return;
    this.#extra = [...this.#extra, ...notes.filter((n) => n.start >= this.#nextStep)].sort((a, b) => a.start - b.start);
  }

  /** The audio clock in seconds (0 before Tone is loaded): tests wait on it rather than on the wall clock. */
  get audioTime(): number {
    return this.#Tone ? this.#Tone.now() : 0;
  }

  /** Start looping `loop` from the top; call from a user gesture (the AudioContext starts here). */
  async start(loop: JamLoop, meter: string): Promise<void> {
    const Tone = (this.#Tone ??= await import('tone'));
    await Tone.start();
    if (this.running) return;
    SketchPlayer.releaseTransport();
    SketchPlayer.onClaim = this.#yield;
    const transport = Tone.getTransport();
    transport.stop();
    transport.PPQ = PPQ;
    transport.bpm.value = loop.tempo;
    const [num, den] = meter.split('/').map(Number);
    transport.timeSignature = [num ?? 4, den ?? 4];
    transport.loop = false;
    transport.ticks = 0;
    this.#out ??= new Tone.Volume(-2).toDestination();
    this.#schedule = createSchedule(loop, 0);
    this.counters = { ...this.counters, swapTicks: [], extraStarts: [] };
    this.#extra = [];
    this.#nextStep = 0;
    this.#plan = null;
    this.#repeat = transport.scheduleRepeat((time) => this.#step(time), `${STEP}i`, 0);
    this.#startedAt = Math.max(Tone.now() + 0.05, this.#releasedAt + 0.01);
    transport.on('stop', this.#onStop);
    transport.start(this.#startedAt);
  }

  /** End of the last bar handed to the voices (a replay cues changes against it), or 0 when stopped. */
  get scheduledUntil(): number {
    return this.#schedule?.scheduledUntil ?? 0;
  }

  /**
   * Ask for a new loop; it takes over at the next barline not yet scheduled after `atTick` (now
   * when absent). Returns the tick the change counts from (what a take records), or null when stopped.
   */
  request(loop: JamLoop, atTick?: number): number | null {
    if (!this.#schedule || !this.#Tone) return null;
    const tick = atTick ?? this.#Tone.getTransport().ticks;
    const counted = effectiveTick(tick, this.#schedule);
    this.#schedule = requestChange(this.#schedule, loop, tick);
    return counted;
  }

  /** Stop the jam and release every voice now. */
  stop(): void {
    const Tone = this.#Tone;
    if (!Tone || this.#repeat === null) return;
    const transport = Tone.getTransport();
    transport.off('stop', this.#onStop);
    if (SketchPlayer.onClaim === this.#yield) SketchPlayer.onClaim = null;
    transport.clear(this.#repeat);
    // The last step may have queued a note up to one step past Tone.now(): release after it, so
    // nothing starts once everything has been let go.
    const after = Tone.now() + seconds(STEP, this.#plan?.loop.tempo ?? 60);
    this.#releasedAt = after;
    this.#repeat = null;
    this.#schedule = null;
    this.#plan = null;
    this.link?.tap?.stop(after);
    this.link?.clock?.stop(after);
    this.#extra = [];
    transport.stop();
    for (const v of this.#voices.values()) v.release(after);
    this.onStopped();
  }

  /** Stop and dispose every voice and node made here. */
  dispose(): void {
    this.stop();
    for (const v of this.#voices.values()) v.dispose();
    this.#voices.clear();
    this.#out?.dispose();
    this.#out = null;
  }

  /** One sixteenth, just ahead of it: at a barline ask the schedule for the bar (swap, releases),
   *  then start the bar's notes that begin within this step. */
  #step(time: number): void {
    const Tone = this.#Tone;
    if (!Tone || !this.#schedule) return;
    const tick = this.#nextStep;
    this.#nextStep += STEP;
    if (!this.#plan || tick >= this.#plan.barTick + this.#plan.loop.ticksPerBar) this.#startBar(Tone, tick, time);
    const plan = this.#plan;
    if (!plan) return;
    const tempo = plan.loop.tempo;
    this.link?.tap?.step(plan, tick, tick + STEP, time, tempo);
    this.link?.clock?.step(plan, tick, tick + STEP, time, tempo);
    this.onStep?.(tick);
    this.#playExtra(Tone, tick, time, tempo);
    let started = 0;
    for (const n of plan.start) {
      if (n.start < tick || n.start >= tick + STEP) continue;
      this.#play(Tone, n, time + seconds(n.start - tick, tempo), seconds(n.duration, tempo));
      started++;
    }
    if (started) this.counters = { ...this.counters, notesStarted: this.counters.notesStarted + started };
  }

  /** Start the handed-over notes that fall in this step. */
  #playExtra(Tone: ToneModule, tick: number, time: number, tempo: number): void {
    const due = this.#extra.filter((n) => n.start < tick + STEP);
    if (!due.length) return;
    this.#extra = this.#extra.filter((n) => n.start >= tick + STEP);
    for (const n of due) this.#play(Tone, n, time + seconds(Math.max(0, n.start - tick), tempo), seconds(n.duration, tempo));
    this.counters = { ...this.counters, extraStarts: [...this.counters.extraStarts, ...due.map((n) => n.start)].slice(-200) };
  }

  #startBar(Tone: ToneModule, barTick: number, time: number): void {
    const { schedule, bar } = scheduleBar(this.#schedule!, barTick);
    this.#schedule = schedule;
    this.#plan = bar;
    if (bar.swapped) {
      Tone.getTransport().bpm.setValueAtTime(bar.loop.tempo, time);
      // Held pitched notes stop at the barline; drum hits are short one-shots left to decay.
      for (const lane of new Set(bar.release.map((n) => n.lane))) if (!lane.startsWith('drums:')) this.#voices.get(lane)?.release(time);
      const swapTicks = [...this.counters.swapTicks.slice(-199), barTick];
      this.counters = { ...this.counters, swaps: schedule.swaps, lastSwapTick: schedule.lastSwapTick, releases: this.counters.releases + bar.release.length, swapTicks };
    }
    this.counters = { ...this.counters, bars: this.counters.bars + 1 };
  }

  #play(Tone: ToneModule, n: LoopNote, at: number, duration: number): void {
    let voice = this.#voices.get(n.lane);
    if (!voice) {
      voice = buildVoice(Tone, laneVoice(n.lane), new Map());
      if (this.#out) voice.output.connect(this.#out);
      this.#voices.set(n.lane, voice);
    }
    voice.play({ tick: n.start, durationTicks: n.duration, pitch: n.pitch, velocity: n.velocity }, at, duration);
  }
}
