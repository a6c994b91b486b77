/**
 * Playing along, live: the musician's notes (a MIDI keyboard or musical typing) sound at once
 * through the sketch's own instrument, land on the jam's timeline, and drive the jam — Follow
 * re-harmonises the loop to the chord and key they play (at the next barline), Answer replies to
 * each phrase they leave (on the next barline), and Tap sets the loop's tempo. The decisions are
 * the pure music/jam functions; this class only gathers notes and hands results to the jam.
 */
import { answerBoundary, answerPhrase, detectChord, detectKey, followParams, phraseLeft, tapTempo, type DetectedKey, type PlayedNote } from '../../../music/jam/index.ts';
import type { Meter, SongParameters } from '../../../music/params.ts';
import { meterInfo } from '../../../music/theory/meter.ts';
import { scaleInfo } from '../../../music/theory/scale.ts';
import type { JamState } from '../jam/jam.svelte.ts';
import { voiceForInstrument } from '../player/voices.ts';
import { typingKey, typingPitch, typingStart, type MidiNoteEvent, type TypingState } from './keys.ts';
import { MidiIn, type MidiInputPort } from './midi-in.ts';
import { liveSoundFor, type LiveSound } from './sound.ts';
import type { AnswerLog } from './debug.ts';

/** Notes of the performance kept for key finding and answers (the latest). */
const KEEP_NOTES = 512;
/** Key finding looks at this many bars back. */
const KEY_BARS = 8;

export class PlayState {
  typing = $state(true);
  keys = $state<TypingState>(typingStart());
  follow = $state(false);
  respond = $state(false);
  chord = $state<string | null>(null);
  key = $state.raw<DetectedKey | null>(null);
  tapped = $state<number | null>(null);
  ports = $state.raw<MidiInputPort[]>([]);
  midiError = $state<string | null>(null);
  /** Pitches sounding now (the on-screen keys light up). */
  down = $state.raw<ReadonlySet<number>>(new Set());
  answers = $state(0);

  #jam: JamState;
  #voice: ReturnType<typeof voiceForInstrument>;
  #instrument: string;
  #meter: Meter;
  #sound: LiveSound | null = null;
  #soundLoading: Promise<LiveSound> | null = null;
  #midi: MidiIn | null = null;
  #held = new Map<number, { tick: number | null; velocity: number }>();
  /** Typing keys down, with the pitch each sounded (an octave shift mid-note still lets go of the right one). */
  #typed = new Map<string, number>();
  #notes: PlayedNote[] = [];
  #answered = 0;
  #answerLog: AnswerLog[] = [];
  #latencies: number[] = [];
  #taps: number[] = [];
  #played = 0;
  #onsets: number[] = [];
  #followed: { chord: string | null; key: string } | null = null;
  #seed: number;
  #adjusted = false;

  constructor(jam: JamState, params: SongParameters, seed: number) {
    this.#jam = jam;
    this.#instrument = params.instruments.melody;
    this.#voice = voiceForInstrument(this.#instrument);
    this.#meter = params.meter;
    this.#seed = seed;
    jam.onStep = (tick) => this.#onStep(tick);
    jam.performance = () => this.#notes;
    if (typeof window !== 'undefined') this.#expose();
  }

  /** Ticks of one beat of the song's meter (a rest this long ends a phrase). */
  get beat(): number {
    const beats = meterInfo(this.#meter).beats;
    return beats.length > 1 ? beats[1]! - beats[0]! : meterInfo(this.#meter).ticksPerBar;
  }

  /** Load Tone and build the live instrument; from a gesture it also starts the audio context. */
  prepare(): Promise<LiveSound> {
    this.#soundLoading ??= liveSoundFor(this.#instrument).then((sound) => (this.#sound = sound));
    return this.#soundLoading;
  }

  /** Connect MIDI keyboards (a click: the browser may ask permission here, and only here). */
  async connectMidi(): Promise<void> {
    void this.prepare().catch(() => {});
    try {
      this.#midi ??= new MidiIn((e, at) => this.#midiEvent(e, at), (ports) => (this.ports = ports));
      await this.#midi.connect();
      this.midiError = null;
    } catch (e) {
      this.midiError = e instanceof Error ? e.message : String(e);
    }
  }

  /** A key went down anywhere on the page; true when the typing piano took it. */
  keydown(e: KeyboardEvent): boolean {
    if (!this.typing || e.repeat) return !!(this.typing && e.repeat && this.#typed.has(e.code));
    const action = typingKey(e, this.keys);
    if (!action) return false;
    if (action.kind === 'state') {
      this.keys = action.state;
      return true;
    }
    this.#typed.set(e.code, action.pitch);
    this.noteOn(action.pitch, action.velocity, e.timeStamp);
    return true;
  }

  keyup(e: KeyboardEvent): boolean {
    const pitch = this.#typed.get(e.code) ?? (this.typing ? typingPitch(e.code, this.keys.octave) : null);
    if (pitch === null || !this.#typed.has(e.code)) return false;
    this.#typed.delete(e.code);
    this.noteOff(pitch);
    return true;
  }

  #midiEvent(e: MidiNoteEvent, at: number): void {
    if (e.kind === 'on') this.noteOn(e.pitch, e.velocity, at);
    else this.noteOff(e.pitch);
  }

  /** A note starts: sound it now, place it on the jam's timeline, and let Follow listen. */
  noteOn(pitch: number, velocity: number, eventTime = performance.now()): void {
    const sound = this.#sound;
    if (!sound) {
      // The first note waits for the instrument; one that cannot be built leaves the page silent, not broken.
      void this.prepare().then(() => this.noteOn(pitch, velocity, eventTime), () => {});
      return;
    }
    if (this.#held.has(pitch)) this.noteOff(pitch);
    const before = sound.now();
    const handled = performance.now();
    const at = sound.instrument.noteOn(pitch, velocity / 127);
    this.#latencies = [...this.#latencies.slice(-499), Math.max(0, handled - eventTime) + Math.max(0, at - before) * 1000 + sound.outputLatency() * 1000];
    this.#played++;
    const tick = this.#jam.running ? Math.round(this.#jam.ticksNow) : null;
    this.#held.set(pitch, { tick, velocity: velocity / 127 });
    if (tick !== null) this.#onsets = [...this.#onsets.slice(-49), tick];
    this.down = new Set(this.#held.keys());
    if (this.follow && this.#held.size >= 3) this.#followChord();
  }

  noteOff(pitch: number): void {
    const held = this.#held.get(pitch);
    if (!held) return;
    this.#held.delete(pitch);
    this.down = new Set(this.#held.keys());
    this.#sound?.instrument.noteOff(pitch);
    if (held.tick === null || !this.#jam.running) return;
    const now = this.#jam.ticksNow;
    this.#notes = [...this.#notes.slice(-(KEEP_NOTES - 1)), { pitch, start: held.tick, duration: Math.max(1, Math.round(now - held.tick)), velocity: held.velocity }];
    const recent = this.#notes.filter((n) => n.start >= now - KEY_BARS * this.#jam.ticksPerBar);
    this.key = detectKey(recent);
    if (this.follow && this.#held.size === 0) this.#followKey();
  }

  /** Let everything go (stop, hush, closing the panel). */
  allOff(): void {
    for (const pitch of [...this.#held.keys()]) this.noteOff(pitch);
    this.#typed.clear();
    this.#sound?.instrument.allOff();
  }

  /** The chord held now, in the key heard so far: the loop takes it at the next barline. */
  #followChord(): void {
    const chord = detectChord([...this.#held.keys()], this.key);
    if (!chord) return;
    this.chord = chord;
    const key = this.key ?? this.#loopKey();
    if (this.#followed?.chord === chord && this.#followed.key === `${key.tonic} ${key.mode}`) return;
    this.#followed = { chord, key: `${key.tonic} ${key.mode}` };
    this.#applyAdjust();
  }

  /** A melody alone: when its key is clear and differs from the loop's, the loop moves to it. */
  #followKey(): void {
    const key = this.key;
    // While a chord is followed the loop already plays it; the key only spells it.
    if (!key || key.strength < 0.6 || this.#notes.length < 6 || this.#followed?.chord) return;
    if (this.#followed?.key === `${key.tonic} ${key.mode}`) return;
    this.#followed = { chord: this.#followed?.chord ?? null, key: `${key.tonic} ${key.mode}` };
    this.#applyAdjust();
  }

  #loopKey(): DetectedKey {
    const s = this.#jam.made?.sketch;
    return { tonic: s?.key ?? 'C', mode: s ? scaleInfo(s.key, s.mode).family : 'major', strength: 1 };
  }

  /** Hand the jam the live player's say over its loop: their chord and key (Follow), their tempo (Tap). */
  #applyAdjust(): void {
    const followed = this.follow ? this.#followed : null;
    const key = followed ? (this.key ?? this.#loopKey()) : null;
    const [tonic, mode] = followed?.key.split(' ') ?? [];
    const tempo = this.tapped;
    if (!followed && tempo === null) {
      // Only a loop that was adjusted goes back (a needless new loop would be a needless swap).
      if (this.#adjusted) this.#jam.adjust(null);
      this.#adjusted = false;
      return;
    }
    this.#adjusted = true;
    this.#jam.adjust((p) => {
      let out = p;
      if (followed && key) out = followParams(out, { tonic: tonic ?? key.tonic, mode: (mode as 'major' | 'minor') ?? key.mode, strength: key.strength }, followed.chord);
      if (tempo !== null) out = { ...out, tempo };
      return out;
    });
  }

  /** Answer me on or off; only phrases begun from now on are answered. */
  setRespond(on: boolean): void {
    this.respond = on;
    this.#answered = this.#jam.running ? this.#jam.ticksNow : 0;
  }

  setFollow(on: boolean): void {
    this.follow = on;
    if (!on) this.#followed = null;
    this.#applyAdjust();
  }

  /** A tap of Tap tempo (milliseconds on the page clock); two or more set the loop's tempo. */
  tap(at = performance.now()): void {
    this.#taps = [...this.#taps.slice(-15), at];
    const bpm = tapTempo(this.#taps);
    if (bpm === null || bpm === this.tapped) return;
    this.tapped = bpm;
    this.#applyAdjust();
  }

  /**
   * Each step of the jam: has the player left a phrase? Then answer it at the first barline at or
   * after the end of the rest that this step has not yet passed (so it can still sound there).
   */
  #onStep(stepTick: number): void {
    // The Transport starts at 0 on each start: the last run's notes are on another timeline.
    if (stepTick === 0) this.#newRun();
    if (!this.respond) return;
    const now = this.#jam.ticksNow;
    const bar = this.#jam.ticksPerBar;
    const call = phraseLeft(this.#notes, this.#held.size, now, this.beat, bar, this.#answered);
    if (!call) return;
    this.#answered = call.end;
    const at = answerBoundary(call.restAt, stepTick, bar);
    const key = this.follow && this.key ? this.key : this.#loopKey();
    const answer = answerPhrase(call, key, at, this.#seed + this.#answerLog.length);
    const lane = `answer:${this.#voice === 'piano' ? 'keys' : this.#voice}`;
    this.#jam.playNotes(answer.notes.map((n) => ({ lane, pitch: n.pitch, start: n.start, duration: n.duration, velocity: n.velocity })));
    this.#answerLog = [...this.#answerLog.slice(-99), { restAt: call.restAt, earliest: stepTick, at, notes: answer.notes.length, variation: answer.variation }];
    this.answers++;
  }

  #newRun(): void {
    this.#notes = [];
    this.#onsets = [];
    this.#answered = 0;
    for (const held of this.#held.values()) held.tick = null;
  }

  dispose(): void {
    this.allOff();
    this.#jam.onStep = null;
    this.#jam.performance = null;
    this.#midi?.dispose();
    this.#sound?.dispose();
    if (typeof window !== 'undefined') delete window.__innerchordPlay;
  }

  #expose(): void {
    const self = this;
    window.__innerchordPlay = Object.freeze({
      get notesPlayed() { return self.#played; },
      get latencies() { return [...self.#latencies]; },
      get level() { return self.#sound?.level() ?? 0; },
      get engine() { return self.#sound?.engine ?? 'none'; },
      get chord() { return self.chord; },
      get key() { return self.key ? `${self.key.tonic} ${self.key.mode}` : null; },
      get performance() { return [...self.#notes]; },
      get answers() { return [...self.#answerLog]; },
      get ports() { return self.ports.map((p) => p.name); },
      get onsets() { return [...self.#onsets]; },
    });
  }
}
