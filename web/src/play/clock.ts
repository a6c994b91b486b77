/**
 * MIDI clock out, in step with the jam: 24 clocks a quarter note at the jam's own tempo, Start at
 * the first step, Stop when the jam stops, each sent ahead with a timestamp mapped from the audio
 * clock, so a drum machine or a DAW follows without jitter from the page's main thread.
 */
import type * as ToneNS from 'tone';
import { toPerformanceMs, type BarPlan, type ClockStamp } from '../../../music/jam/index.ts';
import { PPQ } from '../../../music/tracks.ts';
import type { JamTap } from '../jam/link.ts';

export const MIDI_CLOCK = 0xf8;
export const MIDI_START = 0xfa;
export const MIDI_STOP = 0xfc;
/** MIDI beat clock: 24 pulses per quarter note. */
export const CLOCKS_PER_QUARTER = 24;

/**
 * The ticks in [from, to) where a clock pulse falls (every PPQ / 24 ticks from 0), each with its
 * offset in seconds at `tempo`. clockPulses(0, 120, 120, 480) → ticks 0, 20, … 100.
 */
export function clockPulses(from: number, to: number, tempo: number, ppq = PPQ): { tick: number; seconds: number }[] {
  const every = ppq / CLOCKS_PER_QUARTER;
  const out: { tick: number; seconds: number }[] = [];
  for (let tick = Math.ceil(from / every) * every; tick < to; tick += every) out.push({ tick, seconds: ((tick - from) * 60) / (tempo * ppq) });
  return out;
}

/** Something that takes MIDI bytes with a performance.now() timestamp (a MIDIOutput). */
export interface ClockPort {
  send(bytes: number[], timestamp?: number): void;
}

/** A jam tap that sends MIDI clock to `port`. */
export class MidiClockOut implements JamTap {
  #Tone: typeof ToneNS;
  #port: ClockPort;
  #started = false;
  /** Pulses sent so far (the performance view shows it; tests read it). */
  pulses = 0;

  constructor(Tone: typeof ToneNS, port: ClockPort) {
    this.#Tone = Tone;
    this.#port = port;
  }

  #stamp(): ClockStamp {
    const raw = this.#Tone.getContext().rawContext as AudioContext;
    const out = raw.getOutputTimestamp?.();
    if (out?.contextTime !== undefined && out.performanceTime !== undefined && out.performanceTime > 0) return { contextTime: out.contextTime, performanceTime: out.performanceTime };
    return { contextTime: raw.currentTime, performanceTime: performance.now() };
  }

  step(_plan: BarPlan, fromTick: number, toTick: number, time: number, tempo: number): void {
    const stamp = this.#stamp();
    const at = (t: number) => Math.max(performance.now(), toPerformanceMs(t, stamp));
    if (!this.#started) {
      this.#started = true;
      this.#port.send([MIDI_START], at(time));
    }
    for (const p of clockPulses(fromTick, toTick, tempo)) {
      this.#port.send([MIDI_CLOCK], at(time + p.seconds));
      this.pulses++;
    }
  }

  stop(time: number): void {
    if (!this.#started) return;
    this.#started = false;
    this.#port.send([MIDI_STOP], Math.max(performance.now(), toPerformanceMs(time, this.#stamp())));
  }
}
