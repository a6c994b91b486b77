import { describe, expect, it } from 'vitest';
import { encodeWav } from '../render/wav.ts';
import { AudioFileError, decodeWav } from './wav.ts';
import { decimate, parseKey, transcribeAudio, KeyNameError } from './transcribe.ts';
import { synthesizeHum, VOICES } from './hum.ts';
import { scoreTranscription } from './score.ts';
import { estimateTempo, quantizeNotes, snapPitch } from './quantize.ts';
import { scaleInfo } from '../theory/scale.ts';
import { PPQ } from '../sketch.ts';

const pcm = (samples: Float32Array, sampleRate: number, channels = 1) =>
  encodeWav({ numberOfChannels: channels, sampleRate, length: samples.length, getChannelData: () => samples });

function tone(hz: number, seconds: number, sampleRate = 16000, level = 0.5): Float32Array {
  return Float32Array.from({ length: Math.round(seconds * sampleRate) }, (_, n) => level * Math.sin((2 * Math.PI * hz * n) / sampleRate));
}

describe('decodeWav', () => {
  it('reads 16-bit PCM back to the samples it was written from, mixing stereo to mono', () => {
    const samples = tone(440, 0.1);
    const mono = decodeWav(pcm(samples, 16000));
    expect(mono.sampleRate).toBe(16000);
    expect(mono.samples.length).toBe(samples.length);
    for (let i = 0; i < 200; i++) expect(mono.samples[i]!).toBeCloseTo(samples[i]!, 3);
    const stereo = decodeWav(pcm(samples, 16000, 2));
    expect(stereo.samples.length).toBe(samples.length);
    expect(stereo.samples[37]!).toBeCloseTo(samples[37]!, 3);
  });

  it('reads 32-bit float WAV', () => {
    const samples = tone(220, 0.05, 8000);
    const bytes = new Uint8Array(44 + samples.length * 4);
    const view = new DataView(bytes.buffer);
    const put = (at: number, s: string) => [...s].forEach((c, i) => (bytes[at + i] = c.charCodeAt(0)));
    put(0, 'RIFF'); view.setUint32(4, 36 + samples.length * 4, true); put(8, 'WAVE'); put(12, 'fmt ');
    view.setUint32(16, 16, true); view.setUint16(20, 3, true); view.setUint16(22, 1, true); view.setUint32(24, 8000, true);
    view.setUint32(28, 32000, true); view.setUint16(32, 4, true); view.setUint16(34, 32, true); put(36, 'data'); view.setUint32(40, samples.length * 4, true);
    samples.forEach((s, i) => view.setFloat32(44 + i * 4, s, true));
    expect(Array.from(decodeWav(bytes).samples.slice(0, 50))).toEqual(Array.from(samples.slice(0, 50)));
  });

  it('refuses what is not a WAV with a sentence, not a crash', () => {
    expect(() => decodeWav(new TextEncoder().encode('{"key":"C"}'))).toThrow(AudioFileError);
    expect(() => decodeWav(new TextEncoder().encode('{"key":"C"}'))).toThrow(/not a WAV file/);
    const truncated = pcm(tone(440, 0.01), 16000).slice(0, 30);
    expect(() => decodeWav(truncated)).toThrow(AudioFileError);
  });
});

describe('transcribeAudio', () => {
  it('halves the rate of 44.1/48 kHz audio before tracking, and leaves 22.05 kHz alone', () => {
    const high = { samples: tone(440, 0.1, 48000), sampleRate: 48000 };
    const low = decimate(high);
    expect(low.sampleRate).toBe(24000);
    expect(low.samples.length).toBe(2400);
    const same = { samples: tone(440, 0.1, 22050), sampleRate: 22050 };
    expect(decimate(same)).toBe(same);
  });

  it('says the recording is silent instead of returning no notes', () => {
    expect(() => transcribeAudio({ samples: new Float32Array(16000), sampleRate: 16000 })).toThrow(/silent/);
  });

  it('says no notes were heard in noise', () => {
    let x = 12345;
    const noise = Float32Array.from({ length: 16000 }, () => ((x = (x * 1103515245 + 12345) >>> 0) / 2 ** 32 - 0.5) * 0.4);
    expect(() => transcribeAudio({ samples: noise, sampleRate: 16000 })).toThrow(/no sung or played notes/);
  });

  it('hears a plain scale of tones at the given tempo', () => {
    const sampleRate = 16000;
    const pitches = [60, 62, 64, 65, 67];
    const parts = pitches.flatMap((p) => [tone(440 * 2 ** ((p - 69) / 12), 0.45, sampleRate), new Float32Array(800)]);
    const samples = new Float32Array(parts.reduce((n, p) => n + p.length, 0));
    let at = 0;
    for (const p of parts) (samples.set(p, at), (at += p.length));
    const t = transcribeAudio({ samples, sampleRate }, { tempo: 120, key: 'C' });
    expect(t.notes.map((n) => n.pitch)).toEqual(pitches);
    expect(t.notes.map((n) => n.start)).toEqual([0, 480, 960, 1440, 1920]);
    expect(t.keyFrom).toBe('given');
  });

  // Seeds 1–24 are the development set; eval/transcribe uses a held-out range (see eval card).
  it.each(VOICES.map((v) => v.name))('transcribes seeded tunes sung by a %s', (name) => {
    const voice = VOICES.find((v) => v.name === name)!;
    const total = { reference: 0, pitches: 0, onsets: 0, extra: 0 };
    for (let seed = 1; seed <= 4; seed++) {
      const hum = synthesizeHum({ seed: seed * 7 + name.length, voice });
      const t = transcribeAudio({ samples: hum.samples, sampleRate: hum.sampleRate }, { tempo: hum.tempo, key: `${hum.key} ${hum.mode}` });
      const s = scoreTranscription(hum.notes, t.notes, PPQ / 8);
      total.reference += s.reference;
      total.pitches += s.pitchesInOrder;
      total.onsets += s.onsetsOnTime;
      total.extra += s.extra;
    }
    const summary = `${name}, seeds ${[1, 2, 3, 4].map((k) => k * 7 + name.length).join(',')}: ${JSON.stringify(total)}`;
    expect(total.pitches / total.reference, summary).toBeGreaterThanOrEqual(0.9);
    expect(total.onsets / total.reference, summary).toBeGreaterThanOrEqual(0.85);
    expect(total.extra / total.reference, summary).toBeLessThanOrEqual(0.2);
  });
});

describe('quantising', () => {
  const heard = [
    { start: 1.0, end: 1.45, pitch: 60.1, level: 1 },
    { start: 1.53, end: 1.95, pitch: 61.3, level: 0.8 },
  ];
  it('strictness 1 puts onsets on the grid and pitches in the key', () => {
    const notes = quantizeNotes(heard, { tempo: 120, grid: 120, strictness: 1, scale: scaleInfo('C', 'major') });
    expect(notes.map((n) => [n.pitch, n.start])).toEqual([[60, 0], [62, 480]]);
  });
  it('strictness 0 keeps the timing and the semitone as sung', () => {
    const notes = quantizeNotes(heard, { tempo: 120, grid: 120, strictness: 0, scale: scaleInfo('C', 'major') });
    expect(notes.map((n) => [n.pitch, n.start])).toEqual([[60, 0], [61, 509]]);
  });
  it('pulls an out-of-key semitone into the key only when strict enough', () => {
    const c = scaleInfo('C', 'major');
    expect(snapPitch(60.8, 0, c)).toBe(61);
    expect(snapPitch(60.8, 0.5, c)).toBe(60);
    expect(snapPitch(61.2, 1, c)).toBe(62);
    expect(snapPitch(60.8, 1)).toBe(61);
  });
  it('estimates the tempo a steady pulse implies', () => {
    const beat = 60 / 96;
    expect(estimateTempo([0, 1, 2, 2.5, 3, 4, 6].map((b) => 0.3 + b * beat))).toBe(96);
  });
});

describe('parseKey', () => {
  it.each([
    ['C', 'C', 'major'], ['Am', 'A', 'minor'], ['F# minor', 'F#', 'minor'], ['d dorian', 'D', 'dorian'], ['Bbmaj', 'Bb', 'major'],
  ])('reads %s', (text, key, mode) => expect(parseKey(text)).toEqual({ key, mode }));
  it('refuses what is not a key', () => expect(() => parseKey('H sharp')).toThrow(KeyNameError));
});
