import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { sketchToMidi } from './export.ts';
import { fixtureSketch } from './fixture.ts';
import { pairNotes, readBack, referenceMidi } from './testing.ts';
import type { Note, Track } from '../sketch.ts';

const note = fc.record({
  pitch: fc.integer({ min: 0, max: 127 }),
  start: fc.integer({ min: 0, max: 20_000 }),
  duration: fc.integer({ min: 1, max: 3_000 }),
  velocity: fc.double({ min: 0, max: 1, noNaN: true }),
});
// Channels drawn from a small set so that parts sometimes share one, as a careless sketch might.
const part = fc.record({ channel: fc.constantFrom(0, 1, 9), notes: fc.array(note, { maxLength: 60 }) });

function sketchOf(parts: { channel: number; notes: Note[] }[]) {
  const base = fixtureSketch();
  const tracks: Track[] = parts.map((p, i) => ({ id: 'melody', name: `Part ${i + 1}`, instrument: 'piano', program: i, channel: p.channel, notes: p.notes }));
  return { ...base, tracks };
}

const overlapsOnAChannel = (parts: { channel: number; notes: Note[] }[]) => {
  const byKey = new Map<string, Note[]>();
  for (const p of parts) for (const n of p.notes) byKey.set(`${p.channel}:${n.pitch}`, [...(byKey.get(`${p.channel}:${n.pitch}`) ?? []), n]);
  return [...byKey.values()].some((ns) => {
    const sorted = [...ns].sort((a, b) => a.start - b.start);
    return sorted.some((n, i) => i > 0 && sorted[i - 1]!.start + sorted[i - 1]!.duration > n.start);
  });
};

describe('sketchToMidi on arbitrary notes', () => {
  it('never leaves a hanging, doubled or zero-length note, and is deterministic', () => {
    fc.assert(
      fc.property(fc.array(part, { minLength: 1, maxLength: 4 }), (parts) => {
        const sketch = sketchOf(parts);
        const bytes = sketchToMidi(sketch);
        expect(Buffer.from(bytes).equals(Buffer.from(sketchToMidi(sketch)))).toBe(true);
        const file = readBack(bytes);
        expect(file.tracks).toHaveLength(parts.length + 1);
        parts.forEach((p, i) => {
          const notes = pairNotes(file.tracks[i + 1]!); // throws on hanging or doubled notes
          expect(notes.every((n) => n.duration > 0 && n.velocity >= 1)).toBe(true);
          expect(notes.length).toBeLessThanOrEqual(p.notes.length);
        });
      }),
      { numRuns: 150 },
    );
  });

  it('keeps every note exactly when no two notes of a pitch overlap on a channel', () => {
    fc.assert(
      fc.property(fc.array(part, { minLength: 1, maxLength: 4 }), (parts) => {
        fc.pre(!overlapsOnAChannel(parts));
        const file = readBack(sketchToMidi(sketchOf(parts)));
        parts.forEach((p, i) => {
          const expected = p.notes.map(({ pitch, start, duration }) => ({ pitch, start, duration })).sort((a, b) => a.start - b.start || a.pitch - b.pitch);
          expect(pairNotes(file.tracks[i + 1]!).map(({ pitch, start, duration }) => ({ pitch, start, duration }))).toEqual(expected);
        });
      }),
      { numRuns: 150 },
    );
  });

  it('writes the same bytes as @tonejs/midi (key signature corrected) for any notes', () => {
    fc.assert(
      fc.property(fc.array(part, { minLength: 1, maxLength: 4 }), fc.string(), (parts, title) => {
        const sketch = sketchOf(parts);
        expect(Buffer.from(sketchToMidi(sketch, { title })).equals(Buffer.from(referenceMidi(sketch, { title })))).toBe(true);
      }),
      { numRuns: 150 },
    );
  });
});
