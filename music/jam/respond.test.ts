import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { PlayedNote } from './follow.ts';
import { answerBoundary, answerPhrase, MAX_CALL_BARS, phraseLeft, scaleChromas, type Phrase } from './respond.ts';

const BAR = 1920;
const BEAT = 480;

const note = (pitch: number, start: number, duration = 240, velocity = 0.7): PlayedNote => ({ pitch, start, duration, velocity });

describe('phraseLeft', () => {
  const call = [note(60, 0), note(62, 240), note(64, 480, 480)];

  it('waits while a key is held or the rest is shorter than a beat', () => {
    expect(phraseLeft(call, 1, 5000, BEAT, BAR)).toBeNull();
    expect(phraseLeft(call, 0, 960 + BEAT - 1, BEAT, BAR)).toBeNull();
    expect(phraseLeft([], 0, 5000, BEAT, BAR)).toBeNull();
  });

  it('returns the run of notes back to the previous rest once a beat of silence has passed', () => {
    const earlier = [note(55, -3000 + 3000, 240)]; // a note at 0 …
    const later = [note(67, 1500), note(65, 1740), note(64, 1980, 480)]; // … then a rest of 1260 ticks, then the call
    const p = phraseLeft([...earlier, ...later], 0, 2460 + BEAT, BEAT, BAR)!;
    expect(p.notes.map((n) => n.pitch)).toEqual([67, 65, 64]);
    expect(p).toMatchObject({ start: 1500, end: 2460, restAt: 2460 + BEAT });
    // Notes before `since` were answered already.
    expect(phraseLeft([...earlier, ...later], 0, 9999, BEAT, BAR, 1600)!.notes.map((n) => n.pitch)).toEqual([65, 64]);
  });

  it('keeps a long run to its last bars', () => {
    const run = Array.from({ length: 80 }, (_, i) => note(60 + (i % 7), i * 240, 240));
    const p = phraseLeft(run, 0, 80 * 240 + BEAT, BEAT, BAR)!;
    expect(p.end - p.start).toBeLessThanOrEqual(MAX_CALL_BARS * BAR);
    expect(p.notes.at(-1)).toEqual(run.at(-1));
  });
});

describe('answerBoundary', () => {
  it('is the first barline after the rest that the voices have not been handed', () => {
    expect(answerBoundary(2880, 0, BAR)).toBe(3840);
    expect(answerBoundary(3840, 0, BAR)).toBe(3840);
    expect(answerBoundary(2880, 3841, BAR)).toBe(5760);
  });
});

/** A random call: 1–12 notes in 1–4 bars, a rhythm of sixteenths, pitches 40–90. */
const callArb = fc
  .record({
    start: fc.integer({ min: 0, max: 40 }).map((b) => b * 120),
    pieces: fc.array(fc.record({ gap: fc.integer({ min: 0, max: 3 }), len: fc.integer({ min: 1, max: 8 }), pitch: fc.integer({ min: 40, max: 90 }), vel: fc.integer({ min: 10, max: 127 }) }), { minLength: 1, maxLength: 12 }),
  })
  .map(({ start, pieces }): Phrase => {
    let t = start;
    const notes = pieces.map((p) => {
      const n = note(p.pitch, t + p.gap * 120, p.len * 120, p.vel / 127);
      t = n.start + n.duration;
      return n;
    });
    return { notes, start: notes[0]!.start, end: t, restAt: t + BEAT };
  });
const keyArb = fc.record({ tonic: fc.constantFrom('C', 'G', 'D', 'A', 'E', 'B', 'F#', 'Db', 'Ab', 'Eb', 'Bb', 'F', 'C#', 'G#'), mode: fc.constantFrom('major' as const, 'minor' as const) });

describe('answerPhrase (property)', () => {
  it('answers on the boundary with the same length and rhythm, in key, varied, coming home, deterministic per seed', () => {
    fc.assert(
      fc.property(callArb, keyArb, fc.integer({ min: 0, max: 2 ** 31 - 1 }), (call, key, seed) => {
        const at = answerBoundary(call.restAt, 0, BAR);
        const { notes } = answerPhrase(call, key, at, seed);
        expect(answerPhrase(call, key, at, seed)).toEqual(answerPhrase(call, key, at, seed));
        // Lands on the boundary, lasts as long as the call, keeps its rhythm.
        expect(notes[0]!.start).toBe(at);
        expect(at % BAR).toBe(0);
        expect(Math.max(...notes.map((n) => n.start + n.duration)) - at).toBe(call.end - call.start);
        expect(notes.map((n) => [n.start - at, n.duration])).toEqual(call.notes.map((n) => [n.start - call.start, n.duration]));
        // In the key, near the call's register, ending on a tonic-chord tone.
        const scale = scaleChromas(key);
        for (const n of notes) expect(scale).toContain(n.pitch % 12);
        const lo = Math.min(...call.notes.map((n) => n.pitch)) - 7;
        const hi = Math.max(...call.notes.map((n) => n.pitch)) + 7;
        for (const n of notes) expect(n.pitch >= lo && n.pitch <= hi).toBe(true);
        const tonic = [0, 2, 4].map((d) => scale[d]!);
        expect(tonic).toContain(notes.at(-1)!.pitch % 12);
        // Varied, not copied; the feel (loudness) within a touch of the call's (0.05, rounded to 0.001).
        expect(notes.map((n) => n.pitch)).not.toEqual(call.notes.map((n) => n.pitch));
        notes.forEach((n, i) => expect(Math.abs(n.velocity - call.notes[i]!.velocity)).toBeLessThanOrEqual(0.0505 + Math.max(0, 0.05 - call.notes[i]!.velocity)));
      }),
      { numRuns: 400 },
    );
  });

  it('uses every variation across seeds, and different seeds give different answers', () => {
    const call: Phrase = { notes: [note(60, 0), note(62, 240), note(64, 480), note(67, 720, 480)], start: 0, end: 1200, restAt: 1680 };
    const answers = Array.from({ length: 30 }, (_, seed) => answerPhrase(call, { tonic: 'C', mode: 'major' }, 1920, seed));
    expect(new Set(answers.map((a) => a.variation))).toEqual(new Set(['invert', 'sequence', 'retrograde']));
    expect(new Set(answers.map((a) => a.notes.map((n) => n.pitch).join(' '))).size).toBeGreaterThan(2);
  });
});
