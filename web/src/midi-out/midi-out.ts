/**
 * Web MIDI output in step with the sketch player: the pure message stream (music/jam/midi.ts) is
 * put on Tone's one Transport as a Part, so loops, jumps and stops follow playback; each message is
 * sent with `output.send(bytes, timestamp)`, the timestamp being the Part's audio time mapped onto
 * performance.now(). On stop, a jump or a loop, every held note is let go and All Notes Off sent.
 * A jam of the same sketch is followed through its JamLink: the jam player hands each step's bar
 * plan to our tap, which sends the live stream (music/jam/live-midi.ts) at the step's audio time.
 */
import { t } from '../i18n/index.ts';
import type * as ToneNS from 'tone';
import {
  allNotesOff,
  channelsByTrack,
  liveMidiStart,
  liveMidiStep,
  liveMidiStop,
  noteOffFor,
  sketchToMidiMessages,
  ticksToMs,
  toPerformanceMs,
  type ClockStamp,
  type MidiMessage,
} from '../../../music/jam/index.ts';
import type { Sketch, TrackId } from '../../../music/sketch.ts';
import type { JamLink, JamTap } from '../jam/link.ts';

type ToneModule = typeof ToneNS;

/** A MIDI output as the picker shows it. */
export interface MidiPort {
  id: string;
  name: string;
}

/** Whether this browser has Web MIDI at all. */
export function midiSupported(): boolean {
  return typeof navigator !== 'undefined' && typeof navigator.requestMIDIAccess === 'function';
}

export class MidiOut {
  #access: MIDIAccess | null = null;
  #output: MIDIOutput | null = null;
  #Tone: ToneModule | null = null;
  #part: ToneNS.Part<MidiMessage & { time: string }> | null = null;
  #held = new Map<string, number[]>();
  #link: JamLink | null = null;
  #tap: JamTap | null = null;
  #channels = new Set<number>();
  /** Latest timestamp handed to the device: a note-off must never be queued before its note-on. */
  #lastAt = 0;
  /**
   * The latest timestamp given to each key ("channel:pitch"). Audio times are mapped onto
   * performance.now() afresh for every message, and the mapping jitters by a few milliseconds: a
   * short note's off could be stamped before its on, and the device would then hold it forever.
   * A key's messages therefore never go back in time.
   */
  #keyAt = new Map<string, number>();
  /** A loop or a jump: let go of what the old position held (the new notes follow on their own). */
  #letGo = (time?: number) => this.#allOff(time, false);
  /** A stop (also reported on a jump): let go now, and once the look-ahead has passed, if the
   *  Transport really stopped, send All Notes Off too. */
  #onStop = (time?: number) => {
    this.#allOff(time, false);
    const transport = this.#Tone?.getTransport();
    const wait = ((this.#Tone?.getContext().lookAhead ?? 0.1) + 0.05) * 1000;
    setTimeout(() => {
      if (transport?.state !== 'started') this.#allOff(undefined, true);
    }, wait);
  };
  /** Sent messages so far (read by tests). */
  sent = 0;
  /** Called when the list of outputs changes (a device plugged in or out). */
  onPorts: (ports: MidiPort[]) => void = () => {};

  /** Ask the browser for MIDI access and list the outputs. */
  async connect(): Promise<MidiPort[]> {
    if (!midiSupported()) throw new Error(t('midi.noWebMidi'));
    this.#access ??= await navigator.requestMIDIAccess({ sysex: false });
    this.#access.onstatechange = () => this.onPorts(this.ports());
    return this.ports();
  }

  ports(): MidiPort[] {
    return this.#access ? [...this.#access.outputs.values()].map((o) => ({ id: o.id, name: o.name ?? o.id })) : [];
  }

  /** Choose an output by id ('' = none); notes held on the old one are let go first. */
  select(id: string): void {
    this.#allOff(undefined, true);
    this.#output = (id && this.#access?.outputs.get(id)) || null;
  }

  /**
   * Send `tracks` of the sketch (all, on their own channels, when empty) whenever the Transport
   * plays it; `active()` says whether the sketch player (not jam mode) is the one playing.
   */
  async attach(sketch: Sketch, tracks: TrackId[], active: () => boolean, link?: JamLink): Promise<void> {
    this.detach();
    const Tone = (this.#Tone ??= await import('tone'));
    const transport = Tone.getTransport();
    transport.PPQ = sketch.ppq;
    const stream = sketchToMidiMessages(sketch, { tracks });
    this.#channels = new Set(stream.map((m) => m.bytes[0]! & 0x0f));
    const events = stream.map((m) => ({ ...m, time: `${m.atTick}i` }));
    this.#part = new Tone.Part<MidiMessage & { time: string }>((time, m) => {
      if (active()) this.#send(m.bytes, time);
    }, events).start(0);
    transport.on('stop', this.#onStop);
    transport.on('loop', this.#letGo);
    transport.on('ticks', this.#letGo);
    if (link) {
      this.#link = link;
      this.#tap = link.tap = this.#jamTap(sketch, tracks);
    }
  }

  /** Stop sending: take the Part off the Transport and silence the device. */
  detach(): void {
    const transport = this.#Tone?.getTransport();
    transport?.off('stop', this.#onStop);
    transport?.off('loop', this.#letGo);
    transport?.off('ticks', this.#letGo);
    this.#part?.dispose();
    this.#part = null;
    if (this.#link && this.#link.tap === this.#tap) this.#link.tap = null;
    this.#tap = null;
    this.#allOff(undefined, true);
  }

  /** The jam's tap: the jam loop's notes, step by step at the player's audio times, offs only when due. */
  #jamTap(sketch: Sketch, tracks: TrackId[]): JamTap {
    const channelOf = channelsByTrack(sketch.tracks, tracks);
    const programs = sketchToMidiMessages(sketch, { tracks }).filter((m) => (m.bytes[0]! & 0xf0) === 0xc0);
    let state = liveMidiStart();
    let fresh = true;
    return {
      step: (plan, from, to, time, tempo) => {
        if (fresh) for (const m of programs) this.#send(m.bytes, time);
        fresh = false;
        const next = liveMidiStep(state, plan, from, to, channelOf);
        state = next.state;
        for (const m of next.messages) this.#send(m.bytes, time + ticksToMs(m.atTick - from, tempo, sketch.ppq) / 1000);
      },
      stop: (time) => {
        const at = Math.max(time, this.#lastAudioTime());
        for (const m of liveMidiStop(state, 0)) this.#send(m.bytes, at);
        state = liveMidiStart();
        fresh = true;
      },
    };
  }

  dispose(): void {
    this.detach();
    if (this.#access) this.#access.onstatechange = null;
    this.#output = null;
  }

  #stamp(): ClockStamp {
    const raw = this.#Tone?.getContext().rawContext as AudioContext | undefined;
    const out = raw?.getOutputTimestamp?.();
    if (out?.contextTime !== undefined && out.performanceTime !== undefined && out.performanceTime > 0) {
      return { contextTime: out.contextTime, performanceTime: out.performanceTime };
    }
    return { contextTime: raw?.currentTime ?? 0, performanceTime: performance.now() };
  }

  #send(bytes: number[], time?: number): void {
    const out = this.#output;
    if (!out) return;
    const now = performance.now();
    const kind = bytes[0]! & 0xf0;
    const key = `${bytes[0]! & 0x0f}:${bytes[1]}`;
    const note = kind === 0x90 || kind === 0x80;
    let at = time === undefined ? Math.max(now, this.#lastAt) : Math.max(now, toPerformanceMs(time, this.#stamp()));
    if (note) {
      at = Math.max(at, this.#keyAt.get(key) ?? 0);
      this.#keyAt.set(key, at);
    }
    this.#lastAt = Math.max(this.#lastAt, at);
    if (kind === 0x90) this.#held.set(key, bytes);
    else if (kind === 0x80) this.#held.delete(key);
    // Never in the past by the time it is sent: a busy page can pass the `now` read above.
    out.send(bytes, Math.max(at, performance.now()));
    this.sent++;
  }

  /** Let go of every held note (never before its queued note-on), and with `cc` send All Notes Off. */
  #allOff(time: number | undefined, cc: boolean): void {
    if (!this.#output) return this.#held.clear();
    const at = time === undefined ? undefined : Math.max(time, this.#lastAudioTime());
    for (const on of [...this.#held.values()]) this.#send(noteOffFor(on), at);
    if (cc) for (const bytes of allNotesOff(this.#channels)) this.#send(bytes, at);
  }

  /** #lastAt on the audio clock (so an audio-time send lands no earlier than anything queued). */
  #lastAudioTime(): number {
    const stamp = this.#stamp();
    return stamp.contextTime + (this.#lastAt - stamp.performanceTime) / 1000;
  }
}
