/** The sampled piano for offline renders: which samples, and that the buffers really sound, repitched. */
import { describe, expect, it } from 'vitest';
import { OfflineAudioContext } from 'node-web-audio-api';
import { nearestSample, samplesFor, schedulePiano } from './piano.ts';

const RATE = 22_050;

/** A one-second "sample": a sine at `hz`, standing in for a recorded note. */
function sineBuffer(context: OfflineAudioContext, hz: number): AudioBuffer {
  const buffer = context.createBuffer(1, RATE, RATE);
  const data = buffer.getChannelData(0);
  for (let i = 0; i < data.length; i++) data[i] = 0.5 * Math.sin((2 * Math.PI * hz * i) / RATE);
  return buffer;
}

/** Frequency from rising zero crossings over [from, to) seconds. */
function pitchHz(data: Float32Array, from: number, to: number): number {
  let crossings = 0;
  for (let i = Math.floor(from * RATE) + 1; i < to * RATE; i++) if (data[i - 1]! < 0 && data[i]! >= 0) crossings++;
  return crossings / (to - from);
}

describe('sampled piano', () => {
  it('picks the nearest sample, the lower on a tie, and covers a range every minor third', () => {
    expect(nearestSample(61, [60, 63])).toBe(60);
    expect(nearestSample(62, [60, 63])).toBe(63);
    expect(nearestSample(70, [66, 69, 72])).toBe(69);
    expect(nearestSample(60, [])).toBeNull();
    expect(samplesFor(60, 66).map((s) => s.file)).toEqual(['C4v10.mp3', 'D#4v10.mp3', 'F#4v10.mp3']);
  });

  it('plays the given buffers repitched to each note, and fades them after the note ends', async () => {
    const context = new OfflineAudioContext(1, RATE * 3, RATE);
    const samples = new Map([[69, sineBuffer(context, 440)]]);
    const scheduled = schedulePiano(context, context.destination, samples, [
      { pitch: 69, start: 0, end: 0.5, velocity: 1 },
      { pitch: 72, start: 1, end: 1.5, velocity: 1 },
    ], 3);
    expect(scheduled).toBe(2);
    const data = (await context.startRendering()).getChannelData(0);
    expect(pitchHz(data, 0.05, 0.45)).toBeCloseTo(440, -1);
    expect(pitchHz(data, 1.05, 1.45)).toBeCloseTo(440 * 2 ** (3 / 12), -1);
    const level = (from: number, to: number) => Math.max(...data.subarray(Math.floor(from * RATE), Math.floor(to * RATE)).map(Math.abs));
    expect(level(0.1, 0.4)).toBeGreaterThan(0.4);
    expect(level(2.6, 3)).toBeLessThan(0.01); // long after the last note's release
  });

  it('schedules nothing without samples (the caller falls back to a synth voice)', () => {
    const context = new OfflineAudioContext(1, RATE, RATE);
    expect(schedulePiano(context, context.destination, new Map(), [{ pitch: 60, start: 0, end: 0.5, velocity: 1 }], 1)).toBe(0);
  });
});
