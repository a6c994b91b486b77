/**
 * Synthesised pitched voices as data: for each instrument a waveform, an envelope and a tone
 * filter, so a sketch sounds roughly like its arrangement (plucked things decay, pads sustain)
 * with nothing but oscillators. Works on any BaseAudioContext.
 */
import type { Instrument } from '../params.ts';

export interface VoiceShape {
  wave: OscillatorType;
  /** Seconds to full level. */
  attack: number;
  /** Time constant (s) of the fall towards `sustain` after the attack. */
  decay: number;
  /** Level held while the note lasts, 0 … 1 of the peak. */
  sustain: number;
  /** Time constant (s) of the fade after the note ends. */
  release: number;
  /** Low-pass cut-off of the track, Hz. */
  brightness: number;
  /** Level of this voice in the mix, 0 … 1. */
  level: number;
}

const PLUCKED: VoiceShape = { wave: 'triangle', attack: 0.005, decay: 0.35, sustain: 0.15, release: 0.12, brightness: 3200, level: 0.5 };
const BOWED: VoiceShape = { wave: 'sawtooth', attack: 0.08, decay: 0.4, sustain: 0.8, release: 0.25, brightness: 1800, level: 0.28 };
const BLOWN: VoiceShape = { wave: 'sine', attack: 0.04, decay: 0.3, sustain: 0.85, release: 0.1, brightness: 5000, level: 0.55 };

/** Every instrument the schema names, mapped to a voice shape. */
export const VOICES: Readonly<Record<Instrument, VoiceShape>> = {
  piano: PLUCKED,
  'electric piano': { ...PLUCKED, wave: 'sine', decay: 0.6, sustain: 0.3 },
  organ: { wave: 'square', attack: 0.01, decay: 0.1, sustain: 1, release: 0.05, brightness: 2500, level: 0.22 },
  'acoustic guitar': { ...PLUCKED, decay: 0.25, sustain: 0.08 },
  'nylon guitar': { ...PLUCKED, decay: 0.3, sustain: 0.08, brightness: 2200 },
  'electric guitar': { ...PLUCKED, wave: 'sawtooth', decay: 0.5, sustain: 0.3, brightness: 2000, level: 0.3 },
  strings: BOWED,
  pad: { ...BOWED, attack: 0.3, release: 0.6, brightness: 1400 },
  choir: { ...BOWED, wave: 'triangle', attack: 0.15, brightness: 2400, level: 0.4 },
  flute: BLOWN,
  clarinet: { ...BLOWN, wave: 'square', brightness: 1800, level: 0.3 },
  saxophone: { ...BLOWN, wave: 'sawtooth', brightness: 2200, level: 0.3 },
  trumpet: { ...BLOWN, wave: 'sawtooth', attack: 0.03, brightness: 3000, level: 0.3 },
  vibraphone: { ...PLUCKED, wave: 'sine', decay: 0.9, sustain: 0.2, release: 0.4 },
  marimba: { ...PLUCKED, wave: 'sine', decay: 0.15, sustain: 0, release: 0.08 },
  harp: { ...PLUCKED, decay: 0.5, sustain: 0.1, release: 0.3 },
  'synth lead': { wave: 'square', attack: 0.01, decay: 0.2, sustain: 0.7, release: 0.08, brightness: 3500, level: 0.25 },
  'acoustic bass': { ...PLUCKED, decay: 0.4, sustain: 0.3, brightness: 900, level: 0.8 },
  'electric bass': { wave: 'triangle', attack: 0.005, decay: 0.3, sustain: 0.5, release: 0.06, brightness: 1200, level: 0.8 },
  'synth bass': { wave: 'sawtooth', attack: 0.005, decay: 0.2, sustain: 0.6, release: 0.05, brightness: 700, level: 0.45 },
  cello: { ...BOWED, brightness: 1200, level: 0.35 },
  // The fallback shapes for the GM additions: only heard when the sound bank is missing.
  violin: { ...BOWED, brightness: 2600 },
  fiddle: { ...BOWED, attack: 0.03, brightness: 3000 },
  oboe: { ...BLOWN, wave: 'sawtooth', brightness: 2400, level: 0.28 },
  bassoon: { ...BLOWN, wave: 'sawtooth', brightness: 1100, level: 0.35 },
  'french horn': { ...BLOWN, wave: 'triangle', attack: 0.06, brightness: 1400, level: 0.45 },
  trombone: { ...BLOWN, wave: 'sawtooth', attack: 0.04, brightness: 1800, level: 0.3 },
  tuba: { ...BLOWN, wave: 'triangle', attack: 0.05, brightness: 800, level: 0.7 },
  'tenor saxophone': { ...BLOWN, wave: 'sawtooth', brightness: 1800, level: 0.3 },
  'pan flute': { ...BLOWN, attack: 0.06 },
  shakuhachi: { ...BLOWN, attack: 0.08, brightness: 3500 },
  accordion: { wave: 'square', attack: 0.03, decay: 0.2, sustain: 0.9, release: 0.08, brightness: 2600, level: 0.22 },
  harmonica: { ...BLOWN, wave: 'square', brightness: 2800, level: 0.25 },
  banjo: { ...PLUCKED, decay: 0.15, sustain: 0.02, brightness: 4200 },
  sitar: { ...PLUCKED, wave: 'sawtooth', decay: 0.7, sustain: 0.1, brightness: 3800, level: 0.3 },
  koto: { ...PLUCKED, decay: 0.4, sustain: 0.05, brightness: 3600 },
  shamisen: { ...PLUCKED, wave: 'sawtooth', decay: 0.18, sustain: 0.02, brightness: 3000, level: 0.35 },
  kalimba: { ...PLUCKED, wave: 'sine', decay: 0.35, sustain: 0, release: 0.2 },
  'steel drums': { ...PLUCKED, wave: 'sine', decay: 0.45, sustain: 0.1, release: 0.2 },
  taiko: { ...PLUCKED, wave: 'sine', decay: 0.25, sustain: 0, brightness: 600, level: 0.9 },
  bagpipe: { ...BLOWN, wave: 'sawtooth', attack: 0.02, sustain: 1, brightness: 3000, level: 0.25 },
  shanai: { ...BLOWN, wave: 'sawtooth', brightness: 3200, level: 0.25 },
  dulcimer: { ...PLUCKED, decay: 0.6, sustain: 0.1, release: 0.3 },
  xylophone: { ...PLUCKED, wave: 'sine', decay: 0.1, sustain: 0, release: 0.05 },
  glockenspiel: { ...PLUCKED, wave: 'sine', decay: 0.8, sustain: 0, release: 0.4, level: 0.35 },
  timpani: { ...PLUCKED, wave: 'sine', decay: 0.6, sustain: 0.1, brightness: 500, level: 0.8 },
  'choir pad': { ...BOWED, wave: 'triangle', attack: 0.4, release: 0.7, brightness: 2000, level: 0.4 },
  'string pad': { ...BOWED, attack: 0.35, release: 0.6 },
};

/** A voice for a track's instrument name, falling back on the piano for names the table lacks. */
export function voiceFor(instrument: string): VoiceShape {
  return (VOICES as Record<string, VoiceShape>)[instrument] ?? VOICES.piano;
}

/** Frequency of a MIDI note in Hz (A4 = 440). */
export function midiHz(pitch: number): number {
  return 440 * 2 ** ((pitch - 69) / 12);
}

/** A note in clock time, ready to play. */
export interface TimedNote {
  pitch: number;
  /** Seconds. */
  start: number;
  end: number;
  velocity: number;
}

/**
 * Play a part's notes into `out` on a few reused oscillators ("slots") rather than one per note:
 * an offline render's cost grows with live nodes, so a 128-bar song stays at a handful of them.
 * A slot is reused once its last note has faded; otherwise another slot opens.
 * @returns the number of oscillators used (the part's polyphony).
 */
export function scheduleTones(context: BaseAudioContext, out: AudioNode, voice: VoiceShape, notes: readonly TimedNote[], until: number): number {
  const slots: { osc: OscillatorNode; env: GainNode; freeAt: number }[] = [];
  const fade = voice.release * 5;
  for (const note of [...notes].sort((a, b) => a.start - b.start || a.pitch - b.pitch)) {
    let slot = slots.find((s) => s.freeAt <= note.start);
    if (!slot) {
      const osc = context.createOscillator();
      osc.type = voice.wave;
      const env = context.createGain();
      env.gain.setValueAtTime(0, 0);
      osc.connect(env).connect(out);
      osc.start(0);
      osc.stop(until);
      slot = { osc, env, freeAt: 0 };
      slots.push(slot);
    }
    const attack = Math.min(voice.attack, (note.end - note.start) / 2);
    const end = Math.max(note.end, note.start + attack);
    const peak = voice.level * note.velocity * note.velocity;
    slot.osc.frequency.setValueAtTime(midiHz(note.pitch), note.start);
    slot.env.gain.setValueAtTime(0, note.start);
    slot.env.gain.linearRampToValueAtTime(peak, note.start + attack);
    slot.env.gain.setTargetAtTime(peak * voice.sustain, note.start + attack, voice.decay);
    slot.env.gain.setTargetAtTime(0, end, voice.release);
    slot.freeAt = end + fade;
  }
  return slots.length;
}
