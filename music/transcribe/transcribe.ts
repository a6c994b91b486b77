/**
 * Audio → the notes it sings: pitch track (pitch.ts), notes in seconds (segment.ts), then the
 * song's grid and key (quantize.ts). Pure apart from the arithmetic: the same samples and options
 * always give the same notes, in Node and in the browser.
 */
import { Scale } from 'tonal';
import { PPQ } from '../sketch.ts';
import { pitchClassProfile, rankKeys } from '../analyze/key.ts';
import { scaleInfo } from '../theory/scale.ts';
import { AudioFileError, type MonoAudio } from './wav.ts';
import { SILENCE_RMS, trackPitch } from './pitch.ts';
import { segmentNotes, type HeardNote } from './segment.ts';
import { estimateTempo, quantizeNotes } from './quantize.ts';
import { GRIDS, TranscribeOptions, type Transcription } from './schema.ts';

/** A key the musician typed that we cannot read; `message` says what would work. */
export class KeyNameError extends Error {
  override readonly name = 'KeyNameError';
}

/** "Am" → A minor, "F# minor", "D dorian", "Eb" → { key, mode }. */
export function parseKey(text: string): { key: string; mode: string } {
  const m = /^\s*([A-Ga-g])([#b]?)\s*(m(?![a-z])|min(?:or)?|maj(?:or)?|[a-z][a-z -]*)?\s*$/.exec(text);
  if (m) {
    const key = m[1]!.toUpperCase() + m[2];
    const word = (m[3] ?? 'major').trim();
    const mode = word === 'm' || word === 'min' ? 'minor' : word === 'maj' ? 'major' : word;
    if (!Scale.get(`${key} ${mode}`).empty) return { key, mode };
  }
  throw new KeyNameError(`cannot read the key "${text}" (try "C", "Am", "F# minor" or "D dorian")`);
}

/**
 * Halve the sample rate of audio above 32 kHz (a [¼ ½ ¼] low-pass, then every other sample): a voice's
 * fundamental is under 2.1 kHz, and the tracker then does half the work at 44.1 or 48 kHz.
 */
export function decimate(audio: MonoAudio): MonoAudio {
  if (audio.sampleRate <= 32000) return audio;
  const { samples } = audio;
  const out = new Float32Array(Math.floor(samples.length / 2));
  for (let i = 0; i < out.length; i++) {
    const j = 2 * i;
    out[i] = 0.25 * (samples[j - 1] ?? samples[j]!) + 0.5 * samples[j]! + 0.25 * (samples[j + 1] ?? samples[j]!);
  }
  return { sampleRate: audio.sampleRate / 2, samples: out };
}

/** The heard notes, with a clear error when there is nothing to hear. */
export function hear(input: MonoAudio): HeardNote[] {
  const audio = decimate(input);
  let peak = 0;
  for (const s of audio.samples) peak = Math.max(peak, Math.abs(s));
  if (peak < SILENCE_RMS * 2) throw new AudioFileError('the recording is silent');
  if (audio.samples.length < audio.sampleRate * 0.1) throw new AudioFileError('the recording is shorter than a tenth of a second');
  const heard = segmentNotes(trackPitch(audio.samples, audio.sampleRate));
  if (!heard.length) throw new AudioFileError('no sung or played notes were heard in the recording (only noise or silence)');
  return heard;
}

/**
 * Transcribe mono audio to notes on a grid.
 * @example transcribeAudio(decodeWav(bytes), { tempo: 96, key: 'G' }).notes[0] // { pitch: 67, start: 0, … }
 */
export function transcribeAudio(audio: MonoAudio, input: TranscribeOptions = {}): Transcription {
  const options = TranscribeOptions.parse(input);
  const heard = hear(audio);
  const tempo = options.tempo ?? estimateTempo(heard.map((h) => h.start));
  const given = options.key ? parseKey(options.key) : null;
  const ranked = rankKeys(pitchClassProfile(heard.map((h) => ({ pitch: Math.round(h.pitch), duration: h.end - h.start }))));
  const key = given ?? { key: ranked[0]?.key ?? 'C', mode: ranked[0]?.mode ?? 'major' };
  const notes = quantizeNotes(heard, { tempo, grid: GRIDS[options.grid], strictness: options.strictness, scale: scaleInfo(key.key, key.mode) });
  return {
    tempo,
    tempoFrom: options.tempo ? 'given' : 'estimated',
    key: key.key,
    mode: key.mode,
    keyFrom: given ? 'given' : 'estimated',
    ppq: PPQ,
    notes,
    seconds: Math.round((audio.samples.length / audio.sampleRate) * 1000) / 1000,
  };
}
